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
    /// Whether an exception came from the parser failing on its input. Besides <see cref="YamlException"/>,
    /// YamlDotNet's scanner throws <see cref="InvalidOperationException"/> on some malformed input
    /// (for example <c>a: [1</c> followed by <c>b: c: d</c>).
    /// </summary>
    public static bool IsParserFailure(Exception ex) =>
        ex is YamlException or InvalidOperationException or ArgumentException or FormatException or IndexOutOfRangeException;
}
