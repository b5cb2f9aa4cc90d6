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
}
