using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Rules;
using OpenApiLint.Core.Rulesets;

namespace OpenApiLint.Core.Tests.Rulesets;

/// <summary>
/// A broken ruleset comes back as <c>file(line,col): message</c> errors, at the start of the offending member or
/// item (as document diagnostics are), never as an exception.
/// </summary>
[TestFixture]
public sealed class RulesetErrorTests
{
    private const string File = "/team/.openapi-lint.json";

    private static string[] Errors(string json)
    {
        // As the resolver loads it: knowing the catalog's rules.
        var result = RulesetLoader.LoadText(json, File, RuleCatalog.Ids);
        Assert.That(result.Ruleset, Is.Null, "a broken ruleset gives no ruleset");
        return result.Errors.Select(error => error.ToString()).ToArray();
    }

    [Test]
    public void Typo_in_a_property_name()
    {
        const string json = """
            {
              "extends": "minimal-codes",
              "methods": {
                "post": { "alowed": ["201"] }
              }
            }
            """;

        Assert.That(Errors(json), Is.EqualTo(new[]
        {
            $"{File}(4,15): error OAL9002: Property 'alowed' has not been defined and the schema does not allow additional properties at 'methods.post.alowed'",
        }));
    }

    [Test]
    public void Typo_in_a_top_level_property_name()
    {
        const string json = """
            {
              "$schema": "ruleset.schema.json",
              "extend": "minimal-codes"
            }
            """;

        Assert.That(Errors(json), Is.EqualTo(new[]
        {
            $"{File}(3,3): error OAL9002: Property 'extend' has not been defined and the schema does not allow additional properties at 'extend'",
        }));
    }

    [Test]
    public void Status_code_that_is_not_a_code()
    {
        const string json = """
            {
              "methods": {
                "get": { "allowed": ["200", "2000"] }
              }
            }
            """;

        Assert.That(Errors(json), Is.EqualTo(new[]
        {
            $"{File}(3,33): error OAL9002: String '2000' does not match regex pattern '^([1-5][0-9][0-9]|[1-5]XX)$' at 'methods.get.allowed[1]'",
        }));
    }

    [Test]
    public void Code_policy_keyed_by_something_that_is_not_a_code()
    {
        const string json = """
            {
              "codes": {
                "4xx": { "body": "expected" }
              }
            }
            """;

        Assert.That(Errors(json), Is.EqualTo(new[]
        {
            $"{File}(3,5): error OAL9002: Property '4xx' has not been defined and the schema does not allow additional properties at 'codes.4xx'",
        }));
    }

    [Test]
    public void Severity_that_is_not_a_severity()
    {
        const string json = """
            {
              "rules": {
                "OAL0001": "fatal",
                "OAL0005": { "severity": "warn", "rationale": "because" }
              }
            }
            """;

        Assert.That(Errors(json), Is.EqualTo(new[]
        {
            $"{File}(3,5): error OAL9002: Value \"fatal\" is not defined in enum at 'rules.OAL0001'",
            $"{File}(4,18): error OAL9002: Value \"warn\" is not defined in enum at 'rules.OAL0005.severity'",
        }));
    }

    [Test]
    public void Rule_setting_without_severity()
    {
        const string json = """
            { "rules": { "OAL0008": { "rationale": "\"Try to minimize\"" } } }
            """;

        Assert.That(Errors(json), Is.EqualTo(new[]
        {
            $"{File}(1,14): error OAL9002: Required properties are missing from object: severity at 'rules.OAL0008'",
        }));
    }

    [Test]
    public void Unknown_method()
    {
        const string json = """
            {
              "methods": {
                "get": { "allowed": ["200"] },
                "fetch": { "allowed": ["200"] }
              }
            }
            """;

        Assert.That(Errors(json), Is.EqualTo(new[]
        {
            $"{File}(4,5): error OAL9002: Property 'fetch' has not been defined and the schema does not allow additional properties at 'methods.fetch'",
        }));
    }

    [Test]
    public void Unknown_method_in_an_override()
    {
        const string json = """
            {
              "overrides": [
                { "paths": ["/health"], "methods": ["get", "GETT"], "ruleset": {} }
              ]
            }
            """;

        Assert.That(Errors(json), Is.EqualTo(new[]
        {
            $"{File}(3,48): error OAL9002: Value \"GETT\" is not defined in enum at 'overrides[0].methods[1]'",
        }));
    }

    [Test]
    public void Body_requirement_that_is_not_one_of_the_three()
    {
        const string json = """
            {
              "codes": {
                "204": { "body": "none" }
              }
            }
            """;

        Assert.That(Errors(json), Is.EqualTo(new[]
        {
            $"{File}(3,14): error OAL9002: Value \"none\" is not defined in enum at 'codes.204.body'",
        }));
    }

    [Test]
    public void Max_distinct_codes_below_one_and_in_an_override()
    {
        const string json = """
            {
              "maxDistinctCodes": 0,
              "overrides": [
                { "paths": ["/legacy/**"], "ruleset": { "maxDistinctCodes": 20 } }
              ]
            }
            """;

        Assert.That(Errors(json), Is.EqualTo(new[]
        {
            $"{File}(2,3): error OAL9002: Integer 0 is less than minimum value of 1 at 'maxDistinctCodes'",
            $"{File}(4,45): error OAL9002: Property 'maxDistinctCodes' has not been defined and the schema does not allow additional properties at 'overrides[0].ruleset.maxDistinctCodes'",
        }));
    }

