using OpenApiLint.Core.Baselines;
using OpenApiLint.Core.Linting;
using OpenApiLint.MSBuild.Tests.Support;

namespace OpenApiLint.MSBuild.Tests;

/// <summary>
/// Adopting the package on a legacy API through a real <c>dotnet build</c>: a checked-in document with dozens of
/// findings fails the build; with the baseline beside the project it passes (the summary counts what it knows); a new
/// bad operation is the only error; a fixed finding is reported as gone; the document converted to reordered JSON still
/// matches; a broken baseline is error OAL9006 at its line.
/// </summary>
public sealed class BaselineBuildTests
{
    private const int LegacyFindings = 61;

    private static string Fixture(string name) =>
        File.ReadAllText(Path.Combine(PackageFeed.RepositoryRoot, "tests", "OpenApiLint.Cli.Tests", "Fixtures", "adoption", name));

    /// <summary>Records the document's findings as the tool's --write-baseline does, beside the project.</summary>
    private static void WriteBaseline(TestProject project, string file = Baseline.DefaultFileName)
    {
        var results = new LintRunner(new RulesetResolver(null)).LintFiles([project.PathOf("legacy.openapi.yaml")]);
        var baseline = Baseline.Record(project.PathOf(file), results);
        File.WriteAllText(baseline.FilePath, baseline.ToJson());
    }

    [Test]
    public void Legacy_document_builds_once_baselined_and_only_new_findings_fail_it()
    {
        var project = TestProject.ClassLibrary("LegacyBaselined");
        var document = project.Write("legacy.openapi.yaml", Fixture("legacy-api.openapi.yaml"));

        var before = project.Build();
        Assert.That(before.ExitCode, Is.EqualTo(1), before.ToString);
        Assert.That(before.Findings, Has.Count.EqualTo(LegacyFindings), before.ToString);

        WriteBaseline(project);
        var baselined = project.Build();
        Assert.That(baselined.ExitCode, Is.Zero, baselined.ToString);
        Assert.That(baselined.Findings, Is.Empty, baselined.ToString);
        Assert.That(baselined.CountLines(project.LintedSummary(1, "recommended", errors: 0, warnings: 0) + $"; {LegacyFindings} known to the baseline"), Is.EqualTo(1), baselined.ToString);

        var replayed = project.Build();
        Assert.That(replayed.CountLines($"OpenApiLint ({project.Name}): 1 document up to date, not linted again (ruleset recommended): 0 errors, 0 warnings, 0 messages replayed; {LegacyFindings} known to the baseline"), Is.EqualTo(1), replayed.ToString);

        File.WriteAllText(document, File.ReadAllText(document).Replace("components:\n", """
              /refunds:
                post:
                  responses:
                    "201":
                      description: Refunded
                      content: { application/json: { schema: { type: object } } }
            components:

            """, StringComparison.Ordinal));
        var newOperation = project.Build();
        Assert.That(newOperation.ExitCode, Is.EqualTo(1), newOperation.ToString);
        Assert.That(newOperation.Findings, Is.EqualTo(new[]
        {
            project.Finding("legacy.openapi.yaml", 436, 9, "error", "OAL0003", "POST /refunds 201 response does not declare the Location header; recommended requires Location on 201"),
        }), newOperation.ToString);

        // The new operation fixed (removed again), and GET /orders/{id} no longer declares 304.
        var text = File.ReadAllText(document);
        text = text[..text.IndexOf("  /refunds:", StringComparison.Ordinal)] + "components:\n" + text[(text.IndexOf("components:\n", StringComparison.Ordinal) + "components:\n".Length)..];
        var first304 = text.IndexOf("        \"304\":\n          description: Not modified\n", StringComparison.Ordinal);
        File.WriteAllText(document, text.Remove(first304, "        \"304\":\n          description: Not modified\n".Length));
        var fixedOne = project.Build();
        Assert.That(fixedOne.ExitCode, Is.Zero, fixedOne.ToString);
        Assert.That(fixedOne.Findings, Is.Empty, fixedOne.ToString);
        Assert.That(fixedOne.CountLines($"OpenApiLint ({project.Name}): fixed, no longer found: legacy.openapi.yaml: OAL0006 GET /orders/{{id}} 304 If-None-Match, If-Modified-Since; write the baseline again to drop it"), Is.EqualTo(1), fixedOne.ToString);
        Assert.That(fixedOne.CountLines($"; {LegacyFindings - 1} known to the baseline, 1 no longer found"), Is.EqualTo(1), fixedOne.ToString);
    }

    [Test]
    public void Converted_to_reordered_JSON_the_document_still_matches_a_named_baseline_and_a_broken_one_is_OAL9006()
    {
        var project = TestProject.ClassLibrary("LegacyConverted", properties: "<OpenApiLintBaseline>config/known.json</OpenApiLintBaseline>");
        var yaml = project.Write("legacy.openapi.yaml", Fixture("legacy-api.openapi.yaml"));
        Directory.CreateDirectory(project.PathOf("config"));
        WriteBaseline(project, "config/known.json");
        File.Delete(yaml);
        project.Write("legacy.openapi.json", Fixture("legacy-api.openapi.json"));

        var converted = project.Build();
        Assert.That(converted.ExitCode, Is.Zero, converted.ToString);
        Assert.That(converted.Findings, Is.Empty, converted.ToString);
        Assert.That(converted.CountLines($"; {LegacyFindings} known to the baseline"), Is.EqualTo(1), converted.ToString);

        File.WriteAllText(project.PathOf("config/known.json"), "{\n  \"version\": 1,\n  \"findings\": [\n    { \"document\": \"legacy.openapi.json\" ");
        var broken = project.Build();
        Assert.That(broken.ExitCode, Is.EqualTo(1), broken.ToString);
        var errors = broken.Lines.Where(line => line.Contains("OAL9006", StringComparison.Ordinal)).Distinct().ToArray();
        Assert.That(errors, Has.Length.EqualTo(1), broken.ToString);
        Assert.That(errors[0], Does.StartWith($"{project.PathOf("config/known.json")}(4,").And.Contains("): error OAL9006: invalid JSON: ").And.EndsWith($" [{project.ProjectFile}]"), broken.ToString);
        Assert.That(broken.Findings, Has.Count.EqualTo(LegacyFindings + 1), "a broken baseline hides nothing");
    }
}
