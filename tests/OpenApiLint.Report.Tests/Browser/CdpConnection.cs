using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace OpenApiLint.Report.Tests.Browser;

/// <summary>A failed Chrome DevTools protocol command.</summary>
internal sealed class CdpException(string message) : Exception(message);

/// <summary>
/// One WebSocket to the browser speaking the Chrome DevTools protocol: commands are matched to their responses by
/// id, and events are handed to the page session (flat sessions) they belong to.
/// </summary>
internal sealed class CdpConnection : IAsyncDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(30);

    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode>> _pending = new();
    private readonly ConcurrentDictionary<string, Action<string, JsonNode>> _sessions = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _closing = new();
    private Task? _receiving;
    private int _nextId;

    public static async Task<CdpConnection> ConnectAsync(Uri endpoint)
    {
        var connection = new CdpConnection();
        connection._socket.Options.KeepAliveInterval = TimeSpan.Zero;
        await connection._socket.ConnectAsync(endpoint, CancellationToken.None);
        connection._receiving = Task.Run(connection.ReceiveLoopAsync);
        return connection;
    }

    /// <summary>Sends <paramref name="method"/> (to a page when <paramref name="sessionId"/> is given) and returns its result.</summary>
    public async Task<JsonNode> SendAsync(string method, JsonObject? parameters = null, string? sessionId = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        if (sessionId is not null)
        {
            message["sessionId"] = sessionId;
        }

        var response = new TaskCompletionSource<JsonNode>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = response;
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        await _sendLock.WaitAsync();
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }

        var result = await response.Task.WaitAsync(CommandTimeout);
        if (result["error"] is { } error)
        {
            throw new CdpException($"{method} failed: {error["message"]?.GetValue<string>()} {error["data"]?.ToJsonString()}");
        }

        return result["result"] ?? new JsonObject();
    }

    /// <summary>Routes the events of <paramref name="sessionId"/> to <paramref name="onEvent"/> (method, params).</summary>
    public void Subscribe(string sessionId, Action<string, JsonNode> onEvent) => _sessions[sessionId] = onEvent;

    public void Unsubscribe(string sessionId) => _sessions.TryRemove(sessionId, out _);

    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync();
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
            catch (Exception error) when (error is WebSocketException or OperationCanceledException)
            {
                // The browser is going away anyway.
            }
        }

        if (_receiving is not null)
        {
            await Task.WhenAny(_receiving, Task.Delay(TimeSpan.FromSeconds(2)));
        }

        _socket.Dispose();
        _sendLock.Dispose();
        _closing.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (!_closing.IsCancellationRequested && _socket.State == WebSocketState.Open)
            {
                var received = await _socket.ReceiveAsync(buffer, _closing.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                message.Write(buffer, 0, received.Count);
                if (!received.EndOfMessage)
                {
                    continue;
                }

                var node = JsonNode.Parse(message.GetBuffer().AsSpan(0, (int)message.Length));
                message.SetLength(0);
                Dispatch(node!);
            }
        }
        catch (Exception error) when (error is WebSocketException or OperationCanceledException)
        {
            // Closed: pending commands fail below.
        }

        foreach (var pending in _pending.Values)
        {
            pending.TrySetException(new CdpException("the browser connection closed"));
        }
    }

    private void Dispatch(JsonNode node)
    {
        if (node["id"] is { } id)
        {
            if (_pending.TryRemove(id.GetValue<int>(), out var response))
            {
                response.TrySetResult(node);
            }

            return;
        }

        var method = node["method"]?.GetValue<string>();
        var sessionId = node["sessionId"]?.GetValue<string>();
        if (method is not null && sessionId is not null && _sessions.TryGetValue(sessionId, out var onEvent))
        {
            onEvent(method, node["params"] ?? new JsonObject());
        }
    }
}
