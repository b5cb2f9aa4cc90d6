using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenApiLint.Report.Tests.Browser;

/// <summary>
/// One browser tab: navigates, evaluates script, clicks like a user, and records every network request the page
/// makes and every console error or uncaught exception it logs.
/// </summary>
internal sealed class CdpPage(CdpConnection connection, string targetId, string sessionId) : IAsyncDisposable
{
    private static readonly TimeSpan LoadTimeout = TimeSpan.FromSeconds(30);

    private readonly ConcurrentQueue<string> _requests = new();
    private readonly ConcurrentQueue<string> _consoleErrors = new();
    private TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The URL of every request the page made, in order (its own document included).</summary>
    public IReadOnlyList<string> Requests => _requests.ToArray();

    /// <summary>Console errors, uncaught exceptions and browser log errors (a refused Content-Security-Policy, a failed load).</summary>
    public IReadOnlyList<string> ConsoleErrors => _consoleErrors.ToArray();

    public async Task EnableAsync(int width, int height)
    {
        connection.Subscribe(sessionId, OnEvent);
        await SendAsync("Page.enable");
        await SendAsync("Runtime.enable");
        await SendAsync("Log.enable");
        await SendAsync("Network.enable");
        await SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject { ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = false });
    }

    /// <summary>Opens <paramref name="url"/> and waits for its load event.</summary>
    public async Task NavigateAsync(Uri url)
    {
        _loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var result = await SendAsync("Page.navigate", new JsonObject { ["url"] = url.AbsoluteUri });
        if (result["errorText"]?.GetValue<string>() is { Length: > 0 } error)
        {
            throw new CdpException($"navigating to {url} failed: {error}");
        }

        await _loaded.Task.WaitAsync(LoadTimeout);
    }

    /// <summary>Evaluates <paramref name="expression"/> in the page and returns its JSON value.</summary>
    public async Task<T> EvaluateAsync<T>(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject
        {
            ["expression"] = expression,
            ["returnByValue"] = true,
            ["awaitPromise"] = true,
        });
        if (result["exceptionDetails"] is { } exception)
        {
            throw new CdpException($"script failed: {exception["exception"]?["description"] ?? exception["text"]}\n{expression}");
        }

        var value = result["result"]?["value"];
        return value is null ? default! : value.Deserialize<T>()!;
    }

    /// <summary>Clicks the middle of the first element matching <paramref name="selector"/> with the mouse, as a user would.</summary>
    public async Task ClickAsync(string selector)
    {
        var point = await EvaluateAsync<double[]>($$"""
            (() => {
              const element = document.querySelector({{JsonSerializer.Serialize(selector)}});
              if (!element) { throw new Error('nothing matches ' + {{JsonSerializer.Serialize(selector)}}); }
              element.scrollIntoView({ block: 'center', inline: 'center' });
              const box = element.getBoundingClientRect();
              return [box.left + box.width / 2, box.top + box.height / 2];
            })()
            """);
        foreach (var type in new[] { "mouseMoved", "mousePressed", "mouseReleased" })
        {
            await SendAsync("Input.dispatchMouseEvent", new JsonObject
            {
                ["type"] = type,
                ["x"] = point[0],
                ["y"] = point[1],
                ["button"] = type == "mouseMoved" ? "none" : "left",
                ["clickCount"] = type == "mouseMoved" ? 0 : 1,
            });
        }
    }

    /// <summary>Focuses the element matching <paramref name="selector"/> and types <paramref name="text"/> into it.</summary>
    public async Task TypeAsync(string selector, string text)
    {
        await ClickAsync(selector);
        await SendAsync("Input.insertText", new JsonObject { ["text"] = text });
    }

    /// <summary>Saves a PNG of the page from <paramref name="top"/> down, at most <paramref name="maxHeight"/> pixels tall, to <paramref name="path"/>.</summary>
    public async Task ScreenshotAsync(string path, int top = 0, int maxHeight = 7000)
    {
        var metrics = await SendAsync("Page.getLayoutMetrics");
        var size = metrics["cssContentSize"] ?? metrics["contentSize"]!;
        var width = Math.Ceiling(size["width"]!.GetValue<double>());
        var height = Math.Min(Math.Ceiling(size["height"]!.GetValue<double>()) - top, maxHeight);
        var shot = await SendAsync("Page.captureScreenshot", new JsonObject
        {
            ["format"] = "png",
            ["captureBeyondViewport"] = true,
            ["clip"] = new JsonObject { ["x"] = 0, ["y"] = top, ["width"] = width, ["height"] = Math.Max(height, 1), ["scale"] = 1 },
        });
        await File.WriteAllBytesAsync(path, Convert.FromBase64String(shot["data"]!.GetValue<string>()));
    }

    /// <summary>Renders the page as for <paramref name="media"/> (<c>print</c>, <c>screen</c>).</summary>
    public Task EmulateMediaAsync(string media) => SendAsync("Emulation.setEmulatedMedia", new JsonObject { ["media"] = media });

    /// <summary>Prints the page to a PDF at <paramref name="path"/>, as the browser's print dialog would.</summary>
    public async Task PrintToPdfAsync(string path)
    {
        var pdf = await SendAsync("Page.printToPDF", new JsonObject { ["printBackground"] = true, ["preferCSSPageSize"] = true });
        await File.WriteAllBytesAsync(path, Convert.FromBase64String(pdf["data"]!.GetValue<string>()));
    }

    public async ValueTask DisposeAsync()
    {
        connection.Unsubscribe(sessionId);
        try
        {
            await connection.SendAsync("Target.closeTarget", new JsonObject { ["targetId"] = targetId });
        }
        catch (Exception error) when (error is CdpException or TimeoutException)
        {
            // The browser closes every tab when it exits.
        }
    }

    private Task<JsonNode> SendAsync(string method, JsonObject? parameters = null) => connection.SendAsync(method, parameters, sessionId);

    private static bool IsError(JsonNode? logEntry) => (string?)logEntry?["level"] == "error";

    private void OnEvent(string method, JsonNode parameters)
    {
        switch (method)
        {
            case "Page.loadEventFired":
                _loaded.TrySetResult();
                break;
            case "Network.requestWillBeSent":
                _requests.Enqueue(parameters["request"]?["url"]?.GetValue<string>() ?? "");
                break;
            case "Runtime.consoleAPICalled" when parameters["type"]?.GetValue<string>() is "error" or "assert":
                var arguments = parameters["args"]?.AsArray().Select(argument => argument?["value"]?.ToString() ?? argument?["description"]?.ToString());
                _consoleErrors.Enqueue("console." + parameters["type"] + ": " + string.Join(" ", arguments ?? []));
                break;
            case "Runtime.exceptionThrown":
                var details = parameters["exceptionDetails"];
                _consoleErrors.Enqueue("uncaught: " + (details?["exception"]?["description"] ?? details?["text"]));
                break;
            case "Log.entryAdded" when IsError(parameters["entry"]):
                var entry = parameters["entry"]!;
                _consoleErrors.Enqueue(string.Create(CultureInfo.InvariantCulture, $"log ({entry["source"]}): {entry["text"]} {entry["url"]}"));
                break;
        }
    }
}
