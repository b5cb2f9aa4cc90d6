using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Rules;
using OpenApiLint.Core.Rulesets;
using OpenApiLint.Core.Tests.Support;

namespace OpenApiLint.Core.Tests.Rulesets;

[TestFixture]
public sealed class OverridesTests
{
    [TestCase("/health", "/health", true)]
    [TestCase("/health", "/healthz", false)]
    [TestCase("/health", "/health/live", false)]
    [TestCase("/orders/*", "/orders/{id}", true)]
    [TestCase("/orders/*", "/orders/42", true)]
    [TestCase("/orders/*", "/orders", false)]
    [TestCase("/orders/*", "/orders/{id}/items", false)]
    [TestCase("/orders/*/items", "/orders/{id}/items", true)]
    [TestCase("/orders/{id}", "/orders/{id}", true)]
    [TestCase("/orders/{id}", "/orders/42", false)]
    [TestCase("/legacy/**", "/legacy", true)]
    [TestCase("/legacy/**", "/legacy/a", true)]
    [TestCase("/legacy/**", "/legacy/a/b/{c}", true)]
    [TestCase("/legacy/**", "/legacyx", false)]
    [TestCase("/legacy/**", "/api/legacy/a", false)]
    [TestCase("**", "/", true)]
    [TestCase("**", "/anything/at/all", true)]
    [TestCase("**/items", "/orders/{id}/items", true)]
    [TestCase("**/items", "/items", true)]
    [TestCase("**/items", "/fooitems", false)]
    [TestCase("/orders/**/items", "/orders/items", true)]
    [TestCase("/orders/**/items", "/orders/{id}/lines/items", true)]
    [TestCase("/orders/**/items", "/orders/xitems", false)]
    [TestCase("/orders/**", "/orders/", true)]
    [TestCase("/v?/orders", "/v1/orders", true)]
    [TestCase("/v?/orders", "/v10/orders", false)]
    // Case-insensitive as ASP.NET Core routing is (behaviour changed by issue 14; it used to be case-sensitive).
    [TestCase("/Orders", "/orders", true)]
    [TestCase("/api/products/**", "/api/Products/{id}", true)]
    [TestCase("/api/products/*", "/API/PRODUCTS/{ID}", true)]
    [TestCase("/api/products/*", "/api/Productsx/{id}", false)]
    [TestCase("/a.b", "/axb", false)]
    public void Path_globs(string pattern, string path, bool matches)
    {
        Assert.That(PathGlob.IsMatch(pattern, path), Is.EqualTo(matches));
    }

    private const string Document = """
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /health:
            get:
              responses:
                '200': { description: OK, content: { text/plain: {} } }
                '503': { description: Down, content: { text/plain: {} } }
          /orders:
            get:
              responses:
                '200': { description: OK, content: { application/json: {} } }
                '503': { description: Down, content: { application/json: {} } }
            post:
              responses:
                '200': { description: OK, content: { application/json: {} } }
          /legacy/orders/{id}:
            get:
              responses:
                '200': { description: OK, content: { application/json: {} } }
                '503': { description: Down, content: { application/json: {} } }
            delete:
              responses:
                '202': { description: Accepted, content: { application/json: {} } }
        """;

    private static string[] Run(string ruleset) =>
        Lint.Run(Document, Lint.Ruleset(ruleset)).Select(d => $"{d.Method!.ToUpperInvariant()} {d.Path} {d.StatusCode} {d.RuleId} {d.Severity.ToName()}").ToArray();

    [Test]
    public void Severity_off_for_the_health_endpoint()
    {
        var lines = Run("""
            {
              "extends": "minimal-codes",
              "overrides": [ { "paths": ["/health"], "ruleset": { "rules": { "OAL0001": "off" } } } ]
            }
            """);

        Assert.That(lines, Is.EqualTo(new[]
        {
            "GET /orders 503 OAL0001 error",
            "POST /orders 200 OAL0001 error",
            "GET /legacy/orders/{id} 503 OAL0001 error",
            "DELETE /legacy/orders/{id} 202 OAL0001 error",
        }));
    }

    [Test]
    public void Double_star_covers_a_whole_area_and_methods_narrow_it()
    {
        var lines = Run("""
            {
              "extends": "minimal-codes",
              "overrides": [
                { "paths": ["/legacy/**"], "methods": ["get"], "ruleset": { "methods": { "get": { "addAllowed": ["503"] } } } },
                { "paths": ["/health", "/orders"], "ruleset": { "rules": { "OAL0001": "warning" } } }
              ]
            }
            """);

        Assert.That(lines, Is.EqualTo(new[]
        {
            "GET /health 503 OAL0001 warning",
            "GET /orders 503 OAL0001 warning",
            "POST /orders 200 OAL0001 warning",
            "DELETE /legacy/orders/{id} 202 OAL0001 error",
        }));
    }

