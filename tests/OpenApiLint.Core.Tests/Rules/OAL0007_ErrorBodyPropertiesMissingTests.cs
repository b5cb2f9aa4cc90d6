using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Rules;
using OpenApiLint.Core.Tests.Support;

namespace OpenApiLint.Core.Tests.Rules;

[TestFixture]
public sealed class OAL0007_ErrorBodyPropertiesMissingTests
{
    private const string Id = RuleIds.ErrorBodyPropertiesMissing;

    private const string ErrorShape = """{ "codes": { "5XX": { "errorBodyProperties": ["code", "type", "message"], "rationale": "\"code, type and message\"" } } }""";

    [Test]
    public void Missing_properties_are_reported_at_the_content()
    {
        const string document = """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /orders:
                get:
                  responses:
                    '500':
                      description: Error
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              code: { type: integer }
            """;

        var diagnostics = Lint.Run(document, Lint.Ruleset(ErrorShape), Id);

        Assert.That(Lint.Describe(diagnostics), Is.EqualTo(new[]
        {
            "9:11 OAL0007 warning /paths/~1orders/get/responses/500/content | GET /orders 500 response body lacks type, message; team requires code, type, message in the body of 500",
        }));
        Assert.That(diagnostics[0].Rationale, Is.EqualTo("\"code, type and message\""));
    }

    [Test]
    public void Properties_found_through_allOf_and_references_count()
    {
        const string document = """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /orders:
                get:
                  responses:
                    '503':
                      description: Error
                      content:
                        application/problem+json:
                          schema:
                            allOf:
                              - $ref: '#/components/schemas/Error'
                              - type: object
                                properties:
                                  message: { type: string }
            components:
              schemas:
                Error:
                  type: object
                  properties:
                    code: { type: integer }
                    type: { type: string }
            """;

        Assert.That(Lint.Run(document, Lint.Ruleset(ErrorShape), Id), Is.Empty);
    }

    [Test]
    public void Json_media_type_is_preferred_over_others()
    {
        const string document = """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /orders:
                get:
                  responses:
                    '500':
                      description: Error
                      content:
                        text/plain:
                          schema: { type: string }
                        application/json:
                          schema:
                            properties:
                              code: { type: integer }
                              type: { type: string }
                              message: { type: string }
            """;

        Assert.That(Lint.Run(document, Lint.Ruleset(ErrorShape), Id), Is.Empty);
    }

    [Test]
    public void Responses_without_body_are_left_to_the_body_rules()
    {
        const string document = """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /orders:
                get:
                  responses:
                    '500':
                      description: Error
            """;

        Assert.That(Lint.Run(document, Lint.Ruleset(ErrorShape), Id), Is.Empty);
    }

    [Test]
    public void Body_without_schema_lacks_every_property()
    {
        const string document = """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /orders:
                get:
                  responses:
                    '500':
                      description: Error
                      content:
                        application/json: {}
            """;

        Assert.That(Lint.Lines(Lint.Run(document, Lint.Ruleset(ErrorShape), Id)), Is.EqualTo(new[]
        {
            "9:11 OAL0007 warning GET /orders 500 response body lacks code, type, message; team requires code, type, message in the body of 500",
        }));
    }

    [Test]
    public void Swagger_2_schema_is_checked_and_reported_at_the_schema()
    {
        const string document = """
            swagger: '2.0'
            info: { title: t, version: '1' }
            produces: [application/json]
            paths:
              /orders:
                get:
                  responses:
                    '500':
                      description: Error
                      schema:
                        $ref: '#/definitions/Error'
            definitions:
              Error:
                type: object
                properties:
                  code: { type: integer }
                  message: { type: string }
            """;

        Assert.That(Lint.Describe(Lint.Run(document, Lint.BuiltIn("conditional-requests"), Id)), Is.EqualTo(new[]
        {
            "10:11 OAL0007 info /paths/~1orders/get/responses/500/schema | GET /orders 500 response body lacks type; conditional-requests requires code, type, message in the body of 500",
        }));
    }

    [Test]
    public void Referenced_response_is_reported_at_the_reference_site_with_the_definition_related()
    {
        const string document = """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /orders:
                get:
                  responses:
                    '500':
                      $ref: '#/components/responses/Error'
            components:
              responses:
                Error:
                  description: Error
                  content:
                    application/json:
                      schema: { type: object, properties: { error: { type: string } } }
            """;

        var diagnostic = Lint.Run(document, Lint.Ruleset(ErrorShape), Id).Single();

        Assert.Multiple(() =>
        {
            Assert.That(Lint.Describe(diagnostic), Is.EqualTo("7:9 OAL0007 warning /paths/~1orders/get/responses/500 | GET /orders 500 response body lacks code, type, message; team requires code, type, message in the body of 500"));
            Assert.That(diagnostic.RelatedLocations.Select(Lint.Where), Is.EqualTo(new[] { "openapi.yaml 11:5 /components/responses/Error" }));
        });
    }

    [Test]
    public void Ignore_and_severity()
    {
        const string document = """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /a:
                get:
                  responses:
                    '500': { description: E, content: { application/json: {} }, x-openapi-lint-ignore: [OAL0007] }
              /b:
                get:
                  responses:
                    '500': { description: E, content: { application/json: {} } }
            """;
        var ruleset = Lint.Ruleset("""{ "codes": { "500": { "errorBodyProperties": ["code"] } }, "rules": { "OAL0007": "error" } }""");

        var diagnostics = Lint.Run(document, ruleset, Id);

        Assert.Multiple(() =>
        {
            Assert.That(diagnostics.Select(d => d.Path), Is.EqualTo(new[] { "/b" }));
            Assert.That(diagnostics.Select(d => d.Severity), Is.EqualTo(new[] { Severity.Error }));
        });
    }
}
