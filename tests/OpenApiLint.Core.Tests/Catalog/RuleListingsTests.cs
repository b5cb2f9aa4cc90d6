using System.Text.Json;
using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Rules;
using OpenApiLint.Core.Tests.Support;

namespace OpenApiLint.Core.Tests.Catalog;

/// <summary>
/// The listings written outside the code agree with the descriptors they come from: the README's rule table, and the
/// rule metadata of the golden SARIF log the tool's formatter tests compare against.
/// </summary>
[TestFixture]
public sealed class RuleListingsTests
{
    [Test]
    public void The_readme_rule_table_is_the_catalog()
    {
        var lines = File.ReadAllLines(RepositoryFiles.PathOf("README.md"));
        var header = Array.IndexOf(lines, "| id | name | default |");
        Assert.That(header, Is.GreaterThan(0), "README has the rule table");
        var rows = lines.Skip(header + 2).TakeWhile(line => line.StartsWith('|'));

        Assert.That(rows, Is.EqualTo(RuleCatalog.All.Select(rule => $"| {rule.Descriptor.Id} | {rule.Descriptor.Name} | {rule.Descriptor.DefaultSeverity.ToName()} |")));
    }

    [Test]
    public void The_golden_sarif_rule_metadata_is_the_catalog_and_the_help_pages()
    {
        using var sarif = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.PathOf("tests/OpenApiLint.Cli.Tests/Golden/report.sarif")));
        var run = sarif.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()
            .Select(rule => (
                Id: rule.GetProperty("id").GetString(),
                Name: rule.GetProperty("name").GetString(),
                Title: rule.GetProperty("shortDescription").GetProperty("text").GetString(),
                Description: rule.GetProperty("fullDescription").GetProperty("text").GetString(),
                HelpUri: rule.GetProperty("helpUri").GetString(),
                Level: rule.GetProperty("defaultConfiguration").GetProperty("level").GetString()))
            .ToArray();
        // The log lists the rules its results refer to, in id order; their words are the help pages'.
        var referenced = run.GetProperty("results").EnumerateArray().Select(result => result.GetProperty("ruleId").GetString()).Distinct().Order(StringComparer.Ordinal);
        var expected = referenced.Select(id => RuleCatalog.Find(id!)!).Select(rule => (
            Id: (string?)rule.Descriptor.Id,
            Name: (string?)rule.Descriptor.Name,
            Title: (string?)rule.Descriptor.Title,
            Description: (string?)RuleHelp.For(rule).Summary,
            HelpUri: (string?)rule.Descriptor.HelpUri,
            Level: (string?)(rule.Descriptor.DefaultSeverity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "note" })));

        Assert.That(rules, Is.EqualTo(expected));
    }
}
