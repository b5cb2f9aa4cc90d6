using OpenApiLint.MSBuild.Tests.Support;

namespace OpenApiLint.MSBuild.Tests;

/// <summary>A build with nothing changed does not lint again, yet shows the same warnings.</summary>
public sealed class IncrementalBuildTests
{
    private const string SkippedTarget = "Skipping target \"_OpenApiLintRun\" because all output files are up-to-date with respect to the input files.";

    [Test]
    public void Unchanged_build_skips_the_lint_and_replays_its_warnings_while_a_changed_input_or_a_rebuild_lints_again()
    {
        var project = TestProject.ClassLibrary("Incremental");
        var document = project.Write("openapi.yaml", Documents.WarnsUnderRecommended);
        var warning = project.Finding("openapi.yaml", 9, 9, "warning", "OAL0005", "GET /orders/{id} 200 response declares no body; recommended expects a body on 200");

        var first = project.Build();
        Assert.That((first.ExitCode, first.Findings), Is.EqualTo((0, new[] { warning })), first.ToString);
        Assert.That(first.CountLines(project.LintedSummary(1, "recommended", errors: 0, warnings: 1)), Is.EqualTo(1), first.ToString);
        var stamped = File.GetLastWriteTimeUtc(project.StampFile);

        var unchanged = project.Build();
        Assert.That((unchanged.ExitCode, unchanged.Findings), Is.EqualTo((0, new[] { warning })), unchanged.ToString);
        Assert.That(unchanged.CountLines(SkippedTarget), Is.EqualTo(1), unchanged.ToString);
        Assert.That(unchanged.CountLines(project.ReplayedSummary(1, "recommended", warnings: 1)), Is.EqualTo(1), unchanged.ToString);
        Assert.That(File.GetLastWriteTimeUtc(project.StampFile), Is.EqualTo(stamped), "the stamp is left alone when the lint is skipped");

        File.SetLastWriteTimeUtc(document, DateTime.UtcNow.AddSeconds(2));
        var touched = project.Build();
        Assert.That((touched.ExitCode, touched.Findings), Is.EqualTo((0, new[] { warning })), touched.ToString);
        Assert.That(touched.CountLines(SkippedTarget), Is.Zero, touched.ToString);
        Assert.That(touched.CountLines(project.LintedSummary(1, "recommended", errors: 0, warnings: 1)), Is.EqualTo(1), touched.ToString);

        // A rebuild (Clean;Build) forgets the last lint.
        var rebuilt = project.Build("--no-incremental");
        Assert.That((rebuilt.ExitCode, rebuilt.Findings), Is.EqualTo((0, new[] { warning })), rebuilt.ToString);
        Assert.That(rebuilt.CountLines(project.LintedSummary(1, "recommended", errors: 0, warnings: 1)), Is.EqualTo(1), rebuilt.ToString);

        // A team file that did not exist at the last lint is a change too.
        project.Write(".openapi-lint.json", """{ "name": "quiet", "extends": "recommended", "rules": { "OAL0005": "off" } }""");
        var newRuleset = project.Build();
        Assert.That((newRuleset.ExitCode, newRuleset.Findings), Is.EqualTo((0, Array.Empty<string>())), newRuleset.ToString);
        Assert.That(newRuleset.CountLines(project.LintedSummary(1, "quiet", errors: 0, warnings: 0)), Is.EqualTo(1), newRuleset.ToString);

        // And editing the ruleset the last lint read.
        File.WriteAllText(project.PathOf(".openapi-lint.json"), """{ "name": "loud", "extends": "recommended", "rules": { "OAL0005": "error" } }""");
        File.SetLastWriteTimeUtc(project.PathOf(".openapi-lint.json"), DateTime.UtcNow.AddSeconds(4));
        var editedRuleset = project.Build();
        Assert.That(editedRuleset.ExitCode, Is.EqualTo(1), editedRuleset.ToString);
        Assert.That(editedRuleset.Findings, Is.EqualTo(new[]
        {
            project.Finding("openapi.yaml", 9, 9, "error", "OAL0005", "GET /orders/{id} 200 response declares no body; loud expects a body on 200"),
        }), editedRuleset.ToString);
    }
}
