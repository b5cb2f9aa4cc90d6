using OpenApiLint.Report.Tests.Support;

namespace OpenApiLint.Report.Tests.Browser;

/// <summary>The report of a large minified document (made in the test) opens in Chromium and its filters work.</summary>
public sealed class LargeReportInBrowserTests : BrowserFixture
{
    [Test]
    public async Task Large_report_opens_and_its_filters_work()
    {
        var path = LargeDocument.Write(OutputFolder, operations: 1_500);
        var url = WriteReport(LargeDocument.Lint(path), "large-report.html");
        await using var page = await OpenAsync(url);

        Assert.That(await page.EvaluateAsync<string>("document.getElementById('filter-status').textContent"), Is.EqualTo("Showing all 3000 findings"));
        Assert.That(await page.EvaluateAsync<int>("document.querySelectorAll('#doc-1 tbody tr').length"), Is.EqualTo(3_000));

        await page.TypeAsync("#filter-text", "POST /items/1234 declares");
        var afterSearch = await page.EvaluateAsync<string>("document.getElementById('filter-status').textContent");

        await page.ClickAsync("input[data-filter=\"severity\"][value=\"error\"]");
        var afterSeverity = await page.EvaluateAsync<string>("document.getElementById('filter-status').textContent");

        Assert.Multiple(() =>
        {
            Assert.That(afterSearch, Is.EqualTo("Showing 1 of 3000 findings"));
            Assert.That(afterSeverity, Is.EqualTo("Showing 0 of 3000 findings"), "the one match is an error; errors are now hidden");
        });
        AssertSelfContainedAndQuiet(page, url);
    }

    [Test]
    public async Task Large_matrix_is_drawn_from_data_and_the_page_stays_usable()
    {
        // 5,000 operations x 4 codes: the matrix comes as data and the script draws it, in slices.
        var path = LargeDocument.Write(OutputFolder, operations: 2_500, "404", "500");
        var report = LargeDocument.Lint(path);
        var findings = report.Diagnostics.Count;
        var url = WriteReport(report, "large-drawn-report.html");
        await using var page = await OpenAsync(url);

        var firstSlice = await page.EvaluateAsync<int>("document.querySelectorAll('#doc-1 tbody tr').length");
        var drawn = await DrawnRowsAsync(page);
        var lastRow = await page.EvaluateAsync<string[]>("""
            (() => {
              const row = document.getElementById('doc-1-op-5000');
              return [row.dataset.method, row.querySelector('.method').textContent, row.querySelector('.path').textContent, row.querySelector('.op-findings').getAttribute('href'),
                ...[...row.cells].slice(1).map(cell => cell.dataset.code + ' ' + cell.dataset.verdict + ' ' + cell.className + ' ' + cell.querySelector('.symbol').textContent + ' ' + cell.querySelector('.visually-hidden').textContent + ' | ' + cell.title)];
            })()
            """);

        await page.TypeAsync("#filter-text", "POST /items/1234 declares");
        var afterSearch = await page.EvaluateAsync<string>("document.getElementById('filter-status').textContent");
        await page.ClickAsync("input[data-filter=\"severity\"][value=\"error\"]");
        var afterSeverity = await page.EvaluateAsync<string>("document.getElementById('filter-status').textContent");
        await page.EvaluateAsync<bool>("(() => { document.getElementById('doc-1-op-4999').scrollIntoView(); return true; })()");
        await page.ClickAsync("#doc-1-op-4999 .op-findings");
        var linked = await page.EvaluateAsync<string>("location.hash + ' ' + document.querySelector('button[data-grouping=\"operation\"]').getAttribute('aria-pressed')");

        Assert.Multiple(() =>
        {
            Assert.That(firstSlice, Is.GreaterThanOrEqualTo(2_000), "a first slice is drawn as the page opens, the rest just after");
            Assert.That(drawn, Is.EqualTo(5_000));
            Assert.That(lastRow, Is.EqualTo(new[]
            {
                "post", "POST", "/items/2499", "#doc-1-op-5000-findings",
                "200 violation cell v-violation sev-error ✕ 200: not allowed | POST /items/2499 · 200: declared; OAL0001 error: POST /items/2499 declares 200; minimal-codes allows POST: 201, 400, 401, 403, 500; OAL0005 warning: POST /items/2499 200 response declares no body; minimal-codes expects a body on 200",
                "404 absent cell v-absent  404: not declared | POST /items/2499 · 404: not declared",
                "500 absent cell v-absent  500: not declared | POST /items/2499 · 500: not declared",
            }));
            Assert.That(afterSearch, Is.EqualTo($"Showing 1 of {findings} findings"));
            Assert.That(afterSeverity, Is.EqualTo($"Showing 0 of {findings} findings"), "the one match is an error; errors are now hidden");
            Assert.That(linked, Is.EqualTo("#doc-1-op-4999-findings true"), "a drawn row links to its findings like a written one");
        });
        AssertSelfContainedAndQuiet(page, url);
    }
}
