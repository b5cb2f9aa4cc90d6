using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Tests.Support;

namespace OpenApiLint.Core.Tests.Rulesets;

/// <summary>
/// A severity per requirement: on a code policy, and on one header, the body or one property where a code carries
/// several; the diagnostic carries the severity and the sentence that applied.
/// </summary>
[TestFixture]
public sealed class RequirementSeverityTests
{
    [Test]
    public void Code_severity_applies_to_its_requirements_and_its_rationale_is_carried()
    {
        var ruleset = Lint.Ruleset("""
            { "codes": { "301": { "responseHeaders": ["Location"], "severity": "warning", "rationale": "should specify" } } }
            """);

        var diagnostic = Lint.Run(Doc.Operation("get", "301", body: false), ruleset, "OAL0003").Single();

        Assert.Multiple(() =>
        {
            Assert.That(diagnostic.Severity, Is.EqualTo(Severity.Warning));
            Assert.That(diagnostic.Rationale, Is.EqualTo("should specify"));
        });
    }

    [Test]
    public void Header_entries_with_their_own_severity_are_reported_apart()
    {
        var ruleset = Lint.Ruleset("""
            {
              "codes": {
                "401": {
                  "responseHeaders": ["WWW-Authenticate", { "name": "Retry-After", "severity": "info", "rationale": "may" }],
                  "rationale": "must include"
                }
              }
            }
            """);

        var diagnostics = Lint.Run(Doc.Operation("get", "401", body: false), ruleset, "OAL0003");

        Assert.Multiple(() =>
        {
            Assert.That(Lint.Lines(diagnostics), Is.EquivalentTo(new[]
            {
                $"{Doc.KeyPosition} OAL0003 error GET /orders 401 response does not declare the WWW-Authenticate header; team requires WWW-Authenticate, Retry-After on 401",
                $"{Doc.KeyPosition} OAL0003 info GET /orders 401 response does not declare the Retry-After header; team requires WWW-Authenticate, Retry-After on 401",
            }));
            Assert.That(diagnostics.Select(d => (d.Severity, d.Rationale)), Is.EquivalentTo(new[] { (Severity.Error, "must include"), (Severity.Info, "may") }));
        });
    }

    [Test]
    public void Body_as_an_object_carries_its_severity_and_sentence()
    {
        var ruleset = Lint.Ruleset("""
            { "codes": { "500": { "body": { "requirement": "expected", "severity": "info", "rationale": "preferably" }, "rationale": "code" } } }
            """);

        var diagnostic = Lint.Run(Doc.Operation("get", "500", body: false), ruleset, "OAL0005").Single();

        Assert.That((diagnostic.Severity, diagnostic.Rationale), Is.EqualTo((Severity.Info, "preferably")));
    }

    [Test]
    public void Precondition_alternatives_take_the_strongest_entry()
    {
        var ruleset = Lint.Ruleset("""
            {
              "codes": {
                "412": {
                  "requestHeaders": [{ "name": "If-Match", "severity": "error", "rationale": "must" }, { "name": "If-Unmodified-Since", "severity": "info" }],
                  "severity": "warning"
                }
              }
            }
            """);

        var diagnostic = Lint.Run(Doc.Operation("put", "412", body: false), ruleset, "OAL0006").Single();

        Assert.That((diagnostic.Severity, diagnostic.Rationale), Is.EqualTo((Severity.Error, "must")));
    }

    [Test]
    public void Error_body_property_entries_are_reported_by_severity()
    {
        var ruleset = Lint.Ruleset("""
            { "codes": { "500": { "errorBodyProperties": ["code", { "name": "message", "severity": "info" }], "severity": "warning" } } }
            """);

        var diagnostics = Lint.Run(Doc.Operation("get", "500"), ruleset, "OAL0007");

        Assert.That(diagnostics.Select(d => (d.Severity, d.Message)), Is.EquivalentTo(new[]
        {
            (Severity.Warning, "GET /orders 500 response body lacks code; team requires code, message in the body of 500"),
            (Severity.Info, "GET /orders 500 response body lacks message; team requires code, message in the body of 500"),
        }));
    }

    [Test]
    public void A_rule_turned_off_stays_off_whatever_its_requirements_say()
    {
        var ruleset = Lint.Ruleset("""
            { "codes": { "201": { "responseHeaders": [{ "name": "Location", "severity": "error" }] } }, "rules": { "OAL0003": "off" } }
            """);

        Assert.That(Lint.Run(Doc.Operation("post", "201"), ruleset, "OAL0003"), Is.Empty);
    }

