namespace OpenApiLint.Core.Documents;

/// <summary>The syntax a document is written in.</summary>
public enum DocumentFormat
{
    /// <summary>JSON.</summary>
    Json,

    /// <summary>YAML (converted to JSON before reading).</summary>
    Yaml,
}

/// <summary>Decides whether a file is JSON or YAML: by extension, else by its first meaningful character.</summary>
public static class DocumentFormats
{
    /// <summary>Extensions of documents the linter reads.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".json", ".yaml", ".yml"];

    /// <summary>The format the extension names, else the one the content looks like.</summary>
    public static DocumentFormat Detect(string path, ReadOnlySpan<byte> content)
    {
        var extension = Path.GetExtension(path);
        if (extension.Equals(".json", StringComparison.OrdinalIgnoreCase))
        {
            return DocumentFormat.Json;
        }

        if (extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase) || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase))
        {
            return DocumentFormat.Yaml;
        }

        foreach (var b in SkipBom(content))
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                continue;
            }

            return b is (byte)'{' or (byte)'[' ? DocumentFormat.Json : DocumentFormat.Yaml;
        }

        return DocumentFormat.Json;
    }

    internal static ReadOnlySpan<byte> SkipBom(ReadOnlySpan<byte> content) =>
        content.StartsWith("\uFEFF"u8) ? content[3..] : content;
}
