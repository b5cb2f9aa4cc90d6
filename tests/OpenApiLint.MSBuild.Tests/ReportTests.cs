using OpenApiLint.Core.Formatting;
using OpenApiLint.MSBuild.Tests.Support;

namespace OpenApiLint.MSBuild.Tests;

/// <summary>The HTML report and the SARIF log a build can write beside its console output.</summary>
public sealed class ReportTests
{
    [Test]
    public void Report_and_SARIF_log_are_written_or_each_is_one_warning_while_its_format_is_not_available()
    {
        var project = TestProject.ClassLibrary("Reports");
        project.Write("swagger.json", Documents.MeetsRecommended);

        var build = project.Build("-p:OpenApiLintReport=reports/lint.html", "-p:OpenApiLintSarif=reports/lint.sarif");

        Assert.That(build.ExitCode, Is.Zero, build.ToString);
        var expectedWarnings = new List<string>();
        foreach (var (format, label, path) in new[] { ("html", "HTML report", "reports/lint.html"), ("sarif", "SARIF log", "reports/lint.sarif") })
        {
            if (IsAvailable(format))
            {
                Assert.That(new FileInfo(project.PathOf(path)).Length, Is.GreaterThan(0), $"{path} should be written: {build}");
            }
            else
            {
                Assert.That(File.Exists(project.PathOf(path)), Is.False, path);
                expectedWarnings.Add($"the {label} {project.PathOf(path)} was not written: OpenApiLint {PackageFeed.Version} cannot write it yet (The {format} format is not available yet.)");
            }
        }

        var reportWarnings = build.Lines.Where(line => line.Contains("warning OAL9003", StringComparison.Ordinal)).Distinct().ToArray();
        Assert.That(reportWarnings, Is.EqualTo(expectedWarnings.Select(text => project.ProjectFinding("warning", "OAL9003", text))), build.ToString);
    }

    /// <summary>The formats are being written by other work; until then Core's placeholder throws NotSupportedException.</summary>
    private static bool IsAvailable(string format)
    {
        try
        {
            var report = new LintReport([], "openapi-lint", "0", Path.GetTempPath(), DateTimeOffset.UnixEpoch);
            ReportFormatters.Create(format)!.Write(report, new StringWriter());
            return true;
        }
        catch (NotSupportedException)
        {
            return false;
        }
    }
}
