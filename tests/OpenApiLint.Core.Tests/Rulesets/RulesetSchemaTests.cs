using System.Text.Json;
using OpenApiLint.Core.Rules;
using OpenApiLint.Core.Rulesets;

namespace OpenApiLint.Core.Tests.Rulesets;

/// <summary>
/// The ruleset schema check: every ruleset is validated, however many a process loads, and the schema (the editor
/// contract) refuses everything the binder refuses, at the same place.
/// </summary>
[TestFixture]
public sealed class RulesetSchemaTests
{
    private const string File = "/team/.openapi-lint.json";

    /// <summary>
    /// 1,200 distinct rulesets in one process, each with a mistake of its own: every one is reported with its own
    /// value, so none was skipped, cached or waved through.
    /// </summary>
    [Test]
    public void More_than_a_thousand_distinct_rulesets_are_each_validated()
    {
        const int count = 1_200;
        var reported = new List<string>();
        var expected = new List<string>();

        for (var index = 0; index < count; index++)
        {
            var code = $"9{index:D4}";
            var json = $$"""
                {
                  "methods": {
                    "get": { "allowed": ["200", "{{code}}"] }
                  }
                }
                """;
            var result = RulesetLoader.LoadText(json, File);
            reported.AddRange(result.Errors.Select(error => error.ToString()));
            expected.Add($"{File}(3,33): error OAL9002: String '{code}' does not match regex pattern '^([1-5][0-9][0-9]|[1-5]XX)$' at 'methods.get.allowed[1]'");
        }

        Assert.That(reported, Is.EqualTo(expected));
    }

