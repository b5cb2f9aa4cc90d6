using OpenApiLint.Core.Formatting;
using OpenApiLint.Core.Linting;
using OpenApiLint.Core.Report;

namespace OpenApiLint.Report.Tests.Support;

/// <summary>Lints the fixture documents into reports with a fixed version, timestamp and working folder, so output is stable.</summary>
internal static class ReportFixtures
{
    public const string ToolVersion = "0.0.0-test";

    public static readonly DateTimeOffset Timestamp = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    /// <summary>The folder holding the fixtures (copied beside the test assembly).</summary>
    public static string Folder => Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures");

    /// <summary>The orders and inventory documents and one broken file, checked against the team ruleset (extends minimal-codes).</summary>
    public static LintReport Team() => Lint("team-ruleset.json", "orders.openapi.yaml", "inventory.openapi.json", "broken.openapi.yaml");

    /// <summary>A document whose every string tries to inject markup or script, checked against minimal-codes.</summary>
    public static LintReport Hostile() => Lint("minimal-codes", "hostile.openapi.yaml");

    /// <summary>Lints fixture <paramref name="files"/> against <paramref name="ruleset"/> (a built-in name or a fixture file).</summary>
    public static LintReport Lint(string ruleset, params string[] files)
    {
        var runner = new LintRunner(new RulesetResolver(ruleset, Folder));
        var results = runner.LintFiles(files.Select(file => Path.Combine(Folder, file)).ToArray(), maxParallelism: 1);
        return new LintReport(results, "openapi-lint", ToolVersion, Folder, Timestamp);
    }

    /// <summary>Renders <paramref name="report"/> with the html formatter, as the tool does.</summary>
    public static string Html(LintReport report, string? templatePath = null)
    {
        var formatter = ReportFormatters.Create("html", new ReportOptions(TemplatePath: templatePath))!;
        using var writer = new StringWriter();
        formatter.Write(report, writer);
        return writer.ToString();
    }
}
