using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Documents;
using OpenApiLint.Core.Rules;
using OpenApiLint.Core.Tests.Support;

namespace OpenApiLint.Core.Tests.Catalog;

/// <summary>
/// The ruleset options each rule declares (<see cref="RuleDescriptor.Options"/>) are the one source of what configures
/// it: each exists in the schema and in <c>docs/ruleset-format.md</c>, its help page's "Configured by" row lists exactly
/// them, and every policy field of the schema is read by some rule (or is one of the few the engine itself reads).
/// </summary>
[TestFixture]
public sealed partial class RuleOptionsTests
{
    /// <summary>What the engine reads itself, not a rule: naming, merging, severities, overrides, rationales.</summary>
    private static readonly string[] EngineOptions =
    [
        "$schema", "name", "title", "description", "source", "extends", "rules", "overrides",
        "methods.<method>.rationale", "codes.<code>.rationale",
        // A requirement's severity: the engine gives a finding the severity of the requirement it is about.
        "codes.<code>.severity",
        // Which operations are linted at all: the engine's choice, before any rule.
        "webhooks", "callbacks",
    ];

    private static IEnumerable<TestCaseData> EachRule() => RuleCatalog.All.Select(rule => new TestCaseData(rule).SetArgDisplayNames(rule.Descriptor.Id));

    private static JsonObject Schema { get; } = (JsonObject)JsonNode.Parse(File.ReadAllText(RepositoryFiles.PathOf("rulesets/ruleset.schema.json")))!;

    private static string FormatDoc { get; } = File.ReadAllText(RepositoryFiles.PathOf("docs/ruleset-format.md")).ReplaceLineEndings("\n");

    /// <summary>The subschemas a schema node stands for: itself, what it references, and the members of its <c>allOf</c>.</summary>
    private static IEnumerable<JsonObject> Alternatives(JsonNode? node)
    {
        if (node is not JsonObject schema)
        {
            yield break;
        }

        if (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            Assert.That(reference, Does.StartWith("#/definitions/"), "local references only");
            foreach (var target in Alternatives(Schema["definitions"]![reference["#/definitions/".Length..]]))
            {
                yield return target;
            }
        }

        yield return schema;
        foreach (var part in schema["allOf"]?.AsArray() ?? [])
        {
            foreach (var target in Alternatives(part))
            {
                yield return target;
            }
        }
    }

