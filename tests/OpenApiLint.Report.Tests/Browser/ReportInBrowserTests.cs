using System.Text.Json;
using OpenApiLint.Report.Tests.Support;

namespace OpenApiLint.Report.Tests.Browser;

/// <summary>The team report (two documents, one file that failed to load) opened from disk in headless Chromium.</summary>
public sealed class ReportInBrowserTests : BrowserFixture
{
    /// <summary>What the reader sees of the findings in the grouping on screen: visible ones by severity, and the status line.</summary>
    private const string VisibleFindings = """
        (() => {
          const shown = [...document.querySelectorAll('.finding')].filter(f => f.offsetParent !== null);
          const count = severity => shown.filter(f => f.dataset.severity === severity).length;
          return {
            error: count('error'), warning: count('warning'), info: count('info'),
            rules: [...new Set(shown.map(f => f.dataset.rule))].sort().join(','),
            status: document.getElementById('filter-status').textContent,
          };
        })()
        """;

    private Uri _report = null!;

    [OneTimeSetUp]
    public void WriteTeamReport() => _report = WriteReport(ReportFixtures.Team(), "team-report.html");

    [Test]
    public async Task Page_loads_from_disk_without_requests_or_errors_and_is_screenshotted()
    {
        await using var page = await OpenAsync(_report);

        await AttachScreenshotAsync(page, "team-report");

        AssertSelfContainedAndQuiet(page, _report);
        Assert.Multiple(async () =>
        {
            Assert.That(await page.EvaluateAsync<string>("document.title"), Is.EqualTo("Orders API · OpenAPI status-code report"));
            Assert.That(await page.EvaluateAsync<bool>("document.documentElement.classList.contains('js') && !document.getElementById('toolbar').hidden"), Is.True, "the script ran and showed the filters");
        });
    }

    [Test]
    public async Task Matrix_cells_show_each_verdict_in_its_colour()
    {
        await using var page = await OpenAsync(_report);

        var cells = await page.EvaluateAsync<Dictionary<string, string>>("""
            (() => {
              const result = {};
              for (const cell of document.querySelectorAll('#doc-1 tbody tr td')) {
                const row = cell.closest('tr');
                const style = getComputedStyle(cell);
                const method = row.querySelector('.method').textContent;
                const path = row.querySelector('.path').textContent;
                result[method + ' ' + path + ' ' + cell.dataset.code] =
                  [cell.dataset.verdict, cell.querySelector('.symbol').textContent, style.backgroundColor, style.backgroundImage.startsWith('repeating-linear-gradient') ? 'striped' : 'plain'].join(' | ');
              }
              return result;
            })()
            """);

        Assert.Multiple(() =>
        {
            Assert.That(cells, Has.Count.EqualTo(5 * 9), "5 operations x 9 codes");
            Assert.That(cells["GET /orders 200"], Is.EqualTo("allowed | ✓ | rgb(220, 246, 228) | plain"));
            Assert.That(cells["POST /orders 200"], Is.EqualTo("violation | ✕ | rgb(255, 233, 231) | plain"));
            Assert.That(cells["POST /orders 400"], Is.EqualTo("missing | ! | rgba(0, 0, 0, 0) | striped"));
            Assert.That(cells["POST /orders 409"], Is.EqualTo("allowed | ✓ | rgb(220, 246, 228) | plain"));
            Assert.That(cells["GET /orders/{id} default"], Is.EqualTo("violation | ✕ | rgb(255, 244, 204) | plain"), "warning colour");
            Assert.That(cells["DELETE /orders/{id} 204"], Is.EqualTo("violation | ✕ | rgb(255, 233, 231) | plain"));
            Assert.That(cells["GET /legacy/orders 302"], Is.EqualTo("violation | ✕ | rgb(225, 239, 255) | plain"), "info colour");
            Assert.That(cells["GET /orders 404"], Is.EqualTo("absent |  | rgba(0, 0, 0, 0) | plain"));
        });
        Assert.Multiple(async () =>
        {
            Assert.That(await page.EvaluateAsync<string>("document.querySelector('#doc-1-op-2 td[data-code=\"200\"]').title"),
                Is.EqualTo("POST /orders · 200: declared; OAL0001 error: POST /orders declares 200; orders-team allows POST: 201, 400, 401, 403, 409, 500"));
            Assert.That(await page.EvaluateAsync<string[]>("[...document.querySelectorAll('#doc-1 .legend li strong')].map(s => s.textContent)"),
                Is.EqualTo(new[] { "allowed", "violation", "required but missing", "against the ruleset, not reported", "not declared" }));
        });
        AssertSelfContainedAndQuiet(page, _report);
    }

