using System.Reflection;
using System.Text.RegularExpressions;
using OpenApiLint.Core.Rules;
using OpenApiLint.Core.Tests.Recipe;
using OpenApiLint.Core.Tests.Support;

namespace OpenApiLint.Core.Tests.Catalog;

/// <summary>
/// One source for each sentence of help: the help page holds the prose, the descriptor only what names the rule, and
/// what the edges show (explain, SARIF, the report) is read from the page shipped inside the rule's assembly.
/// </summary>
[TestFixture]
public sealed partial class RuleHelpTests
{
    private static IEnumerable<TestCaseData> EachRule() =>
        RuleCatalog.All.Append(new OperationSummaryMissingRule()).Select(rule => new TestCaseData(rule).SetArgDisplayNames(rule.Descriptor.Id));

    [Test]
    public void The_descriptor_carries_no_prose_but_its_title()
    {
        var strings = typeof(RuleDescriptor).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.PropertyType == typeof(string))
            .Select(property => property.Name);

        Assert.That(strings, Is.EquivalentTo(new[] { "Id", "Name", "Title", "HelpPath", "HelpUri" }));
    }

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentenceBreak();

    /// <summary>
    /// Every sentence of a page (of five words or more) is written in the page only: none is also a string of the
    /// rule's class, where a descriptor's description, fix or example used to repeat it.
    /// </summary>
    [TestCaseSource(nameof(EachRule))]
    public void No_sentence_of_the_help_page_is_also_in_the_rule_class(IRule rule)
    {
        var page = RepositoryFiles.PathOf(rule.Descriptor.HelpPath);
        var source = Directory.GetFiles(RepositoryFiles.Root, rule.GetType().Name + ".cs", SearchOption.AllDirectories)
            .Single(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var literals = StringLiteral().Matches(File.ReadAllText(source)).Select(match => Normalize(match.Value.Trim('"'))).ToArray();
        var sentences = SentenceBreak().Split(Normalize(RuleHelp.PlainText(File.ReadAllText(page).ReplaceLineEndings("\n"))))
            .Where(sentence => sentence.Split(' ').Length >= 5)
            .ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(sentences, Is.Not.Empty);
            Assert.That(sentences.Where(sentence => literals.Any(literal => literal.Contains(sentence, StringComparison.OrdinalIgnoreCase))), Is.Empty);
        });
    }

    [TestCaseSource(nameof(EachRule))]
    public void The_page_shipped_in_the_assembly_is_the_one_in_the_repository(IRule rule)
    {
        var onDisk = File.ReadAllText(RepositoryFiles.PathOf(rule.Descriptor.HelpPath)).ReplaceLineEndings("\n");

        Assert.That(RuleHelp.For(rule).Markdown, Is.EqualTo(onDisk));
    }

    [Test]
    public void Summary_and_fix_are_the_first_paragraphs_as_plain_text()
    {
        var help = RuleHelp.For(RuleCatalog.Find("OAL0001")!);

        Assert.Multiple(() =>
        {
            Assert.That(help.Summary, Is.EqualTo("Every response an operation documents is checked against the codes the ruleset allows for the operation's HTTP method (methods.<method>.allowed). A code outside the list is reported at its status-code key."));
            Assert.That(help.FixSummary, Is.EqualTo("Remove the response, use a code the ruleset allows for the method, or allow the code in your team ruleset (methods.<method>.addAllowed)."));
            Assert.That(help.Section(RuleHelp.Example), Does.StartWith("Ruleset: `minimal-codes`\n\n```yaml\nopenapi: 3.0.3\n"));
            Assert.That(help.Section("No such section"), Is.Empty);
        });
    }

    [Test]
    public void Plain_text_drops_fences_links_backticks_and_heading_marks()
    {
        const string markdown = "### In short\n\nSee [OAL0009](OAL0009.md) for `default`:\n\n```yaml\nresponses: {}\n```";

        Assert.That(RuleHelp.PlainText(markdown), Is.EqualTo("In short\n\nSee OAL0009 for default:\n\n  responses: {}"));
    }

    [Test]
    public void The_body_starts_at_the_first_section_and_links_absolutely()
    {
        var body = RuleHelp.For(RuleCatalog.Find("OAL0001")!).Body("https://example.org/rules/");

        Assert.Multiple(() =>
        {
            Assert.That(body, Does.StartWith("## What it checks\n\nEvery response"));
            Assert.That(body, Does.Contain("left to [OAL0009](https://example.org/rules/OAL0009.md)"));
            Assert.That(body, Does.Not.Contain("](OAL"));
        });
    }

    private sealed class PagelessRule : IRule
    {
        public RuleDescriptor Descriptor { get; } = new("OAL0999", "pageless", "No page", Diagnostics.Severity.Info);

        public IEnumerable<Finding> Check(RuleContext context) => [];
    }

    [Test]
    public void A_rule_without_an_embedded_page_has_empty_help_and_no_error()
    {
        var help = RuleHelp.For(new PagelessRule());

        Assert.Multiple(() =>
        {
            Assert.That(help.Markdown, Is.Empty);
            Assert.That(help.Summary, Is.Empty);
            Assert.That(help.Body("https://example.org/"), Is.Empty);
        });
    }

    private static string Normalize(string text) => Regex.Replace(text, @"\s+", " ").Trim();
}
