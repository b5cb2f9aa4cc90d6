using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Rules;
using OpenApiLint.Core.Tests.Support;

namespace OpenApiLint.Core.Tests.Rules;

[TestFixture]
public sealed class OAL0011_RemoteReferenceTests
{
    private const string Id = RuleIds.RemoteReference;

    [Test]
    public void Remote_references_are_reported_and_never_fetched()
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
                        application/json:
                          schema: { $ref: 'http://127.0.0.1:9/schemas.yaml#/Order' }
                    '404':
                      $ref: 'https://example.com/common.yaml#/responses/NotFound'
                    '500':
                      $ref: 'urn:example:errors#/Error'
            """;

        var diagnostics = Lint.Run(document, Lint.BuiltIn("recommended"));

        Assert.That(Lint.Describe(diagnostics), Is.EqualTo(new[]
        {
            "11:25 OAL0011 warning /paths/~1orders/get/responses/200/content/application~1json/schema/$ref | $ref 'http://127.0.0.1:9/schemas.yaml#/Order' is remote and was not fetched; what it names is not checked",
            "13:11 OAL0011 warning /paths/~1orders/get/responses/404/$ref | $ref 'https://example.com/common.yaml#/responses/NotFound' is remote and was not fetched; what it names is not checked",
            "15:11 OAL0011 warning /paths/~1orders/get/responses/500/$ref | $ref 'urn:example:errors#/Error' is remote and was not fetched; what it names is not checked",
        }));
    }

    [Test]
    public void Local_and_relative_references_are_not_remote()
    {
        using var folder = new TempFolder();
        var documentPath = folder.Write("openapi.yaml", """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /orders:
                get:
                  responses:
                    '200':
                      $ref: 'responses.yaml#/Ok'
                    '404':
                      $ref: '#/components/responses/NotFound'
            components:
              responses:
                NotFound: { description: Not found }
            """);
        folder.Write("responses.yaml", "Ok: { description: OK, content: { application/json: {} } }\n");

        Assert.That(Lint.RunFile(documentPath, Lint.BuiltIn("recommended")), Is.Empty);
    }

    [Test]
    public void Severity_and_ignore_apply()
    {
        const string document = """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /a:
                get:
                  x-openapi-lint-ignore: [OAL0011]
                  responses:
                    '404': { $ref: 'https://example.com/common.yaml#/NotFound' }
              /b:
                get:
                  responses:
                    '404': { $ref: 'https://example.com/common.yaml#/NotFound' }
            """;
        var ruleset = Lint.Ruleset("""{ "rules": { "OAL0011": "error" } }""");

        var diagnostics = Lint.Run(document, ruleset, Id);

        Assert.Multiple(() =>
        {
            Assert.That(diagnostics.Select(d => d.Path), Is.EqualTo(new[] { "/b" }));
            Assert.That(diagnostics.Select(d => d.Severity), Is.EqualTo(new[] { Severity.Error }));
        });
    }

    [Test]
    public void Swagger_2_json_remote_reference_is_reported()
    {
        const string document = """
            {
              "swagger": "2.0",
              "info": { "title": "t", "version": "1" },
              "paths": {
                "/orders": {
                  "get": {
                    "responses": {
                      "200": { "description": "OK", "schema": { "$ref": "https://example.com/order.json" } }
                    }
                  }
                }
              }
            }
            """;

        Assert.That(Lint.Lines(Lint.Run(document, Lint.BuiltIn("recommended"), Id, "swagger.json")), Is.EqualTo(new[]
        {
            "8:53 OAL0011 warning $ref 'https://example.com/order.json' is remote and was not fetched; what it names is not checked",
        }));
    }
}
