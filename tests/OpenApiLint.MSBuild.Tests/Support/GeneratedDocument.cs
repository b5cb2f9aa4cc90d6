using System.Text.Json.Nodes;

namespace OpenApiLint.MSBuild.Tests.Support;

/// <summary>A document ASP.NET Core generated during a test build: its JSON, and where its responses are written.</summary>
internal sealed class GeneratedDocument
{
    private readonly string[] _lines;

    public GeneratedDocument(string path)
    {
        Assert.That(File.Exists(path), Is.True, $"the build should have generated {path}");
        Path = path;
        _lines = File.ReadAllLines(path);
        Json = JsonNode.Parse(File.ReadAllText(path))!;
    }

    public string Path { get; }

    public JsonNode Json { get; }

    /// <summary>The operation object of <paramref name="method"/> <paramref name="path"/>.</summary>
    public JsonNode Operation(string path, string method) =>
        Json["paths"]?[path]?[method] ?? throw new AssertionException($"{Path} has no {method} {path}: {Json["paths"]?.ToJsonString()}");

    /// <summary>The header names the response declares.</summary>
    public IReadOnlyList<string> ResponseHeaders(string path, string method, string code) =>
        (Operation(path, method)["responses"]?[code] ?? throw new AssertionException($"{method} {path} has no {code}"))["headers"]?.AsObject().Select(header => header.Key).ToArray() ?? [];

    /// <summary>Line and column of the <paramref name="code"/> key of the operation's responses: found in the text, not assumed.</summary>
    public (int Line, int Column) ResponsePosition(string path, string method, string code)
    {
        var pathLine = Array.FindIndex(_lines, text => text.TrimStart().StartsWith($"\"{path}\":", StringComparison.Ordinal));
        var methodLine = pathLine < 0 ? -1 : Array.FindIndex(_lines, pathLine + 1, text => text.TrimStart().StartsWith($"\"{method}\":", StringComparison.Ordinal));
        var codeLine = methodLine < 0 ? -1 : Array.FindIndex(_lines, methodLine + 1, text => text.TrimStart().StartsWith($"\"{code}\":", StringComparison.Ordinal));
        Assert.That(codeLine, Is.GreaterThanOrEqualTo(0), $"{method} {path} {code} in {Path}");
        return (codeLine + 1, _lines[codeLine].IndexOf('"', StringComparison.Ordinal) + 1);
    }
}
