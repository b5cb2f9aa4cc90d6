namespace OpenApiLint.MSBuild.Tests.Support;

/// <summary>Positions found in the text itself, never assumed: a snippet of C#, a key of a generated document.</summary>
internal static class SourceText
{
    /// <summary>The 1-based line and column where <paramref name="snippet"/> appears (the <paramref name="occurrence"/>-th time) in <paramref name="text"/>.</summary>
    public static (int Line, int Column) At(string text, string snippet, int occurrence = 1)
    {
        var index = -1;
        for (var seen = 0; seen < occurrence; seen++)
        {
            index = text.IndexOf(snippet, index + 1, StringComparison.Ordinal);
            if (index < 0)
            {
                break;
            }
        }

        Assert.That(index, Is.GreaterThanOrEqualTo(0), $"'{snippet}' is not in:\n{text}");
        var lineStart = index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1;
        return (text.AsSpan(0, index).Count('\n') + 1, index - lineStart + 1);
    }

    /// <summary>
    /// Where a generated JSON document has the key <paramref name="key"/> (<c>"404"</c>, <c>"responses"</c>) under
    /// <paramref name="method"/> of <paramref name="path"/>: the column of its opening quote.
    /// </summary>
    public static (int Line, int Column) KeyIn(string[] lines, string path, string method, string key)
    {
        var pathLine = Array.FindIndex(lines, text => text.TrimStart().StartsWith($"\"{path}\":", StringComparison.Ordinal));
        var methodLine = Array.FindIndex(lines, pathLine + 1, text => text.TrimStart().StartsWith($"\"{method}\":", StringComparison.Ordinal));
        var keyLine = Array.FindIndex(lines, methodLine + 1, text => text.TrimStart().StartsWith($"\"{key}\":", StringComparison.Ordinal));
        Assert.That(new[] { pathLine, methodLine, keyLine }, Has.All.GreaterThanOrEqualTo(0), $"{path} {method} {key} in:\n{string.Join('\n', lines)}");
        return (keyLine + 1, lines[keyLine].IndexOf('"', StringComparison.Ordinal) + 1);
    }
}