    [Test]
    public void Override_without_paths()
    {
        const string json = """
            {
              "overrides": [
                { "ruleset": { "rules": { "OAL0001": "off" } } }
              ]
            }
            """;

        Assert.That(Errors(json), Is.EqualTo(new[]
        {
            $"{File}(3,5): error OAL9002: Required properties are missing from object: paths at 'overrides[0]'",
        }));
    }

    [Test]
    public void Several_errors_are_all_reported_in_text_order()
    {
        const string json = """
            {
              "methods": { "get": { "allowed": ["20"] } },
              "codes": { "201": { "responseHeaders": ["Loca tion"] } },
              "ranges": { "allowed": "any" }
            }
            """;

        Assert.That(Errors(json), Is.EqualTo(new[]
        {
            $"{File}(2,37): error OAL9002: String '20' does not match regex pattern '^([1-5][0-9][0-9]|[1-5]XX)$' at 'methods.get.allowed[0]'",
            $"{File}(3,43): error OAL9002: String 'Loca tion' does not match regex pattern '^[!#$%&'*+.^_`|~0-9A-Za-z-]+$' at 'codes.201.responseHeaders[0]'",
            $"{File}(4,15): error OAL9002: Value \"any\" is not defined in enum at 'ranges.allowed'",
        }));
    }

    [Test]
    public void Top_level_that_is_not_an_object()
    {
        Assert.That(Errors("[\"minimal-codes\"]"), Is.EqualTo(new[]
        {
            $"{File}(1,1): error OAL9002: Invalid type. Expected Object but got Array",
        }));
    }

    /// <summary>The schema lists this version's rule ids only, so it refuses an unknown id as the binder does.</summary>
    [Test]
    public void Unknown_rule_id_is_refused_at_its_entry()
    {
        const string json = """
            {
              "rules": { "OAL9999": "off" }
            }
            """;

        Assert.That(Errors(json), Is.EqualTo(new[]
        {
            $"{File}(2,14): error OAL9002: unknown rule 'OAL9999' (see 'dotnet openapi-lint rules')",
        }));
    }

    [Test]
    public void Invalid_json_is_reported_at_the_offending_character()
    {
        const string json = """
            {
              "methods": {
                "get": { "allowed": ["200" "201"] }
              }
            }
            """;

        Assert.That(Errors(json), Is.EqualTo(new[]
        {
            $"{File}(3,32): error OAL9002: invalid JSON: '\"' is invalid after a value. Expected either ',', '}}', or ']'",
        }));
    }

    [Test]
    public void Unclosed_object_is_reported_at_the_end()
    {
        Assert.That(Errors("{\n  \"extends\": \"recommended\"\n"), Is.EqualTo(new[]
        {
            $"{File}(3,1): error OAL9002: invalid JSON: Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed",
        }));
    }

    [Test]
    public void Duplicate_key_is_reported_at_the_second_one()
    {
        const string json = """
            {
              "extends": "recommended",
              "rules": { "OAL0001": "off" },
              "extends": "minimal-codes"
            }
            """;

        Assert.That(Errors(json), Is.EqualTo(new[] { $"{File}(4,3): error OAL9002: duplicate key 'extends'" }));
    }

    [TestCase("")]
    [TestCase("  \n")]
    public void Empty_text(string json)
    {
        Assert.That(Errors(json), Is.EqualTo(new[] { $"{File}: error OAL9002: the file is empty" }));
    }

    [Test]
    public void Comments_are_allowed()
    {
        var result = RulesetLoader.LoadText("""
            {
              // The team's choice.
              "extends": "minimal-codes" /* plus nothing */
            }
            """, File);

        Assert.Multiple(() =>
        {
            Assert.That(result.Errors, Is.Empty);
            Assert.That(result.Ruleset!.MaxDistinctCodes, Is.EqualTo(8));
        });
    }

    [Test]
    public void Missing_file_and_unknown_name()
    {
        var missing = Path.Combine(Path.GetTempPath(), "openapilint-tests", Guid.NewGuid().ToString("N"), "team.json");

        Assert.Multiple(() =>
        {
            Assert.That(RulesetLoader.LoadFile(missing).Errors, Is.EqualTo(new[] { new LoadError(missing, 0, 0, "ruleset file not found") { Code = LoadErrorCodes.RulesetNotLoaded } }));
            Assert.That(RulesetLoader.Load("nope").Errors, Is.EqualTo(new[]
            {
                new LoadError("nope", 0, 0, "unknown ruleset 'nope': not a file, and not a built-in (conditional-requests, http-semantics, minimal-codes, platform-of-trust, recommended)") { Code = LoadErrorCodes.RulesetNotLoaded },
            }));
        });
    }

    [Test]
    public void No_exception_escapes_for_hostile_text()
    {
        string[] texts =
        [
            "null", "42", "\"text\"", "{\"extends\": 42}", "{\"methods\": []}", "{\"overrides\": {}}",
            new string('[', 10_000), "{\"a\":" + new string('{', 5_000), "\uFEFF{}", "{\"rules\": {\"OAL0001\": null}}",
        ];

        foreach (var text in texts)
        {
            Assert.DoesNotThrow(() => RulesetLoader.LoadText(text, File), text.Length > 40 ? text[..40] : text);
        }
    }
}
