using OpenApiLint.Report.Tests.Support;

namespace OpenApiLint.Report.Tests.Browser;

/// <summary>A document whose every string tries to inject script, rendered and opened in headless Chromium.</summary>
public sealed class HostileReportInBrowserTests : BrowserFixture
{
    [Test]
    public async Task No_script_from_the_document_runs_and_its_markup_shows_as_text()
    {
        var url = WriteReport(ReportFixtures.Hostile(), "hostile-report.html");
        await using var page = await OpenAsync(url);
        await page.ClickAsync("#doc-1 .excerpt");

        await AttachScreenshotAsync(page, "hostile-report");

        Assert.Multiple(async () =>
        {
            Assert.That(await page.EvaluateAsync<string>("typeof window.__pwned"), Is.EqualTo("undefined"), "no injected script or handler ran");
            Assert.That(await page.EvaluateAsync<int>("document.scripts.length"), Is.EqualTo(1), "only the report's own script");
            Assert.That(await page.EvaluateAsync<int>("document.querySelectorAll('img, svg, iframe, object, embed, b').length"), Is.Zero);
            Assert.That(await page.EvaluateAsync<string[]>("[...document.querySelectorAll('*')].flatMap(e => [...e.attributes].map(a => a.name)).filter(n => n.startsWith('on'))"), Is.Empty);
            Assert.That(await page.EvaluateAsync<string>("document.getElementById('doc-1-title').textContent"), Is.EqualTo("1<script>window.__pwned = 'title'</script>Hostile API"));
            Assert.That(await page.EvaluateAsync<string>("document.querySelector('#doc-1-op-1 .path').textContent"), Is.EqualTo("/x/<img src=x onerror=window.__pwned='path'>"));
            Assert.That(await page.EvaluateAsync<string>("document.querySelector('#doc-1-op-2 .path').textContent"), Is.EqualTo("/y/{{ tool.name }}/{% raw %}"), "Scriban code in a path stays text");
        });
        AssertSelfContainedAndQuiet(page, url);
    }

    [Test]
    public async Task No_script_from_the_document_runs_in_a_matrix_drawn_from_data()
    {
        var url = WriteReport(ReportFixtures.Hostile(), "hostile-report-drawn.html", DrawnMatrixTemplate.Create());
        await using var page = await OpenAsync(url);
        var rows = await DrawnRowsAsync(page);
        await page.ClickAsync("#doc-1-op-1 .path");

        Assert.Multiple(async () =>
        {
            Assert.That(rows, Is.GreaterThan(0));
            Assert.That(await page.EvaluateAsync<string>("typeof window.__pwned"), Is.EqualTo("undefined"), "no injected script or handler ran");
            Assert.That(await page.EvaluateAsync<int>("document.scripts.length"), Is.EqualTo(1), "only the report's own script");
            Assert.That(await page.EvaluateAsync<int>("document.querySelectorAll('img, svg, iframe, object, embed, b').length"), Is.Zero);
            Assert.That(await page.EvaluateAsync<string[]>("[...document.querySelectorAll('*')].flatMap(e => [...e.attributes].map(a => a.name)).filter(n => n.startsWith('on'))"), Is.Empty);
            Assert.That(await page.EvaluateAsync<string>("document.querySelector('#doc-1-op-1 .path').textContent"), Is.EqualTo("/x/<img src=x onerror=window.__pwned='path'>"));
            Assert.That(await page.EvaluateAsync<string>("document.querySelector('#doc-1-op-2 .path').textContent"), Is.EqualTo("/y/{{ tool.name }}/{% raw %}"), "Scriban code in a path stays text");
            Assert.That(await page.EvaluateAsync<string[]>("[...document.querySelectorAll('#doc-1 tbody td')].map(cell => cell.dataset.code).filter(code => code.includes('<'))"),
                Has.Member("<img src=x onerror=window.__pwned='status-key'>").And.All.EqualTo("<img src=x onerror=window.__pwned='status-key'>"), "a hostile status key is an attribute's text");
        });
        AssertSelfContainedAndQuiet(page, url);
    }
}
