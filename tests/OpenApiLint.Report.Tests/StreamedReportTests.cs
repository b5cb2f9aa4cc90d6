using System.Text;
using OpenApiLint.Core.Files;
using OpenApiLint.Core.Report;
using OpenApiLint.Report.Tests.Support;

namespace OpenApiLint.Report.Tests;

/// <summary>
/// The report goes into its file as it renders (the page of a large API is megabytes, never held whole), through the
/// atomic write: the same bytes as a page rendered whole, within the same output limit, and a failure leaves the
/// last good report as it was.
/// </summary>
public sealed class StreamedReportTests
{
    [Test]
    public void Streamed_report_is_the_page_rendered_whole_byte_for_byte()
    {
        var large = LargeDocument.Lint(LargeDocument.Write(TemplateFolder.Create().Path, operations: 2_500, "404", "500"));
        var folder = TemplateFolder.Create();

        Assert.Multiple(() =>
        {
            foreach (var (name, report, template) in new[]
            {
                ("team", ReportFixtures.Team(), ReportTemplate.BuiltIn),
                ("team, matrix drawn from data", ReportFixtures.Team(), ReportTemplate.Load(DrawnMatrixTemplate.Create())),
                ("5,000 operations", large, ReportTemplate.BuiltIn),
            })
            {
                var model = ReportViewModelBuilder.Build(report);
                var file = AtomicFile.Write(Path.Combine(folder.Path, "report.html"), writer => template.Render(model, writer));

                Assert.That(File.ReadAllBytes(file), Is.EqualTo(Encoding.UTF8.GetBytes(template.Render(model))), name);
            }
        });
    }

    [Test]
    public void Matrix_data_written_as_a_statement_is_the_value_a_template_gets_escaped()
    {
        var large = LargeDocument.Lint(LargeDocument.Write(TemplateFolder.Create().Path, operations: 2_500, "404", "500"));
        var template = TemplateFolder.Create().Write("data.scriban", "{{ for doc in documents }}{{ matrix_data doc }}|{{ data = matrix_data doc }}{{ data }}{{ end }}");

        var halves = ReportFixtures.Html(large, template).Split('|');

        Assert.Multiple(() =>
        {
            Assert.That(halves, Has.Length.EqualTo(2));
            Assert.That(halves[0], Has.Length.GreaterThan(1_000_000), "megabytes, streamed in many pieces");
            Assert.That(halves[0], Is.EqualTo(halves[1]));
            Assert.That(halves[0], Is.EqualTo(HtmlText.Escape(MatrixData.Json(ReportViewModelBuilder.Build(large).Documents.Single()))));
        });
    }

    [Test]
    public void Output_limit_stops_a_streamed_render_where_the_page_outgrows_it_and_the_old_report_is_kept()
    {
        // The page of 5,000 operations is about 1.5 MB, nearly all of it the matrix's data: the limit falls inside it.
        var large = LargeDocument.Lint(LargeDocument.Write(TemplateFolder.Create().Path, operations: 2_500, "404", "500"));
        var model = ReportViewModelBuilder.Build(large);
        var page = ReportTemplate.BuiltIn.Render(model);
        var limit = page.IndexOf("data-rows=\"", StringComparison.Ordinal) + 100_000;
        var folder = TemplateFolder.Create();
        var report = folder.Write("report.html", "the last good report");
        var template = ReportTemplate.BuiltIn.WithOutputLimit(limit);

        var error = Assert.Throws<ReportTemplateException>(() => AtomicFile.Write(report, writer => template.Render(model, writer)));

        Assert.Multiple(() =>
        {
            Assert.That(page, Has.Length.GreaterThan(limit + 1_000_000));
            // Where the template writes the matrix's data: built-in:matrix.scriban, line 24.
            Assert.That((error.File, error.Line), Is.EqualTo(("built-in:matrix.scriban", 24)));
            Assert.That(error.Reason, Does.Contain($"{limit}"));
            Assert.That(File.ReadAllText(report), Is.EqualTo("the last good report"));
            Assert.That(Directory.GetFiles(folder.Path).Select(Path.GetFileName), Is.EqualTo(new[] { "report.html" }), "no temporary file is left");
            Assert.That(() => ReportTemplate.BuiltIn.WithOutputLimit(page.Length).Render(model, TextWriter.Null), Throws.Nothing, "the whole page fits its own length");
        });
    }

    [Test]
    public void Output_limit_counts_what_partials_write()
    {
        var model = ReportViewModelBuilder.Build(ReportFixtures.Team());
        var page = ReportTemplate.BuiltIn.Render(model);
        var findings = page.IndexOf("<article class=\"finding", StringComparison.Ordinal);

        var error = Assert.Throws<ReportTemplateException>(() => ReportTemplate.BuiltIn.WithOutputLimit(findings + 10).Render(model, TextWriter.Null));

        Assert.That(error.File, Is.EqualTo("built-in:finding.scriban"), "the limit is reached in a partial included three levels down");
    }
}
