using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using OpenApiLint.Core.Linting;
using OpenApiLint.Core.Report;
using OpenApiLint.Report.Tests.Support;

namespace OpenApiLint.Report.Tests;

/// <summary>
/// The report of a large document grows with its operations by a few hundred bytes each: the built-in page draws a
/// large matrix from compact data (matrix_data), which holds everything a row shows; the text of the documents is
/// not kept, only the excerpts of their findings.
/// </summary>
public sealed partial class LargeReportTests
{
    [Test]
    public void Matrix_data_gives_back_every_row_and_cell_the_page_shows()
    {
        var model = ReportViewModelBuilder.Build(ReportFixtures.Team());

        Assert.Multiple(() =>
        {
            Assert.That(model.Documents, Has.Count.EqualTo(2));
            foreach (var document in model.Documents)
            {
                Assert.That(Expand(document.Id, MatrixData.Json(document)), Is.EqualTo(Shown(document.Matrix)), document.File);
            }

            Assert.That(model.Documents.SelectMany(document => document.Matrix.Rows).SelectMany(row => row.Cells).Select(cell => cell.Verdict).Distinct().Order(),
                Is.EqualTo(new[] { "absent", "allowed", "missing", "suppressed", "violation" }), "the fixture has every verdict");
            Assert.That(model.Documents.SelectMany(document => document.Matrix.Rows).Count(row => row.Overridden), Is.EqualTo(2), "and rows under an override");
        });
    }

    [Test]
    public void Matrix_data_keeps_what_differs_from_the_usual_row()
    {
        var document = ReportViewModelBuilder.Build(ReportFixtures.Team()).Documents[0];
        var rows = document.Matrix.Rows.ToArray();
        rows[0] = rows[0] with { Id = "custom-row", MethodClass = "Weird", FindingsAnchor = "elsewhere", Findings = 7, Summary = null };
        rows[1] = rows[1] with { Cells = [.. rows[1].Cells.Select(cell => cell with { Detail = "a detail of its own" })] };
        rows[2] = rows[2] with { Summary = "", Overridden = true };
        var changed = document with { Matrix = document.Matrix with { Rows = rows } };

        Assert.That(Expand(changed.Id, MatrixData.Json(changed)), Is.EqualTo(Shown(changed.Matrix)));
    }

    [Test]
    public void Built_in_page_draws_a_large_matrix_from_data_and_writes_a_small_one_as_markup()
    {
        var large = LargeDocument.Lint(LargeDocument.Write(TemplateFolder.Create().Path, operations: 2_500, "404", "500"));
        var html = ReportFixtures.Html(large);
        var small = ReportFixtures.Html(ReportFixtures.Team());

        Assert.Multiple(() =>
        {
            Assert.That(Regex.Count(html, "<tr id=\"doc-1-op-"), Is.Zero, "no row of markup");
            Assert.That(Regex.Count(html, "<tbody data-document=\"doc-1\" data-rows=\""), Is.EqualTo(1));
            Assert.That(Expand("doc-1", DataRows(html, "doc-1")), Has.Count.EqualTo(5_000));
            Assert.That(html, Does.Contain("<noscript><p class=\"empty\">This matrix has 5000 rows: the page's script draws them;"));
            Assert.That(Regex.Count(small, "<tr id=\"doc-1-op-"), Is.EqualTo(5), "a small matrix stays markup: it reads without script and on paper");
            Assert.That(small, Does.Not.Contain("data-rows="));
        });
    }

    [Test]
    public void Report_of_a_large_document_costs_a_few_hundred_bytes_per_operation()
    {
        // 5,000 operations, 4 codes, a finding or two on every one: the old page wrote about 1.7 KB per operation for
        // its matrix (Microsoft Graph beta: 40 MB). A row of data is its method, path and cells; a cell with findings
        // also carries their messages, its tooltip, and every operation here has some.
        var large = LargeDocument.Lint(LargeDocument.Write(TemplateFolder.Create().Path, operations: 2_500, "404", "500"));
        var operations = large.Results.Single().Document!.Operations.Count;
        var html = ReportFixtures.Html(large);
        var matrix = Regex.Match(html, "<tbody data-document=\"doc-1\" data-rows=\"[^\"]*\"></tbody>").Value;

        Assert.Multiple(() =>
        {
            Assert.That(operations, Is.EqualTo(5_000));
            Assert.That(matrix.Length / operations, Is.LessThan(300), "a row of data: method, path, cells, the findings' messages, escaped");
        });
    }

