using OpenApiLint.Core.Rules;
using OpenApiLint.Core.Tests.Support;

namespace OpenApiLint.Core.Tests.Rules;

[TestFixture]
public sealed class OAL0006_PreconditionHeaderMissingTests
{
    private const string Id = RuleIds.PreconditionHeaderMissing;

    private static string GetWith304(string parameters) => $$"""
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /orders/{id}:
            get:
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
        {{parameters}}
              responses:
                '200':
                  description: OK
                  content: { application/json: {} }
                '304':
                  description: Not modified
        """;

    [Test]
    public void Code_needing_a_precondition_header_is_reported_when_no_such_header_is_accepted()
    {
        var diagnostics = Lint.Run(GetWith304(""), Lint.BuiltIn("conditional-requests"), Id);

        Assert.That(Lint.Describe(diagnostics), Is.EqualTo(new[]
        {
            "13:9 OAL0006 error /paths/~1orders~1{id}/get/responses/304 | GET /orders/{id} declares 304 but accepts no If-None-Match request header; conditional-requests requires If-None-Match for 304",
        }));
        Assert.Multiple(() =>
        {
            Assert.That(diagnostics[0].StatusCode, Is.EqualTo("304"));
            Assert.That(diagnostics[0].Rationale, Does.StartWith("\"Returned when the client includes the “If-None-Match” header"));
        });
    }

    [TestCase("If-None-Match")]
    [TestCase("if-none-match")]
    public void Header_parameter_on_the_operation_is_accepted(string name)
    {
        var document = GetWith304($"        - {{ name: {name}, in: header, schema: {{ type: string }} }}");

        Assert.That(Lint.Run(document, Lint.BuiltIn("conditional-requests"), Id), Is.Empty);
    }

    [Test]
    public void Parameter_of_the_same_name_elsewhere_than_the_header_does_not_count()
    {
        var document = GetWith304("        - { name: If-None-Match, in: query, schema: { type: string } }");

        Assert.That(Lint.Run(document, Lint.BuiltIn("conditional-requests"), Id), Has.Count.EqualTo(1));
    }

    [Test]
    public void Any_one_of_several_named_headers_is_enough()
    {
        var withModifiedSince = GetWith304("        - { name: If-Modified-Since, in: header, schema: { type: string } }");

        Assert.Multiple(() =>
        {
            Assert.That(Lint.Run(withModifiedSince, Lint.BuiltIn("recommended"), Id), Is.Empty);
            Assert.That(Lint.Lines(Lint.Run(GetWith304(""), Lint.BuiltIn("recommended"), Id)), Is.EqualTo(new[]
            {
                "13:9 OAL0006 error GET /orders/{id} declares 304 but accepts no If-None-Match or If-Modified-Since request header; recommended requires If-None-Match or If-Modified-Since for 304",
            }));
            // conditional-requests names only If-None-Match: If-Modified-Since does not satisfy it.
            Assert.That(Lint.Run(withModifiedSince, Lint.BuiltIn("conditional-requests"), Id), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void Header_parameter_on_the_path_item_and_referenced_parameters_count()
    {
        const string document = """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /orders/{id}:
                parameters:
                  - $ref: '#/components/parameters/IfMatch'
                put:
                  responses:
                    '204': { description: Updated }
                    '412': { description: Precondition failed }
                patch:
                  parameters:
                    - $ref: '#/components/parameters/IfMatch'
                  responses:
                    '204': { description: Updated }
                    '412': { description: Precondition failed }
              /orders:
                post:
                  responses:
                    '201': { description: Created }
                    '412': { description: Precondition failed }
            components:
              parameters:
                IfMatch: { name: If-Match, in: header, schema: { type: string } }
            """;

        Assert.That(Lint.Describe(Lint.Run(document, Lint.BuiltIn("conditional-requests"), Id)), Is.EqualTo(new[]
        {
            "21:9 OAL0006 error /paths/~1orders/post/responses/412 | POST /orders declares 412 but accepts no If-Match request header; conditional-requests requires If-Match for 412",
        }));
    }

    [Test]
    public void Swagger_2_header_parameters_are_read()
    {
        const string document = """
            {
              "swagger": "2.0",
              "info": { "title": "t", "version": "1" },
              "paths": {
                "/orders/{id}": {
                  "put": {
                    "parameters": [
                      { "name": "If-Match", "in": "header", "type": "string" }
                    ],
                    "responses": { "412": { "description": "Precondition failed" } }
                  },
                  "delete": {
                    "responses": { "412": { "description": "Precondition failed" } }
                  }
                }
              }
            }
            """;

        Assert.That(Lint.Describe(Lint.Run(document, Lint.BuiltIn("conditional-requests"), Id, "swagger.json")), Is.EqualTo(new[]
        {
            "13:24 OAL0006 error /paths/~1orders~1{id}/delete/responses/412 | DELETE /orders/{id} declares 412 but accepts no If-Match request header; conditional-requests requires If-Match for 412",
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
                    '304':
                      $ref: '#/components/responses/NotModified'
            components:
              responses:
                NotModified:
                  description: Not modified
            """;

        var diagnostic = Lint.Run(document, Lint.BuiltIn("conditional-requests"), Id).Single();

        Assert.Multiple(() =>
        {
            Assert.That(Lint.Where(diagnostic.Location), Is.EqualTo("openapi.yaml 7:9 /paths/~1orders/get/responses/304"));
            Assert.That(diagnostic.RelatedLocations.Select(Lint.Where), Is.EqualTo(new[] { "openapi.yaml 11:5 /components/responses/NotModified" }));
        });
    }

    [Test]
    public void Ignore_on_the_operation_or_response_silences_the_rule()
    {
        const string document = """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /a:
                get:
                  x-openapi-lint-ignore: [OAL0006]
                  responses:
                    '304': { description: Not modified }
              /b:
                get:
                  responses:
                    '304': { description: Not modified, x-openapi-lint-ignore: [OAL0006] }
            """;

        Assert.That(Lint.Run(document, Lint.BuiltIn("conditional-requests"), Id), Is.Empty);
    }

    [Test]
    public void Codes_without_request_header_policy_are_not_checked()
    {
        const string document = """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /a:
                get:
                  responses:
                    '304': { description: Not modified }
            """;

        Assert.That(Lint.Run(document, Lint.BuiltIn("minimal-codes"), Id), Is.Empty);
    }
}
