using OpenApiLint.Core.Formatting;
using OpenApiLint.Core.Linting;
using OpenApiLint.Core.Report;
using OpenApiLint.Report.Tests.Support;

namespace OpenApiLint.Report.Tests.Browser;

/// <summary>
/// Base of the browser tests: one headless Chromium per fixture, reports written to disk and opened from there
/// (file://), as a team lead opens a CI artifact. Skipped only when no Chromium is installed
/// (install-chromium.sh installs it; CI does so before the tests).
/// </summary>
public abstract class BrowserFixture
{
    private HeadlessChromium? _chromium;

    protected string OutputFolder { get; private set; } = "";

    [OneTimeSetUp]
    public async Task StartBrowserAsync()
    {
        var executable = HeadlessChromium.FindExecutable();
        if (executable is null)
        {
            var configured = Environment.GetEnvironmentVariable(HeadlessChromium.PathVariable);
            Assert.Ignore(string.IsNullOrEmpty(configured)
                ? $"Chromium is not installed, so the report was not checked in a browser: run tests/OpenApiLint.Report.Tests/install-chromium.sh (Debian's chromium package) or set {HeadlessChromium.PathVariable} to a Chromium binary."
                : $"{HeadlessChromium.PathVariable} names {configured}, which does not exist, so the report was not checked in a browser.");
        }

        OutputFolder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "browser-reports", GetType().Name);
        Directory.CreateDirectory(OutputFolder);
        _chromium = await HeadlessChromium.StartAsync(executable);
    }

    [OneTimeTearDown]
    public async Task StopBrowserAsync()
    {
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }
    }

    /// <summary>Renders <paramref name="report"/> to <paramref name="fileName"/> on disk and returns its file:// URL.</summary>
    protected Uri WriteReport(LintReport report, string fileName, string? templatePath = null)
    {
        var path = Path.Combine(OutputFolder, fileName);
        File.WriteAllText(path, ReportFixtures.Html(report, templatePath));
        return new Uri(path);
    }

    /// <summary>Opens <paramref name="url"/> in a new tab.</summary>
    private protected async Task<CdpPage> OpenAsync(Uri url)
    {
        var page = await _chromium!.OpenPageAsync();
        await page.NavigateAsync(url);
        return page;
    }

    /// <summary>Waits until the page's script has drawn every matrix it draws from data (tbody data-drawn); returns the rows drawn.</summary>
    private protected static Task<int> DrawnRowsAsync(CdpPage page) => page.EvaluateAsync<int>("""
        new Promise(resolve => {
          const check = () => document.querySelector('tbody[data-rows]')
            ? setTimeout(check, 20)
            : [...document.querySelectorAll('tbody[data-drawn]')].every(body => body.rows.length === Number(body.dataset.drawn))
              ? resolve([...document.querySelectorAll('tbody[data-drawn]')].reduce((sum, body) => sum + body.rows.length, 0))
              : setTimeout(check, 20);
          check();
        })
        """);

    /// <summary>Saves a screenshot of <paramref name="page"/> and attaches it to the test.</summary>
    private protected async Task AttachScreenshotAsync(CdpPage page, string name)
    {
        var path = Path.Combine(OutputFolder, name + ".png");
        await page.ScreenshotAsync(path);
        TestContext.AddTestAttachment(path, name);
    }

    /// <summary>Fails unless the page requested nothing but <paramref name="url"/> and logged no error.</summary>
    private protected static void AssertSelfContainedAndQuiet(CdpPage page, Uri url)
    {
        Assert.Multiple(() =>
        {
            Assert.That(page.Requests, Is.EqualTo(new[] { url.AbsoluteUri }), "the page must fetch nothing but itself");
            Assert.That(page.ConsoleErrors, Is.Empty, "the page must log no error");
        });
    }
}