    [Test]
    public void A_value_of_megabytes_is_written_escaped_exactly_as_a_short_one()
    {
        var large = LargeDocument.Lint(LargeDocument.Write(TemplateFolder.Create().Path, operations: 2_500, "404", "500"));
        var document = ReportViewModelBuilder.Build(large).Documents.Single();
        var file = TemplateFolder.Create().Write("data.scriban", "{{ for doc in documents }}{{ matrix_data doc }}|{{ doc.matrix.rows[4999].cells[0].detail }}{{ end }}");

        var written = ReportFixtures.Html(large, file);
        var json = MatrixData.Json(document);

        Assert.Multiple(() =>
        {
            Assert.That(json.Length, Is.GreaterThan(1_000_000), "megabytes of JSON, written in many pieces");
            Assert.That(written, Is.EqualTo(HtmlText.Escape(json) + "|" + HtmlText.Escape(document.Matrix.Rows[4_999].Cells[0].Detail)));
            Assert.That(written, Does.Not.Contain("\"").And.Not.Contain("<"));
        });
    }

    [Test]
    public void Report_keeps_the_excerpts_of_findings_not_the_text_of_documents()
    {
        var files = new[] { "orders.openapi.yaml", "inventory.openapi.json", "hostile.openapi.yaml" }.Select(file => Path.Combine(ReportFixtures.Folder, file)).ToArray();
        var resolver = new RulesetResolver("team-ruleset.json", ReportFixtures.Folder);
        var whole = new LintRunner(resolver).LintFiles(files, maxParallelism: 1);
        var excerpts = new LintRunner(resolver) { KeepSourceText = false, KeepExcerpts = true }.LintFiles(files, maxParallelism: 1);
        string Model(IReadOnlyList<LintResult> results) =>
            ReportViewModelJson.Serialize(ReportViewModelBuilder.Build(new LintReport(results, "openapi-lint", ReportFixtures.ToolVersion, ReportFixtures.Folder, ReportFixtures.Timestamp)));

        var first = excerpts[0].Diagnostics.First(diagnostic => diagnostic.Location.HasPosition).Location;

        Assert.Multiple(() =>
        {
            Assert.That(Model(excerpts), Is.EqualTo(Model(whole)), "the same report, excerpts and matrix included");
            Assert.That(Model(whole), Does.Contain("\"marked\": true"), "the fixtures have excerpts");
            Assert.That(excerpts[0].Document!.GetLines(first.File, 1, 3), Is.Empty, "no text is kept");
            Assert.That(whole[0].Document!.GetLines(first.File, 1, 3), Has.Count.EqualTo(3));
            Assert.That(excerpts[0].Document!.ExcerptAt(first), Is.EqualTo(whole[0].Document!.ExcerptAt(first)).And.Count.GreaterThan(0));
        });
    }

