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
        """{ "rules": { "OAL9999": "off" } }""",
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

    [Test]
    public void The_schema_lists_exactly_the_rules_of_the_catalog()
    {
        using var schema = JsonDocument.Parse(BuiltInRulesets.SchemaText);
        var listed = schema.RootElement.GetProperty("definitions").GetProperty("rules").GetProperty("properties").EnumerateObject().Select(property => property.Name);

        Assert.That(listed, Is.EquivalentTo(RuleCatalog.All.Select(rule => rule.Descriptor.Id)));
    }
}
