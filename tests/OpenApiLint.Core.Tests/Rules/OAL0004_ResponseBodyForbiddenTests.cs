using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Rules;
using OpenApiLint.Core.Tests.Support;

namespace OpenApiLint.Core.Tests.Rules;

[TestFixture]
public sealed class OAL0004_ResponseBodyForbiddenTests
{
    private const string Id = RuleIds.ResponseBodyForbidden;

    [Test]
    public void Body_on_204_is_reported_at_its_content()
    {
        const string document = """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /orders/{id}:
                delete:
                  responses:
                    '204':
                      description: Deleted
                      content:
                        application/json: { schema: { type: object } }
                        text/plain: {}
            """;

        var diagnostics = Lint.Run(document, Lint.BuiltIn("recommended"), Id);

        Assert.That(Lint.Describe(diagnostics), Is.EqualTo(new[]
        {
            "9:11 OAL0004 error /paths/~1orders~1{id}/delete/responses/204/content | DELETE /orders/{id} 204 response declares a body (application/json, text/plain); recommended forbids a body on 204",
        }));
        Assert.Multiple(() =>
        {
            Assert.That(diagnostics[0].StatusCode, Is.EqualTo("204"));
            Assert.That(diagnostics[0].RelatedLocations, Is.Empty);
            Assert.That(diagnostics[0].Rationale, Does.StartWith("“Rest specific http status codes”: \"The 204 response must not include a message-body"));
        });
    }

    [Test]
    public void Response_without_content_is_not_reported()
    {
        const string document = """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /orders/{id}:
                delete:
                  responses:
                    '204':
                      description: Deleted
                      headers:
                        X-Request-Id: { schema: { type: string } }
            """;

        Assert.That(Lint.Run(document, Lint.BuiltIn("recommended"), Id), Is.Empty);
    }

    [Test]
    public void Codes_without_a_forbidden_body_may_have_one()
    {
        const string document = """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /orders:
                get:
                  responses:
                    '200':
                      description: OK
                      content:
                        application/json: { schema: { type: object } }
            """;

        Assert.That(Lint.Run(document, Lint.BuiltIn("recommended"), Id), Is.Empty);
    }

    [Test]
    public void Range_policy_applies_unless_the_code_has_its_own()
    {
        const string document = """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /orders:
                get:
                  responses:
                    '404':
                      description: Not found
                      content: { application/json: {} }
                    '409':
                      description: Conflict
                      content: { application/json: {} }
            """;
        var ruleset = Lint.Ruleset("""{ "codes": { "4XX": { "body": "forbidden" }, "409": { "body": "any" } } }""");

        Assert.That(Lint.Lines(Lint.Run(document, ruleset, Id)), Is.EqualTo(new[]
        {
            "9:11 OAL0004 error GET /orders 404 response declares a body (application/json); team forbids a body on 404",
        }));
    }

    [Test]
    public void Swagger_2_schema_is_the_body_and_is_reported_at_the_schema()
    {
        const string document = """
            swagger: '2.0'
            info: { title: t, version: '1' }
            produces: [application/json]
            paths:
              /orders/{id}:
                get:
                  parameters:
                    - { name: id, in: path, required: true, type: string }
                    - { name: If-None-Match, in: header, type: string }
                  responses:
                    '200':
                      description: OK
                      schema: { type: object }
                    '304':
                      description: Not modified
                      schema: { type: object }
            """;

        var diagnostics = Lint.Run(document, Lint.BuiltIn("recommended"), Id);

        Assert.That(Lint.Describe(diagnostics), Is.EqualTo(new[]
        {
            "16:11 OAL0004 error /paths/~1orders~1{id}/get/responses/304/schema | GET /orders/{id} 304 response declares a body (application/json); recommended forbids a body on 304",
        }));
    }

    [Test]
    public void Swagger_2_response_without_schema_has_no_body()
    {
        // The reader gives every Swagger 2 response a media type from `produces`; only a schema makes it a body.
        const string document = """
            swagger: '2.0'
            info: { title: t, version: '1' }
            produces: [application/json]
            paths:
              /orders/{id}:
                get:
                  parameters:
                    - { name: id, in: path, required: true, type: string }
                    - { name: If-None-Match, in: header, type: string }
                  responses:
                    '304': { description: Not modified }
                delete:
                  parameters:
                    - { name: id, in: path, required: true, type: string }
                  responses:
                    '204': { description: Deleted }
            """;

        Assert.That(Lint.Run(document, Lint.BuiltIn("recommended")), Is.Empty);
    }

    [Test]
    public void Referenced_response_is_reported_at_the_reference_site_with_the_definition_related()
    {
        const string document = """
            {
              "openapi": "3.0.3",
              "info": { "title": "t", "version": "1" },
              "paths": {
                "/orders/{id}": {
                  "put": {
                    "responses": {
                      "204": { "$ref": "#/components/responses/Updated" }
                    }
                  }
                }
              },
              "components": {
                "responses": {
                  "Updated": {
                    "description": "Updated",
                    "content": { "application/json": {} }
                  }
                }
              }
            }
            """;

        var diagnostic = Lint.Run(document, Lint.BuiltIn("minimal-codes"), Id, "openapi.json").Single();

        Assert.Multiple(() =>
        {
            Assert.That(Lint.Describe(diagnostic), Is.EqualTo("8:11 OAL0004 error /paths/~1orders~1{id}/put/responses/204 | PUT /orders/{id} 204 response declares a body (application/json); minimal-codes forbids a body on 204"));
            Assert.That(diagnostic.RelatedLocations.Select(Lint.Where), Is.EqualTo(new[] { "openapi.json 15:7 /components/responses/Updated" }));
        });
    }

    [Test]
    public void Ignore_on_the_operation_or_the_response_silences_the_rule()
    {
        const string document = """
            openapi: 3.1.0
            info: { title: t, version: '1' }
            paths:
              /a:
                delete:
                  x-openapi-lint-ignore: [OAL0004]
                  responses:
                    '204': { description: Deleted, content: { text/plain: {} } }
              /b:
                delete:
                  responses:
                    '204': { description: Deleted, content: { text/plain: {} }, x-openapi-lint-ignore: [OAL0004] }
              /c:
                delete:
                  responses:
                    '204': { description: Deleted, content: { text/plain: {} }, x-openapi-lint-ignore: [OAL0005] }
            """;

        var diagnostics = Lint.Run(document, Lint.BuiltIn("recommended"), Id);

        Assert.That(Lint.Describe(diagnostics), Is.EqualTo(new[]
        {
            "16:40 OAL0004 error /paths/~1c/delete/responses/204/content | DELETE /c 204 response declares a body (text/plain); recommended forbids a body on 204",
        }));
    }

    [Test]
    public void Severity_can_be_lowered()
    {
        const string document = """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /a:
                delete:
                  responses:
                    '204': { description: Deleted, content: { text/plain: {} } }
            """;
        var ruleset = Lint.Ruleset("""{ "extends": "recommended", "rules": { "OAL0004": "warning" } }""");

        Assert.That(Lint.Run(document, ruleset, Id).Select(d => d.Severity), Is.EqualTo(new[] { Severity.Warning }));
    }
}