    [Test]
    public void Excerpts_of_a_minified_document_are_kept_cut_to_their_window()
    {
        var path = LargeDocument.Write(TemplateFolder.Create().Path, operations: 500);
        var resolver = new RulesetResolver("minimal-codes", Path.GetDirectoryName(path)!);
        var whole = new LintRunner(resolver).LintFile(path);
        var excerpts = new LintRunner(resolver) { KeepSourceText = false, KeepExcerpts = true }.LintFile(path);
        var locations = whole.Diagnostics.Select(diagnostic => diagnostic.Location).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(locations, Has.Length.EqualTo(1_000));
            Assert.That(locations.Select(location => excerpts.Document!.ExcerptAt(location)), Is.EqualTo(locations.Select(location => whole.Document!.ExcerptAt(location))));
            Assert.That(locations.SelectMany(location => excerpts.Document!.ExcerptAt(location)), Has.All.Matches<Core.Documents.ExcerptLine>(line => line.Number == 1 && line.Marked && line.Text.Length <= 162));
            Assert.That(excerpts.Document!.Operations.Select(operation => operation.Responses.Count).Distinct(), Is.EqualTo(new[] { 1 }), "the matrix still reads each operation's responses");
        });
    }

    /// <summary>What a row of the page shows, from the model: the fields the script draws.</summary>
    private static List<string> Shown(MatrixView matrix) =>
        [.. matrix.Rows.Select(row => string.Join(" | ",
            row.Id, row.Method, row.MethodClass, row.Path, row.Summary ?? "(none)", row.Findings, row.FindingsAnchor ?? "(none)", row.Overridden,
            string.Join(" / ", row.Cells.Select(cell => $"{cell.Code} {cell.Verdict} {cell.Severity} {cell.Symbol} {cell.Label}: {cell.Detail}"))))];

    /// <summary>Reads matrix data the way the page's script does (script.scriban), into the same shape as <see cref="Shown"/>.</summary>
    private static List<string> Expand(string documentId, string json)
    {
        using var data = JsonDocument.Parse(json);
        var root = data.RootElement;
        var codes = root.GetProperty("codes").EnumerateArray().Select(code => code.GetString()!).ToArray();
        var kinds = root.GetProperty("kinds").EnumerateArray().Select(kind => kind.EnumerateArray().Select(part => part.GetString()!).ToArray()).ToArray();
        var details = root.GetProperty("details").EnumerateArray().Select(detail => detail.GetString()!).ToArray();
        var rows = new List<string>();
        var index = 0;
        foreach (var row in root.GetProperty("rows").EnumerateArray())
        {
            var fields = row.EnumerateArray().ToArray();
            var method = fields[0].GetString()!;
            var path = fields[1].GetString()!;
            var summary = fields[2].ValueKind == JsonValueKind.Null ? "(none)" : fields[2].GetString()!;
            var cells = fields[3].EnumerateArray().Select(number => number.GetInt32()).ToArray();
            var findings = fields.Length > 4 ? fields[4].GetInt32() : 0;
            var id = fields.Length > 7 && fields[7].ValueKind != JsonValueKind.Null ? fields[7].GetString()! : $"{documentId}-op-{index + 1}";
            var anchor = fields.Length <= 5 || fields[5].ValueKind == JsonValueKind.Null ? "(none)"
                : fields[5].ValueKind == JsonValueKind.Number && fields[5].GetInt32() == 1 ? id + "-findings"
                : fields[5].GetString()!;
            var overridden = fields.Length > 6 && fields[6].GetInt32() == 1;
            var methodClass = fields.Length > 8 ? fields[8].GetString()! : method.ToLowerInvariant();
            var shownCells = new List<string>();
            for (var c = 0; c + 1 < cells.Length; c += 2)
            {
                var kind = kinds[cells[c]];
                var code = codes[c / 2];
                var detail = cells[c + 1] >= 0 ? $"{method} {path} · {code}: {details[cells[c + 1]]}" : details[-1 - cells[c + 1]];
                shownCells.Add($"{code} {kind[0]} {kind[1]} {kind[2]} {kind[3]}: {detail}");
            }

            rows.Add(string.Join(" | ", id, method, methodClass, path, summary, findings, anchor, overridden, string.Join(" / ", shownCells)));
            index++;
        }

        return rows;
    }

    /// <summary>The matrix data of a document in the page, as the browser reads the attribute.</summary>
    internal static string DataRows(string html, string documentId) =>
        WebUtility.HtmlDecode(Regex.Match(html, $"<tbody data-document=\"{documentId}\" data-rows=\"([^\"]*)\"></tbody>").Groups[1].Value);
}
