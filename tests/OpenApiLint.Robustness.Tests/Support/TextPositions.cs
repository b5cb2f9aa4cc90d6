namespace OpenApiLint.Robustness.Tests.Support;

/// <summary>The naive reference for positions: walks the text from the start, one character at a time.</summary>
internal static class NaivePositions
{
    /// <summary>1-based line and UTF-16 column of <paramref name="offset"/>; \n, \r\n and a lone \r end a line.</summary>
    public static (int Line, int Column) Of(string text, int offset)
    {
        var line = 1;
        var column = 1;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                line++;
                column = 1;
            }
            else if (text[i] != '\r')
            {
                column++;
            }
        }

        return (line, column);
    }
}
