using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenApiLint.Core.Documents;

/// <summary>A JSON or YAML file read into a JSON tree, with what is needed to map pointers back to its text.</summary>
internal sealed record ParsedFile(string Path, DocumentFormat Format, JsonNode? Root, ReadOnlyMemory<byte> Utf8)
{
    private ISourceMap? _sourceMap;

    /// <summary>Built on first use: most documents have no finding and never need positions.</summary>
    public ISourceMap SourceMap => _sourceMap ??= Format == DocumentFormat.Json
        ? SourceMaps.ForJson(Utf8)
        : SourceMaps.ForYaml(Encoding.UTF8.GetString(DocumentFormats.SkipBom(Utf8.Span)));
}

/// <summary>Thrown inside the loader only, turned into a <c>LoadError</c> at the public boundary.</summary>
internal sealed class SyntaxException(string message, int line = 0, int column = 0) : Exception(message)
{
    public int Line { get; } = line;

    public int Column { get; } = column;
}

/// <summary>Reads raw bytes as JSON or YAML into a <see cref="JsonNode"/> tree, with limits and one-sentence errors.</summary>
internal static class SyntaxReader
{
    /// <summary>Deeper nesting than this is refused: no real OpenAPI document comes close, a hostile one can.</summary>
    public const int MaxDepth = 256;

    private static readonly JsonDocumentOptions JsonOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = MaxDepth,
        AllowDuplicateProperties = false,
    };

    /// <exception cref="SyntaxException">The content is empty, binary or malformed.</exception>
    public static ParsedFile Read(string path, byte[] bytes, DocumentFormat format)
    {
        var content = DocumentFormats.SkipBom(bytes);
        if (IsBlank(content))
        {
            throw new SyntaxException("the file is empty");
        }

        // A UTF-16 or UTF-32 file (a Windows editor's "Unicode") has NUL bytes and would be called binary.
        if (content.StartsWith([(byte)0xFF, (byte)0xFE]) || content.StartsWith([(byte)0xFE, (byte)0xFF]) || content.StartsWith([(byte)0, (byte)0, (byte)0xFE, (byte)0xFF]))
        {
            throw new SyntaxException("the file is UTF-16 or UTF-32 text; save it as UTF-8");
        }

        if (LooksBinary(content))
        {
            throw new SyntaxException("the file is binary, not a JSON or YAML document");
        }

        // System.Text.Json accepts invalid UTF-8 inside strings and fails only later, with a message about
        // transcoding; checking first gives both formats one clear error at the first bad byte.
        if (!System.Text.Unicode.Utf8.IsValid(content))
        {
            var (line, column) = TextPositions.FromByteOffset(content, FirstInvalidUtf8(content));
            throw new SyntaxException("the file is not valid UTF-8 text", line, column);
        }

        var root = format == DocumentFormat.Json ? ReadJson(bytes) : ReadYaml(content);
        return new ParsedFile(path, format, root, bytes);
    }

    private static JsonNode? ReadJson(byte[] bytes)
    {
        try
        {
            var offset = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
            return JsonNode.Parse(bytes.AsSpan(offset), nodeOptions: null, JsonOptions);
        }
        catch (JsonException error) when (error.LineNumber is { } line)
        {
            var column = ColumnOf(bytes, line, error.BytePositionInLine ?? 0);
            throw new SyntaxException($"invalid JSON: {FirstSentence(error.Message)}", (int)line + 1, column);
        }
        catch (JsonException error)
        {
            // Duplicate keys are reported without a position: find the key ourselves.
            var (line, column, key) = DuplicateKeyFinder.Find(bytes);
            throw key is null
                ? new SyntaxException($"invalid JSON: {FirstSentence(error.Message)}")
                : new SyntaxException($"duplicate key '{key}'", line, column);
        }
    }

    private static JsonNode? ReadYaml(ReadOnlySpan<byte> content)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            throw new SyntaxException("the file is not valid UTF-8 text");
        }

        try
        {
            return YamlToJson.Convert(text);
        }
        catch (YamlLoadException error)
        {
            throw new SyntaxException($"invalid YAML: {error.Message}", error.Line, error.Column);
        }
    }

    private static int ColumnOf(byte[] bytes, long lineIndex, long bytePositionInLine)
    {
        var start = TextPositions.LineStart(bytes, lineIndex);
        if (start < 0)
        {
            return 1;
        }

        var end = (int)Math.Min(bytes.Length, start + bytePositionInLine);
        return Encoding.UTF8.GetCharCount(bytes.AsSpan(start, end - start)) + 1;
    }

    /// <summary>System.Text.Json appends "LineNumber: … | BytePositionInLine: …"; we print positions our own way.</summary>
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var text = (cut > 0 ? message[..cut] : message).Trim();
        text = text.Replace("JSON value", "value", StringComparison.Ordinal);
        return text.EndsWith('.') ? text[..^1] : text;
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> content)
    {
        var offset = 0;
        while (offset < content.Length && Rune.DecodeFromUtf8(content[offset..], out _, out var length) == System.Buffers.OperationStatus.Done)
        {
            offset += length;
        }

        return offset;
    }

        private static bool IsBlank(ReadOnlySpan<byte> content)
    {
        foreach (var b in content)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A NUL byte in the first few kilobytes: no JSON or YAML text has one, every binary format does.</summary>
    private static bool LooksBinary(ReadOnlySpan<byte> content) => content[..Math.Min(content.Length, 8192)].IndexOf((byte)0) >= 0;
}

/// <summary>Finds the first duplicate object key in JSON text, with its position (the error path only).</summary>
internal static class DuplicateKeyFinder
{
    public static (int Line, int Column, string? Key) Find(byte[] bytes)
    {
        var reader = new Utf8JsonReader(DocumentFormats.SkipBom(bytes), new JsonReaderOptions
        {
            AllowTrailingCommas = true,
            CommentHandling = JsonCommentHandling.Skip,
            MaxDepth = SyntaxReader.MaxDepth,
        });
        var bomLength = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        var keysPerObject = new Stack<HashSet<string>?>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        keysPerObject.Push(new HashSet<string>(StringComparer.Ordinal));
                        break;
                    case JsonTokenType.StartArray:
                        keysPerObject.Push(null);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        keysPerObject.Pop();
                        break;
                    case JsonTokenType.PropertyName when keysPerObject.Peek() is { } keys:
                        var key = reader.GetString()!;
                        if (!keys.Add(key))
                        {
                            var (line, column) = TextPositions.FromByteOffset(bytes, reader.TokenStartIndex + bomLength);
                            return (line, column, key);
                        }

                        break;
                }
            }
        }
        catch (JsonException)
        {
            // The text has other problems; the caller reports the parser's own message.
        }

        return (0, 0, null);
    }
}
