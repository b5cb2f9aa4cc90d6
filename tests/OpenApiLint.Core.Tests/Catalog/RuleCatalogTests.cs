using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Documents;
using OpenApiLint.Core.Linting;
using OpenApiLint.Core.Rules;
using OpenApiLint.Core.Rulesets;
using OpenApiLint.Core.Tests.Support;

namespace OpenApiLint.Core.Tests.Catalog;

/// <summary>
/// The whole catalog at once: well-formed, unique, consecutive ids; a fixture and a help page per rule; help pages
/// consistent with the descriptors, with examples that produce exactly the finding they show.
/// </summary>
[TestFixture]
public sealed partial class RuleCatalogTests
{
    private static IEnumerable<IRule> Rules => RuleCatalog.All;

    private static IEnumerable<TestCaseData> EachRule() => RuleCatalog.All.Select(rule => new TestCaseData(rule).SetArgDisplayNames(rule.Descriptor.Id));

    [Test]
    public void Ids_are_well_formed_unique_and_consecutive()
    {
        var ids = Rules.Select(rule => rule.Descriptor.Id).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(ids, Is.All.Match("^OAL[0-9]{4}$"));
            Assert.That(ids, Is.Unique);
            Assert.That(ids, Is.EqualTo(Enumerable.Range(1, ids.Length).Select(n => $"OAL{n:D4}")), "in id order, with no gap");
        });
    }

    /// <summary>
    /// <see cref="RuleIds"/> names ids for code that refers to a particular rule; a new rule need not be added to it
    /// (its descriptor holds its id), but each name there is a rule's, named after its class.
    /// </summary>
    [Test]
    public void Rule_ids_constants_name_catalog_rules_after_their_class()
    {
        var constants = typeof(RuleIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.Name != nameof(RuleIds.HelpBaseUri))
            .Select(field => (field.Name, Id: (string)field.GetRawConstantValue()!))
            .ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(constants.Select(constant => constant.Id), Is.Unique);
            foreach (var (name, id) in constants)
            {
                Assert.That(RuleCatalog.Find(id)?.GetType().Name, Is.EqualTo(name + "Rule"), $"RuleIds.{name}");
            }
        });
    }

    /// <summary>Every rule class of Core is in the catalog: forgetting the one line there fails here, by name.</summary>
    [Test]
    public void The_catalog_holds_every_rule_class_of_core_in_id_order()
    {
        var classes = typeof(RuleCatalog).Assembly.GetTypes()
            .Where(type => typeof(IRule).IsAssignableFrom(type) && type is { IsClass: true, IsAbstract: false })
            .Select(type => type.Name);

        Assert.Multiple(() =>
        {
            Assert.That(Rules.Select(rule => rule.GetType().Name), Is.EquivalentTo(classes));
            Assert.That(Rules.Select(rule => rule.Descriptor.Id), Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
        });
    }

    [Test]
    public void Names_are_unique_kebab_case_and_match_the_class()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Rules.Select(rule => rule.Descriptor.Name), Is.Unique);
            foreach (var rule in Rules)
            {
                var descriptor = rule.Descriptor;
                Assert.That(descriptor.Name, Does.Match("^[a-z]+(-[a-z]+)*$"), descriptor.Id);
                // status-code-not-allowed <-> StatusCodeNotAllowedRule
                var pascal = string.Concat(descriptor.Name.Split('-').Select(word => char.ToUpperInvariant(word[0]) + word[1..]));
                Assert.That(rule.GetType().Name, Is.EqualTo(pascal + "Rule"), descriptor.Id);
                Assert.That(rule.GetType().IsSealed, Is.True, descriptor.Id);
            }
        });
    }

    [TestCaseSource(nameof(EachRule))]
    public void Descriptor_is_complete(IRule rule)
    {
        var descriptor = rule.Descriptor;

        Assert.Multiple(() =>
        {
            Assert.That(descriptor.Title, Is.Not.Empty);
            // The prose lives in the help page, shipped inside Core: what SARIF, explain and the report show.
            var help = RuleHelp.For(rule);
            Assert.That(help.Summary, Does.EndWith("."));
            Assert.That(help.FixSummary, Does.EndWith("."));
            Assert.That(help.Section(RuleHelp.Example), Is.Not.Empty);
            Assert.That(descriptor.DefaultSeverity, Is.Not.EqualTo(Severity.Off));
            Assert.That(descriptor.HelpPath, Is.EqualTo($"docs/rules/{descriptor.Id}.md"));
            Assert.That(descriptor.HelpUri, Is.EqualTo(RuleIds.HelpBaseUri + descriptor.Id + ".md"));
            Assert.That(RuleCatalog.Find(descriptor.Id.ToLowerInvariant()), Is.SameAs(rule));
            // The static descriptor and the one the interface gives are the same object.
            Assert.That(rule.GetType().GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)!.GetValue(null), Is.SameAs(descriptor));
        });
    }

    [Test]
    public void Unknown_id_is_not_found()
    {
        Assert.That(RuleCatalog.Find("OAL9999"), Is.Null);
    }

    [TestCaseSource(nameof(EachRule))]
    public void Every_rule_has_a_fixture(IRule rule)
    {
        // OAL0001 + StatusCodeNotAllowedRule -> OAL0001_StatusCodeNotAllowedTests, with tests in it.
        var expected = $"{rule.Descriptor.Id}_{rule.GetType().Name[..^"Rule".Length]}Tests";
        var fixture = typeof(RuleCatalogTests).Assembly.GetTypes()
            .SingleOrDefault(type => type.Namespace == "OpenApiLint.Core.Tests.Rules" && type.Name == expected);

        Assert.That(fixture, Is.Not.Null, $"no fixture {expected}");
        Assert.Multiple(() =>
        {
            Assert.That(fixture!.GetCustomAttribute<TestFixtureAttribute>(), Is.Not.Null);
            Assert.That(fixture.GetMethods().Count(method => method.GetCustomAttributes().Any(a => a is TestAttribute or TestCaseAttribute or TestCaseSourceAttribute)), Is.GreaterThanOrEqualTo(3));
        });
    }

    [Test]
    public void No_fixture_or_help_page_for_an_unknown_rule()
    {
        var ids = Rules.Select(rule => rule.Descriptor.Id).ToHashSet();
        var fixtureIds = typeof(RuleCatalogTests).Assembly.GetTypes()
            .Where(type => type.Namespace == "OpenApiLint.Core.Tests.Rules" && type.Name.StartsWith("OAL", StringComparison.Ordinal))
            .Select(type => type.Name[..7]);
        var pageIds = Directory.GetFiles(RepositoryFiles.PathOf("docs/rules"), "OAL*.md").Select(Path.GetFileNameWithoutExtension);

        Assert.Multiple(() =>
        {
            Assert.That(fixtureIds, Is.SubsetOf(ids));
            Assert.That(pageIds, Is.SubsetOf(ids));
        });
    }

    private static string HelpPage(IRule rule)
    {
        var path = RepositoryFiles.PathOf(rule.Descriptor.HelpPath);
        Assert.That(path, Does.Exist, $"help page {rule.Descriptor.HelpPath}");
        return File.ReadAllText(path).ReplaceLineEndings("\n");
    }

    private static readonly string[] Sections = ["What it checks", "Why", "Example", "How to fix"];

    private static string Section(string page, string heading)
    {
        var start = page.IndexOf($"\n## {heading}\n", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), $"section '## {heading}'");
        var body = page[(start + heading.Length + 5)..];
        var end = body.IndexOf("\n## ", StringComparison.Ordinal);
        return end < 0 ? body : body[..end];
    }

    [TestCaseSource(nameof(EachRule))]
    public void Help_page_has_the_sections_in_order_and_matches_the_descriptor(IRule rule)
    {
        var page = HelpPage(rule);
        var descriptor = rule.Descriptor;

        Assert.Multiple(() =>
        {
            Assert.That(page.Split('\n')[0].Replace("`", "", StringComparison.Ordinal), Is.EqualTo($"# {descriptor.Id}: {descriptor.Title}").IgnoreCase);
            var positions = Sections.Select(heading => page.IndexOf($"\n## {heading}\n", StringComparison.Ordinal)).ToArray();
            Assert.That(positions, Is.All.GreaterThan(0), "sections: " + string.Join(", ", Sections));
            Assert.That(positions, Is.Ordered, "sections in order");
            foreach (var heading in Sections)
            {
                Assert.That(Section(page, heading).Trim(), Is.Not.Empty, heading);
            }

            Assert.That(page, Does.Contain($"| Id | `{descriptor.Id}` |"));
            Assert.That(page, Does.Contain($"| Name | `{descriptor.Name}` |"));
            Assert.That(page, Does.Contain($"| Default severity | {descriptor.DefaultSeverity.ToName()} |"));
        });
    }

    [GeneratedRegex("```(?<lang>[a-z]*)\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex("^Ruleset: `(?<name>[a-z-]+)`$", RegexOptions.Multiline)]
    private static partial Regex RulesetLine();

    /// <summary>
    /// The page's example is real: its document, under the ruleset it names (a built-in, or the JSON block shown),
    /// gives exactly the findings of this rule that the page prints.
    /// </summary>
    [TestCaseSource(nameof(EachRule))]
    public void Help_page_example_produces_the_finding_it_shows(IRule rule)
    {
        var example = Section(HelpPage(rule), "Example");
        var blocks = CodeBlock().Matches(example).ToLookup(match => match.Groups["lang"].Value, match => match.Groups["body"].Value);
        Assert.That(blocks["yaml"].Count(), Is.EqualTo(1), "one yaml document");
        Assert.That(blocks["text"].Count(), Is.EqualTo(1), "one text block with the output");

        Ruleset ruleset;
        if (blocks["json"].SingleOrDefault() is { } json)
        {
            ruleset = Lint.Ruleset(json, "/virtual/team.json");
        }
        else
        {
            var named = RulesetLine().Match(example);
            Assert.That(named.Success, Is.True, "a json ruleset block or a 'Ruleset: `name`' line");
            ruleset = Lint.BuiltIn(named.Groups["name"].Value);
        }

        // A deep virtual folder, so that a ../../ reference leaves it whatever the current folder is.
        var load = OpenApiDocumentLoader.Load("/virtual/docs/api/openapi.yaml", Encoding.UTF8.GetBytes(blocks["yaml"].Single()));
        Assert.That(load.Error, Is.Null);
        // A rule from outside the catalog (the recipe's) runs beside the built-in ones, as its users would run it.
        var linter = RuleCatalog.All.Contains(rule) ? new Linter() : new Linter([.. RuleCatalog.All, rule]);
        var lines = linter.Lint(load.Document!, ruleset)
            .Where(d => d.RuleId == rule.Descriptor.Id)
            .Select(d => $"{Path.GetFileName(d.Location.File)}({d.Location.Line},{d.Location.Column}): {d.Severity.ToName()} {d.RuleId}: {d.Message}");

        Assert.That(lines, Is.EqualTo(blocks["text"].Single().TrimEnd('\n').Split('\n')));
    }

    [GeneratedRegex("\"(?<quote>[^\"]+)\"")]
    private static partial Regex Quoted();

    [TestCaseSource(nameof(EachRule))]
    public void Guideline_quotes_in_help_pages_are_verbatim(IRule rule)
    {
        if (RepositoryFiles.GuidelinesFolder is not { } folder)
        {
            Assert.Ignore("shared/guidelines is not beside the repository");
            return;
        }

        var guidelines = Normalize(string.Join(" ", Directory.GetFiles(folder, "*.txt").Select(File.ReadAllText)));
        var quotes = HelpPage(rule).Split('\n')
            .Where(line => line.StartsWith("> ", StringComparison.Ordinal))
            .SelectMany(line => Quoted().Matches(line).Select(match => match.Groups["quote"].Value))
            .ToArray();

        Assert.That(quotes.Where(quote => !guidelines.Contains(Normalize(quote), StringComparison.Ordinal)), Is.Empty);
    }

    internal static string Normalize(string text) => Regex.Replace(text, @"\s+", " ");
}
