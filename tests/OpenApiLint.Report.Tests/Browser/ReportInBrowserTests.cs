using OpenApiLint.Report.Tests.Support;

namespace OpenApiLint.Report.Tests.Browser;

/// <summary>The team report (two documents, one file that failed to load) opened from disk in headless Chromium.</summary>
public sealed class ReportInBrowserTests : BrowserFixture
{
    private Uri _report = null!;

    [OneTimeSetUp]
    public void WriteTeamReport() => _report = WriteReport(ReportFixtures.Team(), "team-report.html");

    [Test]
    public async Task Page_loads_from_disk_without_requests_or_errors_and_is_screenshotted()
    {
        await using var page = await OpenAsync(_report);

        await AttachScreenshotAsync(page, "team-report");

        AssertSelfContainedAndQuiet(page, _report);
        Assert.That(await page.EvaluateAsync<string>("document.title"), Is.EqualTo("Orders API · OpenAPI status-code report"));
    }
}
