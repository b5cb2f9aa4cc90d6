using OpenApiLint.Core.Rules;
using OpenApiLint.Core.Rulesets;
using OpenApiLint.Core.Tests.Support;

namespace OpenApiLint.Core.Tests.BuiltIns;

/// <summary>
/// <c>recommended</c>, the default: only the checks at least one guideline states and none contradicts, as
/// rulesets/README.md lists them; no per-method lists, 201, 307 and error bodies left free.
/// </summary>
[TestFixture]
public sealed class RecommendedTests
{
    private const string Name = BuiltInRulesets.DefaultName;

    [Test]
    public void Is_the_default_and_extends_nothing()
    {
        var ruleset = Lint.BuiltIn(Name);

        Assert.Multiple(() =>
        {
            Assert.That(Name, Is.EqualTo("recommended"));
            Assert.That(ruleset.Extends, Is.Empty);
            Assert.That(ruleset.Methods, Is.Empty);
            Assert.That(ruleset.MaxDistinctCodes, Is.Null);
            Assert.That(ruleset.Rules, Is.Empty, "severities are the rules' defaults");
        });
    }

    // The guidelines' tables disagree (POST 200, DELETE 200, 409, 412, 503), and sound APIs use 409, 422, 429.
    [TestCase("post", "200")]
    [TestCase("delete", "200")]
    [TestCase("delete", "404")]
    [TestCase("put", "409")]
    [TestCase("post", "422")]
    [TestCase("get", "429")]
    [TestCase("get", "503")]
    public void No_method_has_a_code_list(string method, string code)
    {
        Assert.That(Lint.Run(Doc.Operation(method, code), Lint.BuiltIn(Name), RuleIds.StatusCodeNotAllowed), Is.Empty);
    }

    private static IEnumerable<TestCaseData> Requirements()
    {
        TestCaseData Case(string name, string document, params string[] expected) => new TestCaseData(document, expected).SetName(name);
        string[] location = ["Location"];

        yield return Case("200 without body", Doc.Operation("get", "200", body: false),
            "8:9 OAL0005 warning GET /orders 200 response declares no body; recommended expects a body on 200");
        yield return Case("HEAD 200 with body", Doc.Operation("head", "200"),
            "11:11 OAL0004 error HEAD /orders 200 response declares a body (application/json); recommended forbids a body on 200");
        yield return Case("HEAD 200 without body", Doc.Operation("head", "200", body: false));

        yield return Case("201 without Location", Doc.Operation("post", "201"),
            "8:9 OAL0003 error POST /orders 201 response does not declare the Location header; recommended requires Location on 201");
        // 002 wants an identifier in the 201 body, 003 forbids a POST body: left free.
        yield return Case("201 with Location and body", Doc.Operation("post", "201", responseHeaders: location));
        yield return Case("201 with Location, no body", Doc.Operation("post", "201", body: false, responseHeaders: location));

        yield return Case("202 without body", Doc.Operation("post", "202", body: false),
            "8:9 OAL0005 warning POST /orders 202 response declares no body; recommended expects a body on 202");

        yield return Case("204 with body", Doc.Operation("delete", "204"),
            "11:11 OAL0004 error DELETE /orders 204 response declares a body (application/json); recommended forbids a body on 204");

        // 301 and 307 "should", 302 "will", 303 "may".
        foreach (var (code, severity) in new[] { ("301", "warning"), ("302", "error"), ("303", "info"), ("307", "warning") })
        {
            yield return Case($"{code} without Location", Doc.Operation("get", code, body: false),
                $"8:9 OAL0003 {severity} GET /orders {code} response does not declare the Location header; recommended requires Location on {code}");
            yield return Case($"{code} with Location", Doc.Operation("get", code, body: false, responseHeaders: location));
        }

        yield return Case("304 with body, no conditional header", Doc.Operation("get", "304"),
            "8:9 OAL0006 error GET /orders declares 304 but accepts no If-None-Match or If-Modified-Since request header; recommended requires If-None-Match or If-Modified-Since for 304",
            "11:11 OAL0004 error GET /orders 304 response declares a body (application/json); recommended forbids a body on 304");
        yield return Case("304 with If-None-Match", Doc.Operation("get", "304", body: false, requestHeaders: ["If-None-Match"]));
        yield return Case("304 with If-Modified-Since", Doc.Operation("get", "304", body: false, requestHeaders: ["If-Modified-Since"]));

        yield return Case("401 without WWW-Authenticate", Doc.Operation("get", "401", body: false),
            "8:9 OAL0003 error GET /orders 401 response does not declare the WWW-Authenticate header; recommended requires WWW-Authenticate on 401");
        yield return Case("405 without Allow", Doc.Operation("put", "405", body: false),
            "8:9 OAL0003 error PUT /orders 405 response does not declare the Allow header; recommended requires Allow on 405");

        yield return Case("412 without precondition header", Doc.Operation("put", "412"),
            "8:9 OAL0006 error PUT /orders declares 412 but accepts no If-Match, If-None-Match or If-Unmodified-Since request header; recommended requires If-Match, If-None-Match or If-Unmodified-Since for 412");
        foreach (var header in new[] { "If-Match", "If-None-Match", "If-Unmodified-Since" })
        {
            yield return Case($"412 with {header}", Doc.Operation("put", "412", requestHeaders: [header]));
        }

        // Error bodies and the 307 note are left free.
        yield return Case("401 and 404 bodies are free", Doc.Operation("get", "404"));
        yield return Case("500 without body", Doc.Operation("get", "500", body: false));
        yield return Case("500 with any body", Doc.Operation("get", "500"));
        yield return Case("307 without body", Doc.Operation("post", "307", body: false, responseHeaders: location));
    }

    [TestCaseSource(nameof(Requirements))]
    public void Header_body_and_precondition_requirements(string document, string[] expected)
    {
        Assert.That(Lint.Lines(Lint.Run(document, Lint.BuiltIn(Name))), Is.EqualTo(expected));
    }
}