    [Test]
    public void The_same_text_is_validated_again_each_time()
    {
        const string json = """{ "maxDistinctCodes": 0 }""";

        var first = RulesetLoader.LoadText(json, "/a/first.json").Errors.Select(error => error.ToString());
        var second = RulesetLoader.LoadText(json, "/b/second.json").Errors.Select(error => error.ToString());

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(new[] { "/a/first.json(1,3): error OAL9002: Integer 0 is less than minimum value of 1 at 'maxDistinctCodes'" }));
            Assert.That(second, Is.EqualTo(new[] { "/b/second.json(1,3): error OAL9002: Integer 0 is less than minimum value of 1 at 'maxDistinctCodes'" }));
        });
    }

    /// <summary>Each way the binder refuses a ruleset, one case each (see <c>RulesetBinder</c>).</summary>
    private static readonly string[] BinderRefusals =
    [
        """["minimal-codes"]""",
        "\"recommended\"",
        """{ "extend": "recommended" }""",
        """{ "name": 1 }""",
        """{ "title": true }""",
        """{ "description": [] }""",
        """{ "source": {} }""",
        """{ "extends": 42 }""",
        """{ "extends": ["recommended", 7] }""",
        """{ "methods": [] }""",
        """{ "methods": { "fetch": {} } }""",
        """{ "methods": { "*": { "allowed": ["2000"] } } }""",
        """{ "methods": { "**": {} } }""",
        """{ "methods": { "get": 1 } }""",
        """{ "methods": { "get": { "alowed": ["200"] } } }""",
        """{ "methods": { "get": { "allowed": "200" } } }""",
        """{ "methods": { "get": { "allowed": [200] } } }""",
        """{ "methods": { "get": { "allowed": ["600"] } } }""",
        """{ "methods": { "get": { "addAllowed": ["2000"] } } }""",
        """{ "methods": { "get": { "removeAllowed": [null] } } }""",
        """{ "methods": { "get": { "required": ["20"] } } }""",
        """{ "methods": { "get": { "rationale": 5 } } }""",
        """{ "codes": 3 }""",
        """{ "codes": { "999": {} } }""",
        """{ "codes": { "default": {} } }""",
        """{ "codes": { "201": [] } }""",
        """{ "codes": { "201": { "headers": ["Location"] } } }""",
        """{ "codes": { "201": { "responseHeaders": "Location" } } }""",
        """{ "codes": { "201": { "requestHeaders": [1] } } }""",
        """{ "codes": { "400": { "errorBodyProperties": [false] } } }""",
        """{ "codes": { "204": { "body": "none" } } }""",
        """{ "codes": { "204": { "body": 0 } } }""",
        """{ "codes": { "204": { "rationale": null } } }""",
        """{ "codes": { "204": { "severity": "fatal" } } }""",
        """{ "codes": { "201": { "responseHeaders": [{ "severity": "info" }] } } }""",
        """{ "codes": { "201": { "responseHeaders": [{ "name": "Location", "why": "x" }] } } }""",
        """{ "codes": { "201": { "responseHeaders": [{ "name": "Location", "severity": "loud" }] } } }""",
        """{ "codes": { "201": { "responseHeaders": [7] } } }""",
        """{ "codes": { "400": { "errorBodyProperties": [{ "name": 1 }] } } }""",
        """{ "codes": { "204": { "body": { "severity": "info" } } } }""",
        """{ "codes": { "204": { "body": { "requirement": "none" } } } }""",
        """{ "codes": { "204": { "body": { "requirement": "any", "level": 1 } } } }""",
        """{ "codes": { "204": { "body": [] } } }""",
        """{ "default": true }""",
        """{ "default": { "allowed": "no" } }""",
        """{ "default": { "satisfiesRequired": 1 } }""",
        """{ "default": { "allow": false } }""",
        """{ "ranges": "explicit" }""",
        """{ "ranges": { "allowed": "any" } }""",
        """{ "ranges": { "satisfiesRequired": "yes" } }""",
        """{ "ranges": { "explicit": true } }""",
        """{ "maxDistinctCodes": 0 }""",
        """{ "maxDistinctCodes": "8" }""",
        """{ "maxDistinctCodes": 2.5 }""",
        """{ "rules": [] }""",
        """{ "rules": { "OAL0001": 1 } }""",
        """{ "rules": { "OAL0001": "fatal" } }""",
        """{ "rules": { "OAL0001": "Error" } }""",
        """{ "rules": { "OAL0001": { "severity": "loud" } } }""",
        """{ "rules": { "OAL0001": { "severity": "off", "why": "x" } } }""",
        """{ "rules": { "OAL0001": null } }""",
        """{ "overrides": {} }""",
        """{ "overrides": [1] }""",
        """{ "overrides": [{ "ruleset": {} }] }""",
        """{ "overrides": [{ "paths": [], "ruleset": {} }] }""",
        """{ "overrides": [{ "paths": ["/a"] }] }""",
        """{ "overrides": [{ "paths": ["/a"], "ruleset": [] }] }""",
        """{ "overrides": [{ "paths": ["/a"], "ruleset": {}, "when": "always" }] }""",
        """{ "overrides": [{ "paths": ["/a"], "methods": ["fetch"], "ruleset": {} }] }""",
        """{ "overrides": [{ "paths": "/a", "ruleset": {} }] }""",
        """{ "overrides": [{ "paths": ["/a"], "ruleset": { "extends": "recommended" } }] }""",
        """{ "overrides": [{ "paths": ["/a"], "ruleset": { "rules": { "OAL0001": "fatal" } } }] }""",
    ];

    /// <summary>
    /// The binder's refusals fed through the schema: the schema refuses each one too, and one of its errors is at the
    /// very place the binder points at. (An input the schema refuses but the binder reads is a case where the schema
    /// is stricter, which is its job as the editor contract.)
    /// </summary>
    [TestCaseSource(nameof(BinderRefusals))]
    public void The_schema_refuses_what_the_binder_refuses_at_the_same_place(string json)
    {
        using var document = JsonDocument.Parse(json);
        var refusal = Assert.Throws<RulesetFormatException>(() => RulesetBinder.Bind(document.RootElement))!;
        var binderAt = RulesetPositions.Resolve(json, [refusal.Pointer])[refusal.Pointer];

        var schemaErrors = RulesetSchema.Validate(document.RootElement, json, File);

        Assert.That(schemaErrors.Select(error => (error.Line, error.Column)), Has.Member((binderAt.Line, binderAt.Column)), refusal.Message);
    }

    /// <summary>
    /// A well-formed id the linter has no rule for passes the schema (the schema cannot know a team's rules) and is
    /// refused by the binder, at the entry, once it is told which rules there are.
    /// </summary>
    [Test]
    public void An_id_of_no_rule_the_linter_runs_is_refused_by_the_binder_at_its_entry()
    {
        const string json = """{ "rules": { "OAL9999": "off" } }""";
        using var document = JsonDocument.Parse(json);

        var refusal = Assert.Throws<RulesetFormatException>(() => RulesetBinder.Bind(document.RootElement, RuleCatalog.Ids))!;

        Assert.Multiple(() =>
        {
            Assert.That(RulesetSchema.Validate(document.RootElement, json, File), Is.Empty);
            Assert.That((refusal.Pointer, refusal.Message), Is.EqualTo(("/rules/OAL9999", "unknown rule 'OAL9999' (see 'dotnet openapi-lint rules')")));
            Assert.That(RulesetBinder.Bind(document.RootElement).Rules.Keys, Is.EqualTo(new[] { "OAL9999" }), "without the rules, any well-formed id binds");
        });
    }

    /// <summary>Both directions: what the schema accepts, the binder reads (the built-ins, and one that sets everything).</summary>
    [Test]
    public void The_binder_reads_what_the_schema_accepts()
    {
        var texts = BuiltInRulesets.Names.Select(BuiltInRulesets.GetText).Append("""
            {
              "$schema": "./ruleset.schema.json",
              "name": "everything", "title": "All of it", "description": "d", "source": "s",
              "extends": ["minimal-codes"],
              "methods": { "get": { "allowed": ["200", "4XX"], "addAllowed": ["304"], "removeAllowed": ["4XX"], "required": ["200"], "rationale": "r" } },
              "codes": { "201": { "responseHeaders": ["Location"], "body": "any", "requestHeaders": ["If-Match"], "errorBodyProperties": ["code"], "rationale": "r" } },
              "default": { "allowed": false, "satisfiesRequired": true },
              "ranges": { "allowed": "anyCodeInRange", "satisfiesRequired": true },
              "maxDistinctCodes": 12,
              "rules": { "OAL0001": "warning", "OAL0002": { "severity": "off", "rationale": "r" } },
              "overrides": [{ "paths": ["/legacy/**"], "methods": ["get"], "ruleset": { "rules": { "OAL0001": "off" }, "default": { "allowed": true } } }]
            }
            """);

        Assert.Multiple(() =>
        {
            foreach (var json in texts)
            {
                using var document = JsonDocument.Parse(json);
                Assert.That(RulesetSchema.Validate(document.RootElement, json, File), Is.Empty, json[..Math.Min(60, json.Length)]);
                Assert.DoesNotThrow(() => RulesetBinder.Bind(document.RootElement), json[..Math.Min(60, json.Length)]);
            }
        });
    }

    /// <summary>
    /// The schema documents rule ids for editors' completion; a rule it does not list yet is still accepted (any
    /// well-formed id is), so a new rule needs no schema change. What it lists must be real rules.
    /// </summary>
    [Test]
    public void The_rules_the_schema_lists_for_editors_are_rules_of_the_catalog()
    {
        using var schema = JsonDocument.Parse(BuiltInRulesets.SchemaText);
        var rules = schema.RootElement.GetProperty("definitions").GetProperty("rules");
        var listed = rules.GetProperty("properties").EnumerateObject().ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(listed.Select(property => property.Name), Is.SubsetOf(RuleCatalog.Ids));
            Assert.That(listed, Is.Not.Empty, "editors complete the built-in ids");
            foreach (var property in listed)
            {
                Assert.That(property.Value.GetProperty("title").GetString(), Does.StartWith(property.Name + " "), property.Name);
            }

            Assert.That(rules.GetProperty("propertyNames").GetProperty("pattern").GetString(), Is.EqualTo("^OAL[0-9]{4}$"));
        });
    }

    [TestCase("""{ "rules": { "OAL0999": "off" } }""", true)]
    [TestCase("""{ "rules": { "OAL0999": { "severity": "error", "rationale": "ours" } } }""", true)]
    [TestCase("""{ "overrides": [{ "paths": ["/a"], "ruleset": { "rules": { "OAL0999": "warning" } } }] }""", true)]
    [TestCase("""{ "rules": { "OAL0999": "fatal" } }""", false)]
    [TestCase("""{ "rules": { "OAL01": "off" } }""", false)]
    [TestCase("""{ "rules": { "status-code-not-allowed": "off" } }""", false)]
    public void The_schema_accepts_any_well_formed_rule_id_with_a_valid_setting(string json, bool valid)
    {
        using var document = JsonDocument.Parse(json);

        Assert.That(RulesetSchema.Validate(document.RootElement, json, File), valid ? Is.Empty : Is.Not.Empty);
    }
}
