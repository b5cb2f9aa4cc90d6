using System.Text;
using OpenApiLint.Core.Diagnostics;

namespace OpenApiLint.Core.Documents;

/// <summary>One line of a source excerpt: its number, its text cut around the finding's column, and whether it is the finding's line.</summary>
/// <param name="Number">1-based line number.</param>
/// <param name="Text">The line as written, at most <see cref="SourceExcerpts.Width"/> characters around the column, with <see cref="SourceExcerpts.Cut"/> where it was cut.</param>
/// <param name="Marked">Whether it is the line of the position the excerpt is for.</param>
public sealed record ExcerptLine(int Number, string Text, bool Marked);

/// <summary>
/// Source excerpts: a bounded window around a position (a few lines, each cut around the column), so that what quotes
/// a document grows with its findings, not with its bytes (a minified document is one line of megabytes).
/// </summary>
public static class SourceExcerpts
{
    /// <summary>Lines shown above and below the position's line.</summary>
    public const int Context = 2;

    /// <summary>Characters of a line shown, around the column.</summary>
    public const int Width = 160;

    /// <summary>Marks where a line was cut.</summary>
    public const string Cut = "…";

    /// <summary>
    /// At most <see cref="Width"/> characters of <paramref name="line"/> around <paramref name="column"/> (a third
    /// before it, the rest after), with <see cref="Cut"/> where the line goes on.
    /// </summary>
    public static string Window(string line, int column)
    {
        if (line.Length <= Width)
        {
            return line;
        }

        var start = Math.Clamp(Math.Max(column, 1) - 1 - (Width / 3), 0, line.Length - Width);
        var end = start + Width;
        // Never cut a surrogate pair in half.
        if (start > 0 && char.IsLowSurrogate(line[start]))
        {
            start++;
        }

        if (end < line.Length && char.IsLowSurrogate(line[end]))
        {
            end--;
        }

        return string.Concat(start > 0 ? Cut : "", line.AsSpan(start, end - start), end < line.Length ? Cut : "");
    }

    /// <summary>The excerpts of <paramref name="locations"/> in one file's text, each line decoded once however many excerpts show it.</summary>
    internal static Dictionary<(int Line, int Column), IReadOnlyList<ExcerptLine>> Of(SourceText text, IEnumerable<SourceLocation> locations)
    {
        var lines = new Dictionary<int, string?>();
        return Of(locations, number =>
        {
            if (!lines.TryGetValue(number, out var line))
            {
                lines[number] = line = text.Lines.Decode(text.Utf8.Span, number);
            }

            return line;
        });
    }

    /// <summary>The excerpts of <paramref name="locations"/>, reading lines through <paramref name="lineAt"/> (<c>null</c> past the end).</summary>
    internal static Dictionary<(int Line, int Column), IReadOnlyList<ExcerptLine>> Of(IEnumerable<SourceLocation> locations, Func<int, string?> lineAt)
    {
        var excerpts = new Dictionary<(int Line, int Column), IReadOnlyList<ExcerptLine>>();
        foreach (var location in locations.Where(location => location.HasPosition).DistinctBy(location => (location.Line, location.Column)))
        {
            var first = Math.Max(1, location.Line - Context);
            var excerpt = new List<ExcerptLine>(2 * Context + 1);
            for (var number = first; number <= location.Line + Context; number++)
            {
                if (lineAt(number) is not { } line)
                {
                    break;
                }

                excerpt.Add(new ExcerptLine(number, Window(line, location.Column), number == location.Line));
            }

            excerpts[(location.Line, location.Column)] = excerpt;
        }

        return excerpts;
    }
}

/// <summary>Where each line of a UTF-8 text starts (after any byte order mark): built once, then any line is found at once.</summary>
internal sealed class LineIndex
{
    private readonly int[] _starts;

    private LineIndex(int[] starts) => _starts = starts;

    public static LineIndex Of(ReadOnlySpan<byte> utf8)
    {
        var bom = utf8.Length - DocumentFormats.SkipBom(utf8).Length;
        var text = utf8[bom..];
        var starts = new List<int> { bom };
        var position = 0;
        while (true)
        {
            var end = text[position..].IndexOfAny((byte)'\r', (byte)'\n');
            if (end < 0)
            {
                break;
            }

            position += end;
            position += text[position] == (byte)'\r' && position + 1 < text.Length && text[position + 1] == (byte)'\n' ? 2 : 1;
            starts.Add(bom + position);
        }

        return new LineIndex([.. starts]);
    }

    /// <summary>Line <paramref name="number"/> (1-based) of <paramref name="utf8"/> without its line break, or <c>null</c> past the end.</summary>
    public string? Decode(ReadOnlySpan<byte> utf8, int number)
    {
        if (number < 1 || number > _starts.Length)
        {
            return null;
        }

        var start = _starts[number - 1];
        var rest = utf8[start..];
        var end = rest.IndexOfAny((byte)'\r', (byte)'\n');
        // A text that ends with a line break has no line after it.
        if (end < 0 && rest.Length == 0 && number > 1)
        {
            return null;
        }

        return Encoding.UTF8.GetString(end < 0 ? rest : rest[..end]);
    }
}
