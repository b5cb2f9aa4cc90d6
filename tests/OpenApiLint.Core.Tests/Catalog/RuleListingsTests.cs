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
    /// <summary>docs/rules/README.md, as the catalog makes it: what the README links to instead of a table of its own.</summary>
    internal static string RulesIndex() =>
        "# Rules\n\n"
        + "Generated from the rules' descriptors by `tests/OpenApiLint.Core.Tests` (`RuleListingsTests`; run them with\n"
        + "`OPENAPILINT_UPDATE_GOLDEN=1` to rewrite this page). `dotnet openapi-lint rules` prints the same list.\n\n"
        + "| id | name | default | title |\n|---|---|---|---|\n"
        + string.Concat(RuleCatalog.All.Select(rule => rule.Descriptor).Select(descriptor =>
            $"| [{descriptor.Id}]({descriptor.Id}.md) | `{descriptor.Name}` | {descriptor.DefaultSeverity.ToName()} | {descriptor.Title.Replace("|", "\\|", StringComparison.Ordinal)} |\n"));

    [Test]
    public void The_rules_index_is_generated_from_the_catalog()
    {
        var path = RepositoryFiles.PathOf("docs/rules/README.md");
        if (Environment.GetEnvironmentVariable("OPENAPILINT_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, RulesIndex());
        }

        Assert.That(File.ReadAllText(path).ReplaceLineEndings("\n"), Is.EqualTo(RulesIndex()), "docs/rules/README.md is stale: run the tests with OPENAPILINT_UPDATE_GOLDEN=1");
    }

    [Test]
    public void The_readme_links_to_the_rules_index_instead_of_listing_rules()
    {
        var readme = File.ReadAllText(RepositoryFiles.PathOf("README.md"));

        Assert.Multiple(() =>
        {
            Assert.That(readme, Does.Contain("](docs/rules/README.md)"));
            Assert.That(RuleCatalog.All.Where(rule => readme.Contains($"| {rule.Descriptor.Id} |", StringComparison.Ordinal)).Select(rule => rule.Descriptor.Id), Is.Empty, "no rule table to keep in step");
        });
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
