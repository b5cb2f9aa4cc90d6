using System.Text.Json;
using OpenApiLint.MSBuild.Tests.Support;

namespace OpenApiLint.MSBuild.Tests;

/// <summary>The HTML report and the SARIF log a build can write beside its console output.</summary>
public sealed class ReportTests
{
    [Test]
    public void Report_and_SARIF_log_are_written_beside_the_build()
    {
        var project = TestProject.ClassLibrary("Reports");
        project.Write("openapi.yaml", Documents.WarnsUnderRecommended);

        var build = project.Build("-p:OpenApiLintReport=reports/lint.html", "-p:OpenApiLintSarif=reports/lint.sarif");

        Assert.That(build.ExitCode, Is.Zero, build.ToString);
        var html = File.ReadAllText(project.PathOf("reports/lint.html"));
        using var sarif = JsonDocument.Parse(File.ReadAllText(project.PathOf("reports/lint.sarif")));
        var run = sarif.RootElement.GetProperty("runs")[0];
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.StartWith("<!DOCTYPE html>").IgnoreCase);
            Assert.That(sarif.RootElement.GetProperty("version").GetString(), Is.EqualTo("2.1.0"));
            Assert.That(html, Does.Contain("openapi.yaml"));
            Assert.That(html, Does.Contain("<pre class=\"excerpt\""), "the finding is quoted from the document");
            Assert.That(run.GetProperty("results").GetArrayLength(), Is.EqualTo(1));
            Assert.That(run.GetProperty("results")[0].GetProperty("ruleId").GetString(), Is.EqualTo("OAL0005"));
            Assert.That(build.Lines.Any(line => line.Contains("OAL9003", StringComparison.Ordinal)), Is.False, build.ToString);
        });
    }

    [Test]
    public void Broken_report_template_is_one_build_error_at_its_line()
    {
        var project = TestProject.ClassLibrary("BrokenTemplate", "<OpenApiLintReport>reports/lint.html</OpenApiLintReport><OpenApiLintReportTemplate>team.scriban</OpenApiLintReportTemplate>");
        project.Write("swagger.json", Documents.MeetsRecommended);
        project.Write("team.scriban", "<ul>\n{{ for doc in documents }}\n<li>{{ doc.file }}</li>\n");

        var build = project.Build();

        Assert.Multiple(() =>
        {
            Assert.That(build.ExitCode, Is.EqualTo(1), build.ToString);
            Assert.That(build.Findings, Is.EqualTo(new[]
            {
                project.Finding("team.scriban", 3, 19, "error", "OAL9005", "Error while parsing for statement: The <end> statement was not found in: for <variable> in <expression> ... end"),
            }), build.ToString);
            Assert.That(File.Exists(project.PathOf("reports/lint.html")), Is.False);
        });
    }
}