    [Test]
    public async Task Header_counts_agree_with_the_findings_listed()
    {
        await using var page = await OpenAsync(_report);

        var counts = await page.EvaluateAsync<Dictionary<string, string>>("""
            (() => {
              const result = {};
              for (const element of document.querySelectorAll('.report-header [data-count]')) { result[element.dataset.count] = element.textContent; }
              for (const severity of ['error', 'warning', 'info']) {
                result['listed-' + severity] = String(document.querySelectorAll('.findings-view[data-grouping="rule"] .finding[data-severity="' + severity + '"]').length);
              }
              result.outcome = document.querySelector('.outcome').textContent;
              return result;
            })()
            """);

        Assert.That(counts, Is.EqualTo(new Dictionary<string, string>
        {
            ["error"] = "5",
            ["warning"] = "2",
            ["info"] = "1",
            ["documents"] = "2",
            ["operations"] = "8",
            ["load-errors"] = "1",
            ["listed-error"] = "5",
            ["listed-warning"] = "2",
            ["listed-info"] = "1",
            ["outcome"] = "5 errors, 2 warnings, 1 info, 1 file could not be linted",
        }));
    }

    [Test]
    public async Task Clicking_the_errors_filter_hides_error_findings_and_clicking_again_shows_them()
    {
        await using var page = await OpenAsync(_report);
        var before = await Visible(page);

        await page.ClickAsync("label.toggle.sev-error");
        var filtered = await Visible(page);
        var ruleGroupHidden = await page.EvaluateAsync<bool>("document.getElementById('doc-1-rule-OAL0002').hidden");
        await page.ClickAsync("label.toggle.sev-error");
        var after = await Visible(page);

        Assert.Multiple(() =>
        {
            Assert.That(before, Is.EqualTo("error=5 warning=2 info=1 rules=OAL0001,OAL0002,OAL0004,OAL0005,OAL0009,OAL0010 | Showing all 8 findings"));
            Assert.That(filtered, Is.EqualTo("error=0 warning=2 info=1 rules=OAL0001,OAL0005,OAL0009 | Showing 3 of 8 findings"));
            Assert.That(ruleGroupHidden, Is.True, "a rule whose findings are all hidden hides its group");
            Assert.That(after, Is.EqualTo(before));
        });
        AssertSelfContainedAndQuiet(page, _report);
    }

    [Test]
    public async Task Rule_filter_and_text_search_narrow_the_findings()
    {
        await using var page = await OpenAsync(_report);

        await page.EvaluateAsync<bool>("(() => { const s = document.getElementById('filter-rule'); s.value = 'OAL0001'; s.dispatchEvent(new Event('change')); return true; })()");
        var byRule = await Visible(page);
        await page.EvaluateAsync<bool>("(() => { const s = document.getElementById('filter-rule'); s.value = ''; s.dispatchEvent(new Event('change')); return true; })()");
        await page.TypeAsync("#filter-text", "declares 302");
        var bySearch = await Visible(page);
        var inventoryNoMatch = await page.EvaluateAsync<bool>("!document.querySelector('#doc-2 .no-match').hidden");

        Assert.Multiple(() =>
        {
            Assert.That(byRule, Is.EqualTo("error=2 warning=0 info=1 rules=OAL0001 | Showing 3 of 8 findings"));
            Assert.That(bySearch, Is.EqualTo("error=0 warning=0 info=1 rules=OAL0001 | Showing 1 of 8 findings"));
            Assert.That(inventoryNoMatch, Is.True, "a document with no matching finding says so");
        });
        AssertSelfContainedAndQuiet(page, _report);
    }

