using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Rules;
using OpenApiLint.Core.Tests.Support;

namespace OpenApiLint.Core.Tests.Rules;

[TestFixture]
public sealed class OAL0008_TooManyDistinctCodesTests
{
    private const string Id = RuleIds.TooManyDistinctCodes;

    private const string FiveCodes = """
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /orders:
            get:
              responses:
                '200': { description: OK }
                '404': { description: Not found }
                default: { description: Error }
            post:
              responses:
                '201': { description: Created }
                '404': { description: Not found }
                4XX: { description: Client error }
          /health:
            get:
              responses:
                '200': { description: OK }
                '503': { description: Unavailable }
        """;

    [Test]
    public void Over_the_cap_is_reported_once_at_the_first_use_of_a_code_beyond_it()
    {
        var ruleset = Lint.Ruleset("""{ "maxDistinctCodes": 3, "rules": { "OAL0008": { "severity": "warning", "rationale": "\"Try to minimize\"" } } }""");

        var diagnostics = Lint.Run(FiveCodes, ruleset, Id);

        // Document order: 200, 404, 201, 4XX, 503 (default is not a code); the 4th distinct one is 4XX.
        Assert.That(Lint.Describe(diagnostics), Is.EqualTo(new[]
        {
            "14:9 OAL0008 warning /paths/~1orders/post/responses/4XX | the document uses 5 distinct status codes (200, 201, 404, 4XX, 503); team allows at most 3",
        }));
        Assert.Multiple(() =>
        {
            Assert.That(diagnostics[0].Path, Is.Null, "the finding is about the document, not one operation");
            Assert.That(diagnostics[0].Rationale, Is.EqualTo("\"Try to minimize\""));
        });
    }

    [TestCase(5)]
    [TestCase(6)]
    public void At_or_under_the_cap_is_not_reported(int cap)
    {
        var ruleset = Lint.Ruleset($$"""{ "maxDistinctCodes": {{cap}} }""");

        Assert.That(Lint.Run(FiveCodes, ruleset, Id), Is.Empty);
    }

    [Test]
    public void Without_a_cap_nothing_is_counted()
    {
        Assert.That(Lint.Run(FiveCodes, Lint.Ruleset("{}"), Id), Is.Empty);
    }

    [Test]
    public void Cap_is_inherited_and_can_be_replaced()
    {
        var inherited = Lint.Ruleset("""{ "extends": "minimal-codes" }""");
        var replaced = Lint.Ruleset("""{ "extends": "minimal-codes", "maxDistinctCodes": 4 }""");

        Assert.Multiple(() =>
        {
            Assert.That(inherited.MaxDistinctCodes, Is.EqualTo(8));
            Assert.That(Lint.Run(FiveCodes, inherited, Id), Is.Empty);
            Assert.That(Lint.Lines(Lint.Run(FiveCodes, replaced, Id)), Is.EqualTo(new[]
            {
                "19:9 OAL0008 warning the document uses 5 distinct status codes (200, 201, 404, 4XX, 503); team allows at most 4",
            }));
        });
    }

    [Test]
    public void Swagger_2_json_is_counted_with_json_positions()
    {
        const string document = """
            {
              "swagger": "2.0",
              "info": { "title": "t", "version": "1" },
              "paths": {
                "/a": { "get": { "responses": { "200": { "description": "OK" }, "500": { "description": "E" } } } }
              }
            }
            """;
        var ruleset = Lint.Ruleset("""{ "maxDistinctCodes": 1, "rules": { "OAL0008": "error" } }""");

        var diagnostics = Lint.Run(document, ruleset, Id, "swagger.json");

        Assert.That(Lint.Describe(diagnostics), Is.EqualTo(new[]
        {
            "5:69 OAL0008 error /paths/~1a/get/responses/500 | the document uses 2 distinct status codes (200, 500); team allows at most 1",
        }));
        Assert.That(diagnostics[0].Severity, Is.EqualTo(Severity.Error));
    }
}
