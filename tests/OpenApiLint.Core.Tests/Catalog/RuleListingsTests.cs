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
    public void The_golden_sarif_rule_metadata_is_the_catalog()
    {
        using var sarif = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.PathOf("tests/OpenApiLint.Cli.Tests/Golden/report.sarif")));
        var rules = sarif.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()
            .Select(rule => (
                Id: rule.GetProperty("id").GetString(),
                Name: rule.GetProperty("name").GetString(),
                Title: rule.GetProperty("shortDescription").GetProperty("text").GetString(),
                Description: rule.GetProperty("fullDescription").GetProperty("text").GetString(),
                HelpUri: rule.GetProperty("helpUri").GetString(),
                Level: rule.GetProperty("defaultConfiguration").GetProperty("level").GetString()));
        var expected = RuleCatalog.All.Select(rule => rule.Descriptor).Select(descriptor => (
            Id: (string?)descriptor.Id,
            Name: (string?)descriptor.Name,
            Title: (string?)descriptor.Title,
            Description: (string?)descriptor.Description,
            HelpUri: (string?)descriptor.HelpUri,
            Level: (string?)(descriptor.DefaultSeverity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "note" })));

        Assert.That(rules, Is.EqualTo(expected));
    }
}
