using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Linting;
using OpenApiLint.Core.Report;
using OpenApiLint.Report.Tests.Support;

namespace OpenApiLint.Report.Tests;

/// <summary>A finding located in the project's C# shows that file and line beside its document position.</summary>
public sealed class DeclarationTests
{
    private sealed class AtProgram : IDeclarationLocator
    {
        public SourceLocation? Locate(string method, string path, string? statusCode) =>
            method == "post" && statusCode is null ? new SourceLocation(Path.Combine(ReportFixtures.Folder, "Program.cs"), "", 14, 47, 14, 54) : null;
    }

    private static LintReportWithDeclarations Located()
    {
        var report = ReportFixtures.Team();
        var located = report with { Results = Declarations.Attach(report.Results, new AtProgram()) };
        return new LintReportWithDeclarations(located, ReportViewModelBuilder.Build(located));
    }

    private sealed record LintReportWithDeclarations(LintReport Report, ReportViewModel Model);

    [Test]
    public void The_view_model_carries_the_CSharp_position_of_located_findings_only()
    {
        var findings = Located().Model.Documents.SelectMany(document => document.FindingsByRule.SelectMany(group => group.Findings)).ToArray();

        Assert.That(findings.Where(finding => finding.Declaration is not null).Select(finding => (finding.Operation, finding.Declaration)).Distinct(),
            Is.EqualTo(new[] { ((string?)"POST /orders", (string?)"Program.cs:14:47") }));
        Assert.That(findings.Where(finding => finding.Operation != "POST /orders" || finding.StatusCode is not null).Select(finding => finding.Declaration), Has.All.Null);
    }

    [Test]
    public void The_html_report_shows_the_CSharp_file_and_line_beside_the_finding()
    {
        var html = ReportFixtures.Html(Located().Report);

        Assert.That(html, Does.Contain("<code class=\"declaration\" title=\"Declared in the C#\">Program.cs:14:47</code>"));
        Assert.That(ReportFixtures.Html(ReportFixtures.Team()), Does.Not.Contain("class=\"declaration\""));
    }
}
