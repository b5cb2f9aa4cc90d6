using System.Text;
using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Documents;
using OpenApiLint.Core.Formatting;
using OpenApiLint.Core.Linting;
using OpenApiLint.Core.Report;
using OpenApiLint.Core.Rules;
using OpenApiLint.Core.Rulesets;
using OpenApiLint.Core.Tests.Catalog;
using OpenApiLint.Core.Tests.Support;

namespace OpenApiLint.Core.Tests.Recipe;

/// <summary>
/// The one-hop recipe exercised: a rule from outside Core is registered by handing it to the linter and the ruleset
/// resolver, is configured by rulesets like a built-in, and has its help page checked as the catalog's are.
/// </summary>
[TestFixture]
public sealed class OAL0900_OperationSummaryMissingTests
{
    private static readonly IRule Rule = new OperationSummaryMissingRule();

    private static IReadOnlyList<IRule> Rules { get; } = [.. RuleCatalog.All, Rule];

    private const string Document = """
        openapi: 3.0.3
        info: { title: Orders, version: '1' }
        paths:
          /orders:
            get:
              summary: List the orders
              responses:
                '200': { description: OK, content: { application/json: {} } }
            post:
              responses:
                '201':
                  description: Created
                  headers: { Location: { schema: { type: string } } }
                  content: { application/json: {} }
        """;

    private static IReadOnlyList<Diagnostic> Run(Ruleset ruleset)
    {
        var load = OpenApiDocumentLoader.Load("/virtual/openapi.yaml", Encoding.UTF8.GetBytes(Document));
        Assert.That(load.Error, Is.Null);
        return new Linter(Rules).Lint(load.Document!, ruleset).Where(diagnostic => diagnostic.RuleId == OperationSummaryMissingRule.Id).ToArray();
    }

    [Test]
    public void Flags_the_operation_without_a_summary_at_its_position()
    {
        var found = Run(Lint.BuiltIn("recommended"));

        Assert.That(found.Select(d => $"{d.Location.Line}:{d.Location.Column} {d.Severity.ToName()} {d.Location.Pointer} {d.Message}"),
            Is.EqualTo(new[] { "9:5 info /paths/~1orders/post POST /orders has no summary" }));
    }

    [Test]
    public void The_built_in_linter_does_not_run_it()
    {
        var load = OpenApiDocumentLoader.Load("/virtual/openapi.yaml", Encoding.UTF8.GetBytes(Document));

        Assert.Multiple(() =>
        {
            Assert.That(new Linter().Lint(load.Document!, Lint.BuiltIn("recommended")).Select(d => d.RuleId), Does.Not.Contain(OperationSummaryMissingRule.Id));
            Assert.That(RuleCatalog.Find(OperationSummaryMissingRule.Id), Is.Null);
        });
    }

    [Test]
    public void A_ruleset_configures_it_once_the_resolver_knows_it()
    {
        using var folder = new TempFolder();
        var team = folder.Write(".openapi-lint.json", """{ "extends": "recommended", "rules": { "OAL0900": { "severity": "error", "rationale": "summaries are our index" } } }""");

        var known = new RulesetResolver(null, folder.Path, rules: Rules).ForFolder();
        var unknown = new RulesetResolver(null, folder.Path).ForFolder();

        Assert.Multiple(() =>
        {
            Assert.That(known.Errors, Is.Empty);
            Assert.That(Run(known.Ruleset!).Select(d => (d.Severity, d.Rationale)), Is.EqualTo(new[] { (Severity.Error, (string?)"summaries are our index") }));
            Assert.That(RuleRationales.For(Rule, known.Ruleset!), Is.EqualTo(new[] { new RuleRationale("severity error", "summaries are our index") }));
            Assert.That(unknown.Errors.Select(error => $"{Path.GetFileName(error.File)}({error.Line},{error.Column}): {error.Message}"),
                Is.EqualTo(new[] { ".openapi-lint.json(1,40): unknown rule 'OAL0900' (see 'dotnet openapi-lint rules')" }));
        });
        Assert.That(team, Does.Exist);
    }

    [Test]
    public void Its_help_page_is_checked_as_the_catalog_checks_a_built_in_page()
    {
        var catalog = new RuleCatalogTests();
        var options = new RuleOptionsTests();

        Assert.Multiple(() =>
        {
            catalog.Help_page_has_the_sections_in_order_and_matches_the_descriptor(Rule);
            catalog.Help_page_example_produces_the_finding_it_shows(Rule);
            options.Help_page_configured_by_row_is_the_declared_options(Rule);
        });
    }

    /// <summary>
    /// The files every built-in rule used to touch (the ids list, the catalog, the schema's rules, the README table,
    /// the rules index, the golden SARIF, the ruleset format doc) do not name this rule, yet everything works for it:
    /// rulesets configure it, its help is read from its page, SARIF describes it, its messages are declared.
    /// </summary>
    [Test]
    public void It_works_without_any_shared_file_naming_it()
    {
        string[] shared =
        [
            "src/OpenApiLint.Core/Rules/RuleIds.cs",
            "src/OpenApiLint.Core/Rules/RuleCatalog.cs",
            "rulesets/ruleset.schema.json",
            "README.md",
            "docs/rules/README.md",
            "docs/ruleset-format.md",
            "tests/OpenApiLint.Cli.Tests/Golden/report.sarif",
        ];
        var naming = shared.Where(path => File.ReadAllText(RepositoryFiles.PathOf(path)).Contains(OperationSummaryMissingRule.Id, StringComparison.Ordinal));

        using var folder = new TempFolder();
        folder.Write(".openapi-lint.json", """{ "extends": "recommended", "rules": { "OAL0900": "warning" } }""");
        var document = folder.Write("openapi.yaml", Document);
        var results = new LintRunner(new RulesetResolver(null, folder.Path, rules: Rules), new Linter(Rules)).LintFiles([document]);
        var report = new LintReport(results, "openapi-lint", "1.0.0", folder.Path, DateTimeOffset.UnixEpoch) { Rules = Rules };
        using var sarifText = new StringWriter();
        new SarifFormatter().Write(report, sarifText);
        using var sarif = System.Text.Json.JsonDocument.Parse(sarifText.ToString());
        var described = sarif.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()
            .Single(rule => rule.GetProperty("id").GetString() == OperationSummaryMissingRule.Id);
        var help = RuleHelp.For(Rule);

        Assert.Multiple(() =>
        {
            Assert.That(naming, Is.Empty, "shared files naming the recipe's rule");
            Assert.That(results.Single().Errors, Is.Empty);
            Assert.That(results.Single().Diagnostics.Where(d => d.RuleId == OperationSummaryMissingRule.Id).Select(d => $"{d.Severity.ToName()} {d.Message}"),
                Is.EqualTo(new[] { "warning POST /orders has no summary" }));
            Assert.That(help.Summary, Is.EqualTo("Every operation must have a summary, the one line that documentation tools show for it."));
            Assert.That(described.GetProperty("fullDescription").GetProperty("text").GetString(), Is.EqualTo(help.Summary));
            Assert.That(described.GetProperty("helpUri").GetString(), Is.EqualTo("https://example.org/rules/OAL0900"));
            Assert.That(Rule.Descriptor.Messages.Single().Matches("POST /orders has no summary"), Is.True);
            Assert.That(ReportViewModelBuilder.Build(report).Rules.Where(view => view.Id == OperationSummaryMissingRule.Id).Select(view => (view.Title, view.Description, view.Fix)),
                Is.EqualTo(new[] { ("Operation has no summary", help.Summary, "Add a summary to the operation.") }), "the HTML report");
        });
    }
}
