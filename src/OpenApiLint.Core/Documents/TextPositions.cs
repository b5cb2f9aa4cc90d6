namespace OpenApiLint.Core.Documents;

/// <summary>Turns offsets in raw UTF-8 text into 1-based line and column (columns count UTF-16 code units).</summary>
internal static class TextPositions
{
    /// <summary>One offset's line and column: the same scan <see cref="Utf8Positions"/> does for many.</summary>
    public static (int Line, int Column) FromByteOffset(ReadOnlySpan<byte> utf8, long offset)
    {
        var end = (int)Math.Clamp(offset, 0, utf8.Length);
        return Utf8Positions.Locate(utf8, [end])[end];
    }

    /// <summary>The byte offset where 0-based line <paramref name="lineIndex"/> starts, or -1.</summary>
    public static int LineStart(ReadOnlySpan<byte> utf8, long lineIndex)
    {
        var line = 0L;
        for (var i = 0; i < utf8.Length && line < lineIndex; i++)
        {
            if (utf8[i] == (byte)'\n' || (utf8[i] == (byte)'\r' && (i + 1 >= utf8.Length || utf8[i + 1] != (byte)'\n')))
            {
                line++;
                if (line == lineIndex)
                {
                    return i + 1;
                }
            }
        }

        return lineIndex == 0 ? 0 : -1;
    }
}
