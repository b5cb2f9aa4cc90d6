using System.Text;

namespace OpenApiLint.Core.Documents;

/// <summary>Converts byte offsets in UTF-8 text into 1-based lines and UTF-16 columns.</summary>
internal static class Utf8Positions
{
    /// <summary>
    /// Locates many offsets in one forward scan that stops at the largest of them. Line breaks are <c>\n</c>,
    /// <c>\r\n</c> and a lone <c>\r</c>; columns count UTF-16 code units, so they agree with the YAML side.
    /// </summary>
    /// <param name="text">The text, without a byte order mark.</param>
    /// <param name="offsets">Offsets into <paramref name="text"/> (at most its length), in any order, repeats allowed.</param>
    public static Dictionary<int, (int Line, int Column)> Locate(ReadOnlySpan<byte> text, IEnumerable<int> offsets)
    {
        var sorted = offsets.Distinct().Order().ToArray();
        var positions = new Dictionary<int, (int Line, int Column)>(sorted.Length);
        var line = 1;
        var scanned = 0;        // line breaks before this offset have been counted
        var columnOffset = 0;   // an offset on the current line whose column is known...
        var column = 1;         // ...and that column
        foreach (var target in sorted)
        {
            var end = Math.Min(target, text.Length);
            while (scanned < end)
            {
                var found = text[scanned..end].IndexOfAny((byte)'\n', (byte)'\r');
                if (found < 0)
                {
                    scanned = end;
                    break;
                }

                var lineBreak = scanned + found;
                var next = lineBreak + 1;
                if (text[lineBreak] == '\r' && next < text.Length && text[next] == '\n')
                {
                    next++;
                }

                line++;
                scanned = next;
                columnOffset = next;
                column = 1;
            }

            // Only when a target falls between the \r and \n of one line break (never a token boundary).
            if (columnOffset > end)
            {
                positions[target] = (line, 1);
                continue;
            }

            column += Encoding.UTF8.GetCharCount(text[columnOffset..end]);
            columnOffset = end;
            positions[target] = (line, column);
        }

        return positions;
    }
}
