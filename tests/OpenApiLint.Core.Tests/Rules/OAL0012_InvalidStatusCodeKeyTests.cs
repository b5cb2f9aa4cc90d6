using OpenApiLint.Core.Rules;
using OpenApiLint.Core.Tests.Support;

namespace OpenApiLint.Core.Tests.Rules;

[TestFixture]
public sealed class OAL0012_InvalidStatusCodeKeyTests
{
    private const string Id = RuleIds.InvalidStatusCodeKey;

    [TestCase("'2000'")]
    [TestCase("2xx")]
    [TestCase("'4xx'")]
    [TestCase("OK")]
    [TestCase("'600'")]
    [TestCase("'099'")]
    [TestCase("'20'")]
    [TestCase("6XX")]
    [TestCase("Default")]
    public void Key_that_is_not_a_code_range_or_default_is_reported(string key)
    {
        var document = $$"""
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /orders:
                get:
                  responses:
                    {{key}}:
                      description: Typo
            """;
        var unquoted = key.Trim('\'');

        var diagnostics = Lint.Run(document, Lint.BuiltIn("recommended"), Id);

        Assert.That(Lint.Describe(diagnostics), Is.EqualTo(new[]
        {
            $"7:9 OAL0012 error /paths/~1orders/get/responses/{unquoted} | GET /orders declares the response key '{unquoted}'; expected a status code (100-599), an upper-case range (4XX) or default",
        }));
        Assert.That(diagnostics[0].StatusCode, Is.EqualTo(unquoted));
    }

    [TestCase("'100'")]
    [TestCase("'599'")]
    [TestCase("200")]
    [TestCase("1XX")]
    [TestCase("'5XX'")]
    [TestCase("default")]
    public void Codes_ranges_and_default_are_valid(string key)
    {
        var document = $$"""
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /orders:
                get:
                  responses:
                    {{key}}:
                      description: Fine
            """;

        Assert.That(Lint.Run(document, Lint.BuiltIn("recommended"), Id), Is.Empty);
    }

    [Test]
    public void Swagger_2_json_key_is_reported_and_ignore_applies()
    {
        const string document = """
            {
              "swagger": "2.0",
              "info": { "title": "t", "version": "1" },
              "paths": {
                "/a": { "get": { "responses": { "OK": { "description": "OK" } } } },
                "/b": { "get": { "responses": { "OK": { "description": "OK", "x-openapi-lint-ignore": ["OAL0012"] } } } },
                "/c": { "get": { "x-openapi-lint-ignore": ["OAL0012"], "responses": { "OK": { "description": "OK" } } } }
              }
            }
            """;

        Assert.That(Lint.Describe(Lint.Run(document, Lint.BuiltIn("recommended"), Id, "swagger.json")), Is.EqualTo(new[]
        {
            "5:37 OAL0012 error /paths/~1a/get/responses/OK | GET /a declares the response key 'OK'; expected a status code (100-599), an upper-case range (4XX) or default",
        }));
    }
}
