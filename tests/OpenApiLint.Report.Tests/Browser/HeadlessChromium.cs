using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace OpenApiLint.Report.Tests.Browser;

/// <summary>
/// The system Chromium (Debian's <c>chromium</c> package), started headless with a throw-away profile and driven over
/// the DevTools protocol. No driver download, no network: background networking, component updates and sync are off.
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    /// <summary>Set to a Chromium or Chrome binary to use it instead of the ones searched for.</summary>
    public const string PathVariable = "OPENAPILINT_CHROMIUM";

    private static readonly string[] Candidates =
    [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/lib/chromium/chromium",
        "/usr/bin/google-chrome",
        "/usr/bin/google-chrome-stable",
    ];

    private readonly Process _process;
    private readonly string _profile;
    private readonly StringBuilder _output;

    private HeadlessChromium(Process process, string profile, StringBuilder output, CdpConnection connection)
    {
        _process = process;
        _profile = profile;
        _output = output;
        Connection = connection;
    }

    public CdpConnection Connection { get; }

    /// <summary>The Chromium binary to use, or <c>null</c> when none is installed.</summary>
    public static string? FindExecutable()
    {
        if (Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : null;
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(folder => new[] { "chromium", "chromium-browser", "google-chrome" }.Select(name => Path.Combine(folder, name)));
        return Candidates.Concat(onPath).FirstOrDefault(File.Exists);
    }

    public static async Task<HeadlessChromium> StartAsync(string executable)
    {
        var profile = Path.Combine(Path.GetTempPath(), "openapilint-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--remote-debugging-port=0",
            "--user-data-dir=" + profile,
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-extensions",
            "--hide-scrollbars",
            "--mute-audio",
            "about:blank",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var output = new StringBuilder();
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {executable}");
        process.OutputDataReceived += (_, line) => { lock (output) output.AppendLine(line.Data); };
        process.ErrorDataReceived += (_, line) => { lock (output) output.AppendLine(line.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // Chromium writes the port it picked and the browser's WebSocket path into DevToolsActivePort.
        var portFile = Path.Combine(profile, "DevToolsActivePort");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(45);
        string[]? lines = null;
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            if (File.Exists(portFile))
            {
                lines = (await File.ReadAllLinesAsync(portFile)).Where(line => line.Length > 0).ToArray();
                if (lines.Length >= 2)
                {
                    break;
                }
            }

            await Task.Delay(100);
        }

        if (lines is not { Length: >= 2 })
        {
            string log;
            lock (output) log = output.ToString();
            Stop(process);
            throw new InvalidOperationException($"{executable} did not open its DevTools port (exited: {process.HasExited}). Output:\n{log}");
        }

        var connection = await CdpConnection.ConnectAsync(new Uri($"ws://127.0.0.1:{lines[0]}{lines[1]}"));
        return new HeadlessChromium(process, profile, output, connection);
    }

    /// <summary>A new tab, attached, with the page, runtime, log and network domains on.</summary>
    public async Task<CdpPage> OpenPageAsync(int width = 1366, int height = 900)
    {
        var target = await Connection.SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" });
        var targetId = target["targetId"]!.GetValue<string>();
        var attached = await Connection.SendAsync("Target.attachToTarget", new JsonObject { ["targetId"] = targetId, ["flatten"] = true });
        var page = new CdpPage(Connection, targetId, attached["sessionId"]!.GetValue<string>());
        await page.EnableAsync(width, height);
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Connection.SendAsync("Browser.close");
        }
        catch (Exception error) when (error is CdpException or TimeoutException or InvalidOperationException)
        {
            // Killed below.
        }

        await Connection.DisposeAsync();
        if (!_process.WaitForExit(5000))
        {
            Stop(_process);
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // A renderer may still hold a file for a moment; the folder is in the temp directory.
        }
    }

    /// <summary>Everything Chromium printed, for failure messages.</summary>
    public string Output()
    {
        lock (_output) return _output.ToString();
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