    [Test]
    public void Single_star_stays_within_one_segment()
    {
        var lines = Run("""
            {
              "extends": "minimal-codes",
              "rules": { "OAL0001": "off" },
              "overrides": [
                { "paths": ["/legacy/*"], "ruleset": { "rules": { "OAL0001": "error" } } },
                { "paths": ["/legacy/*/*"], "methods": ["delete"], "ruleset": { "rules": { "OAL0001": "info" } } }
              ]
            }
            """);

        Assert.That(lines, Is.EqualTo(new[] { "DELETE /legacy/orders/{id} 202 OAL0001 info" }));
    }

    [Test]
    public void Later_overrides_apply_on_top_of_earlier_ones()
    {
        var lines = Run("""
            {
              "methods": { "get": { "allowed": ["200"] } },
              "overrides": [
                { "paths": ["**"], "ruleset": { "methods": { "get": { "addAllowed": ["503"] } } } },
                { "paths": ["/legacy/**"], "ruleset": { "methods": { "get": { "removeAllowed": ["503"] } }, "rules": { "OAL0001": "info" } } }
              ]
            }
            """);

        Assert.That(lines, Is.EqualTo(new[] { "GET /legacy/orders/{id} 503 OAL0001 info" }));
    }

    [Test]
    public void Overrides_can_change_codes_default_and_ranges()
    {
        var ruleset = Lint.Ruleset("""
            {
              "codes": { "202": { "body": "forbidden" } },
              "default": { "allowed": false },
              "overrides": [
                {
                  "paths": ["/legacy/**"],
                  "ruleset": {
                    "codes": { "202": { "body": "any", "responseHeaders": ["Location"] } },
                    "default": { "allowed": true },
                    "ranges": { "allowed": "anyCodeInRange" }
                  }
                }
              ]
            }
            """);

        var legacy = ruleset.ForOperation("/legacy/orders/{id}", "delete");
        var other = ruleset.ForOperation("/orders", "delete");

        Assert.Multiple(() =>
        {
            Assert.That(legacy.ForCode("202"), Is.EqualTo(new CodePolicy(["Location"], BodyRequirement.Any, [], [], null)).Using<CodePolicy>(SamePolicy));
            Assert.That((legacy.Default.Allowed, legacy.Ranges.Allowed), Is.EqualTo((true, RangeAllowance.AnyCodeInRange)));
            Assert.That(other.ForCode("202")!.Body, Is.EqualTo(BodyRequirement.Forbidden));
            Assert.That((other.Default.Allowed, other.Ranges.Allowed), Is.EqualTo((false, RangeAllowance.Explicit)));
            Assert.That(legacy.Overrides, Is.Empty, "an applied override is not applied again");
            Assert.That(ruleset.ForOperation("/legacy/orders/{id}", "delete"), Is.SameAs(legacy), "per-operation rulesets are cached");
        });
    }

    private static bool SamePolicy(CodePolicy a, CodePolicy b) =>
        a.ResponseHeaders.SequenceEqual(b.ResponseHeaders) && a.Body == b.Body && a.RequestHeaders.SequenceEqual(b.RequestHeaders)
        && a.ErrorBodyProperties.SequenceEqual(b.ErrorBodyProperties) && a.Rationale == b.Rationale;

    [Test]
    public void Inherited_overrides_come_first_and_still_apply()
    {
        const string document = """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /orders:
                head:
                  responses:
                    '200': { description: OK, content: { application/json: {} } }
              /legacy/orders:
                head:
                  responses:
                    '200': { description: OK, content: { application/json: {} } }
            """;
        var ruleset = Lint.Ruleset("""
            {
              "extends": "http-semantics",
              "overrides": [ { "paths": ["/legacy/**"], "ruleset": { "rules": { "OAL0004": "warning" } } } ]
            }
            """);

        var diagnostics = Lint.Run(document, ruleset, RuleIds.ResponseBodyForbidden);

        Assert.Multiple(() =>
        {
            Assert.That(ruleset.Overrides.Select(o => string.Join(",", o.Paths)), Is.EqualTo(new[] { "**", "**", "/legacy/**" }));
            Assert.That(diagnostics.Select(d => (d.Path, d.Severity)), Is.EqualTo(new[] { ("/orders", Severity.Error), ("/legacy/orders", Severity.Warning) }));
        });
    }

    [Test]
    public void Document_level_findings_use_the_ruleset_without_overrides()
    {
        const string document = """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /legacy/a:
                get:
                  responses:
                    '200': { description: OK }
                    '201': { description: OK }
            """;
        var ruleset = Lint.Ruleset("""
            {
              "maxDistinctCodes": 1,
              "overrides": [ { "paths": ["**"], "ruleset": { "rules": { "OAL0008": "off" } } } ]
            }
            """);

        // OAL0008 counts the whole document, which no single path matches: only top-level rules apply to it.
        Assert.That(Lint.Run(document, ruleset, RuleIds.TooManyDistinctCodes).Select(d => d.Severity), Is.EqualTo(new[] { Severity.Warning }));
    }
}