    [Test]
    public void Rule_severity_applies_where_the_requirement_gives_none()
    {
        var ruleset = Lint.Ruleset("""
            { "codes": { "201": { "responseHeaders": ["Location"] } }, "rules": { "OAL0003": "info" } }
            """);

        Assert.That(Lint.Run(Doc.Operation("post", "201"), ruleset, "OAL0003").Single().Severity, Is.EqualTo(Severity.Info));
    }

    [Test]
    public void A_later_code_severity_replaces_inherited_entry_severities()
    {
        using var folder = new TempFolder();
        folder.Write("base.json", """
            { "codes": { "401": { "responseHeaders": [{ "name": "WWW-Authenticate", "severity": "error", "rationale": "must" }] } } }
            """);
        var team = folder.Write("team.json", """{ "extends": "./base.json", "codes": { "401": { "severity": "warning" } } }""");
        var ruleset = Core.Rulesets.RulesetLoader.LoadFile(team).Ruleset!;

        var diagnostic = Lint.Run(Doc.Operation("get", "401", body: false), ruleset, "OAL0003").Single();

        Assert.That((diagnostic.Severity, diagnostic.Rationale), Is.EqualTo((Severity.Warning, "must")), "the sentence stays, the severity is the team's");
    }

    [TestCase("""{ "codes": { "201": { "responseHeaders": [{ "severity": "error" }] } } }""")]
    [TestCase("""{ "codes": { "201": { "responseHeaders": [{ "name": "Location", "level": "error" }] } } }""")]
    [TestCase("""{ "codes": { "201": { "body": { "severity": "error" } } } }""")]
    [TestCase("""{ "codes": { "201": { "body": { "requirement": "maybe" } } } }""")]
    [TestCase("""{ "codes": { "201": { "severity": "fatal" } } }""")]
    [TestCase("""{ "codes": { "201": { "errorBodyProperties": [{ "name": "code", "severity": "loud" }] } } }""")]
    public void Malformed_requirement_entries_are_refused(string json)
    {
        var result = Core.Rulesets.RulesetLoader.LoadText(json, "/virtual/team.json");

        Assert.That(result.Errors, Is.Not.Empty);
    }

    [Test]
    public void A_later_rule_severity_replaces_the_built_in_requirement_severities_of_that_rule_only()
    {
        // http-semantics: 401 WWW-Authenticate 'must' (error), 202 body 'should' (warning).
        var ruleset = Lint.Ruleset("""{ "extends": "http-semantics", "rules": { "OAL0003": "info" } }""");

        Assert.Multiple(() =>
        {
            Assert.That(Lint.Run(Doc.Operation("get", "401", body: false), ruleset, "OAL0003").Single().Severity, Is.EqualTo(Severity.Info));
            Assert.That(Lint.Run(Doc.Operation("post", "202", body: false), ruleset, "OAL0005").Single().Severity, Is.EqualTo(Severity.Warning));
        });
    }

    [Test]
    public void In_one_file_the_code_severity_is_more_specific_than_the_rule_severity()
    {
        var ruleset = Lint.Ruleset("""
            { "codes": { "201": { "responseHeaders": ["Location"], "severity": "warning" } }, "rules": { "OAL0003": "info" } }
            """);

        Assert.That(Lint.Run(Doc.Operation("post", "201"), ruleset, "OAL0003").Single().Severity, Is.EqualTo(Severity.Warning));
    }

    [Test]
    public void A_requirement_added_later_does_not_take_the_severity_the_built_in_gave_another()
    {
        // minimal-codes gives 201's body 'should' (warning); a team's Location on 201 is the rule's (error).
        var ruleset = Lint.Ruleset("""{ "extends": "minimal-codes", "codes": { "201": { "responseHeaders": ["Location"] } } }""");

        Assert.Multiple(() =>
        {
            Assert.That(Lint.Run(Doc.Operation("post", "201"), ruleset, "OAL0003").Single().Severity, Is.EqualTo(Severity.Error));
            Assert.That(Lint.Run(Doc.Operation("post", "201", body: false), ruleset, "OAL0005").Single().Severity, Is.EqualTo(Severity.Warning));
        });
    }
}
