using YamlDotNet.Core;

namespace OpenApiLint.Core.Documents;

/// <summary>What the YAML source map and the YAML converter share about reading YAML text.</summary>
internal static class YamlText
{
    /// <summary>
    /// A parser over the text, past any byte order mark: YamlDotNet would otherwise read the mark as part of
    /// the first scalar (the first key becoming "\uFEFFopenapi") and count it as a column.
    /// </summary>
    public static Parser CreateParser(string text)
    {
        var reader = new StringReader(text);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            reader.Read();
        }

        return new Parser(reader);
    }

    /// <summary>
    /// A parser over UTF-8 text (already checked to be valid UTF-8, byte order mark skipped), decoded as it is read:
    /// no string of the whole text is made.
    /// </summary>
    public static Parser CreateParser(ReadOnlyMemory<byte> utf8)
    {
        var stream = System.Runtime.InteropServices.MemoryMarshal.TryGetArray(utf8, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(utf8.ToArray(), writable: false);
        var reader = new StreamReader(stream, new System.Text.UTF8Encoding(false), detectEncodingFromByteOrderMarks: false, bufferSize: 65536);
        if (reader.Peek() == '\uFEFF')
        {
            // As above: a mark left after the one the caller skipped is no part of the first scalar either.
            reader.Read();
        }

        return new Parser(reader);
    }

    /// <summary>
    /// Whether an exception came from the parser failing on its input. Besides <see cref="YamlException"/>,
    /// YamlDotNet's scanner throws <see cref="InvalidOperationException"/> on some malformed input
    /// (for example <c>a: [1</c> followed by <c>b: c: d</c>).
    /// </summary>
    public static bool IsParserFailure(Exception ex) =>
        ex is YamlException or InvalidOperationException or ArgumentException or FormatException or IndexOutOfRangeException;
}