    /// <summary>The schema of member <paramref name="segment"/> (a name, <c>&lt;method&gt;</c> or <c>&lt;code&gt;</c>) of <paramref name="node"/>.</summary>
    private static JsonNode? Member(JsonNode node, string segment)
    {
        foreach (var schema in Alternatives(node))
        {
            var found = segment switch
            {
                "<method>" => schema["properties"] is JsonObject methods && HttpMethods.Names.All(methods.ContainsKey) ? methods["get"] : null,
                "<code>" => schema["patternProperties"] is JsonObject codes && codes.Count == 1 ? codes.Single().Value : null,
                _ => schema["properties"]?[segment],
            };
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    private static JsonNode? SchemaAt(string option) =>
        option.Split('.').Aggregate((JsonNode?)Schema, (node, segment) => node is null ? null : Member(node, segment));

    [TestCaseSource(nameof(EachRule))]
    public void Every_declared_option_is_in_the_schema(IRule rule)
    {
        Assert.That(rule.Descriptor.Options.Where(option => SchemaAt(option) is null), Is.Empty, "options missing from rulesets/ruleset.schema.json");
    }

    /// <summary>
    /// Where the format doc describes <paramref name="option"/>: a table row naming its full path, or a row naming its
    /// last segment in the table of a section whose heading names the rest (<c>## Method policy (`methods.&lt;method&gt;`)</c>),
    /// or, for a top-level option, a row of "Top-level properties".
    /// </summary>
    private static bool IsDocumented(string option)
    {
        if (FormatDoc.Contains($"\n| `{option}` |", StringComparison.Ordinal))
        {
            return true;
        }

        var cut = option.LastIndexOf('.');
        var (parent, leaf) = cut < 0 ? ("", option) : (option[..cut], option[(cut + 1)..]);
        return Sections(FormatDoc).Any(section =>
            (parent.Length == 0 ? section.Heading == "Top-level properties" : section.Heading.Contains($"`{parent}`", StringComparison.Ordinal))
            && section.Body.Contains($"\n| `{leaf}` |", StringComparison.Ordinal));
    }

    private static IEnumerable<(string Heading, string Body)> Sections(string markdown) =>
        markdown.Split("\n## ").Skip(1).Select(part => (part[..part.IndexOf('\n')], part[part.IndexOf('\n')..]));

    [TestCaseSource(nameof(EachRule))]
    public void Every_declared_option_is_in_the_format_doc(IRule rule)
    {
        Assert.That(rule.Descriptor.Options.Where(option => !IsDocumented(option)), Is.Empty, "options missing from docs/ruleset-format.md");
    }

    [GeneratedRegex("`(?<option>[^`]+)`")]
    private static partial Regex Code();

    /// <summary>The help page's "Configured by" row names exactly the declared options (a value after a colon, as in <c>codes.&lt;code&gt;.body: "forbidden"</c>, says which one the rule looks for).</summary>
    [TestCaseSource(nameof(EachRule))]
    public void Help_page_configured_by_row_is_the_declared_options(IRule rule)
    {
        var descriptor = rule.Descriptor;
        var row = File.ReadLines(RepositoryFiles.PathOf(descriptor.HelpPath)).SingleOrDefault(line => line.StartsWith("| Configured by |", StringComparison.Ordinal));
        Assert.That(row, Is.Not.Null, "a '| Configured by |' row");

        if (descriptor.Options.Count == 0)
        {
            Assert.That(row, Is.EqualTo($"| Configured by | `rules.{descriptor.Id}` (severity only) |"));
            return;
        }

        var named = Code().Matches(row!).Select(match => match.Groups["option"].Value.Split(':')[0]).Distinct();
        Assert.That(named, Is.EquivalentTo(descriptor.Options));
    }

    /// <summary>Every option of every policy the schema describes, as a path (<c>methods.&lt;method&gt;.allowed</c>).</summary>
    private static IEnumerable<string> SchemaOptions()
    {
        foreach (var top in Alternatives(Schema).SelectMany(schema => (schema["properties"] as JsonObject) ?? []))
        {
            yield return top.Key;
            var members = top.Key switch
            {
                "methods" => ("methods.<method>", Member(top.Value!, "<method>")),
                "codes" => ("codes.<code>", Member(top.Value!, "<code>")),
                "default" or "ranges" => (top.Key, top.Value),
                _ => ("", null),
            };
            foreach (var member in Alternatives(members.Item2).SelectMany(schema => (schema["properties"] as JsonObject) ?? []))
            {
                yield return $"{members.Item1}.{member.Key}";
            }
        }
    }

    [Test]
    public void Every_policy_option_of_the_schema_is_read_by_a_rule_or_the_engine()
    {
        var declared = RuleCatalog.All.SelectMany(rule => rule.Descriptor.Options).ToHashSet(StringComparer.Ordinal);
        var containers = new[] { "methods", "codes", "default", "ranges" };
        var unread = SchemaOptions()
            .Where(option => !containers.Contains(option) && !declared.Contains(option) && !EngineOptions.Contains(option))
            .ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(SchemaOptions(), Does.Contain("methods.<method>.allowed").And.Contain("codes.<code>.body").And.Contain("default.allowed"), "the walk reaches the policies");
            Assert.That(unread, Is.Empty, "schema options no rule declares");
        });
    }

    [Test]
    public void The_method_keys_of_schema_and_format_doc_are_the_http_methods()
    {
        var keys = Alternatives(Schema["definitions"]!["methods"]).SelectMany(schema => (schema["properties"] as JsonObject)?.Select(member => member.Key) ?? []);
        var row = FormatDoc.Split('\n').Single(line => line.StartsWith("| `methods` |", StringComparison.Ordinal));

        // The HTTP methods, then '*': the policy for every method the ruleset does not list.
        string[] expected = [.. HttpMethods.Names, Core.Rulesets.Ruleset.OtherMethods];
        Assert.Multiple(() =>
        {
            Assert.That(keys, Is.EqualTo(expected));
            Assert.That(Code().Matches(row).Select(match => match.Groups["option"].Value).Skip(1), Is.EqualTo(expected));
        });
    }

    [Test]
    public void The_schema_lists_every_rule_with_its_default_severity()
    {
        var rules = (JsonObject)Alternatives(Schema["definitions"]!["rules"]).First(schema => schema["properties"] is not null)["properties"]!;

        Assert.Multiple(() =>
        {
            Assert.That(rules.Select(member => member.Key), Is.EqualTo(RuleCatalog.All.Select(rule => rule.Descriptor.Id)));
            foreach (var rule in RuleCatalog.All)
            {
                var descriptor = rule.Descriptor;
                Assert.That(rules[descriptor.Id]?["description"]?.GetValue<string>(), Does.EndWith($"Default: {descriptor.DefaultSeverity.ToName()}."), descriptor.Id);
            }
        });
    }
}