    [Test]
    public async Task Findings_regroup_by_operation_and_matrix_rows_link_to_their_findings()
    {
        await using var page = await OpenAsync(_report);

        await page.ClickAsync("button[data-grouping=\"operation\"]");
        var byOperation = await page.EvaluateAsync<string>(
            "[...document.querySelectorAll('#doc-1 .operation-group')].filter(g => g.offsetParent !== null).map(g => g.querySelector('h4').textContent).join(' / ')");
        var ruleViewHidden = await page.EvaluateAsync<bool>("document.querySelector('#doc-1 .findings-view[data-grouping=\"rule\"]').hidden");
        await page.ClickAsync("button[data-grouping=\"rule\"]");
        await page.ClickAsync("#doc-1-op-4 .op-findings");
        var linked = await page.EvaluateAsync<string>("location.hash + ' ' + document.querySelector('button[data-grouping=\"operation\"]').getAttribute('aria-pressed')");

        Assert.Multiple(async () =>
        {
            Assert.That(byOperation, Is.EqualTo("DOCWhole document1 / POST/orders2 / GET/orders/{id}1 / DELETE/orders/{id}2 / GET/legacy/orders1"));
            Assert.That(ruleViewHidden, Is.True);
            Assert.That(linked, Is.EqualTo("#doc-1-op-4-findings true"));
            Assert.That(await Visible(page), Does.EndWith("| Showing all 8 findings"));
        });
        AssertSelfContainedAndQuiet(page, _report);
    }

    [Test]
    public async Task Printing_hides_the_filters_and_yields_a_pdf()
    {
        await using var page = await OpenAsync(_report);

        await page.EmulateMediaAsync("print");
        var toolbarDisplay = await page.EvaluateAsync<string>("getComputedStyle(document.getElementById('toolbar')).display");
        var pdf = Path.Combine(OutputFolder, "team-report.pdf");
        await page.PrintToPdfAsync(pdf);
        TestContext.AddTestAttachment(pdf, "team report, printed");

        Assert.Multiple(() =>
        {
            Assert.That(toolbarDisplay, Is.EqualTo("none"));
            Assert.That(File.ReadAllBytes(pdf).AsSpan(0, 5).ToArray(), Is.EqualTo("%PDF-"u8.ToArray()));
        });
        AssertSelfContainedAndQuiet(page, _report);
    }

    private static async Task<string> Visible(CdpPage page)
    {
        var state = await page.EvaluateAsync<JsonElement>(VisibleFindings);
        return $"error={state.GetProperty("error")} warning={state.GetProperty("warning")} info={state.GetProperty("info")} rules={state.GetProperty("rules").GetString()} | {state.GetProperty("status").GetString()}";
    }

    [Test]
    public async Task Matrix_drawn_from_data_is_the_markup_the_template_writes()
    {
        var drawnUrl = WriteReport(ReportFixtures.Team(), "team-report-drawn.html", DrawnMatrixTemplate.Create());
        await using var written = await OpenAsync(_report);
        await using var drawn = await OpenAsync(drawnUrl);
        const string Rows = """
            [...document.querySelectorAll('.matrix tbody tr')].map(row => {
              const copy = row.cloneNode(true);
              const strip = node => [...node.childNodes].forEach(child => child.nodeType === Node.TEXT_NODE && child.textContent.trim() === '' ? child.remove() : strip(child));
              strip(copy);
              return copy.outerHTML;
            })
            """;

        var drawnRows = await DrawnRowsAsync(drawn);
        var fromData = await drawn.EvaluateAsync<string[]>(Rows);
        var fromTemplate = await written.EvaluateAsync<string[]>(Rows);

        Assert.Multiple(() =>
        {
            Assert.That(drawnRows, Is.EqualTo(8), "both documents' matrices are drawn");
            Assert.That(fromTemplate, Has.Length.EqualTo(8));
            Assert.That(fromData, Is.EqualTo(fromTemplate));
        });
        AssertSelfContainedAndQuiet(drawn, drawnUrl);
    }
}
