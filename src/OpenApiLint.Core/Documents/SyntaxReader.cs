using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OpenApiLint.Core.Documents;

/// <summary>
/// A file read for loading: its text and its JSON tree. The tree is a <see cref="JsonDocument"/> (pooled, no object
/// per value) that lives only while the document loads; the loaded document keeps the text alone.
/// </summary>
/// <remarks><c>jsonLength</c> is the length of the JSON text the tree was parsed from (for YAML, the JSON written from it).</remarks>
internal sealed class ParsedFile(SourceText text, JsonDocument tree, int jsonLength, Task<bool>? duplicateCheck = null) : IDisposable
{
    /// <summary>Objects with more members than this get a name index on first lookup (components.schemas has thousands).</summary>
    private const int IndexedObjectSize = 16;

    private readonly Dictionary<string, Dictionary<string, JsonElement>> _indexes = new(StringComparer.Ordinal);
    private bool _disposed;

    public SourceText Text { get; } = text;

    /// <summary>The length of the JSON text the tree was parsed from: what its metadata was sized by.</summary>
    internal int JsonLength => jsonLength;

    public string Path => Text.Path;

    public JsonElement Root => tree.RootElement;

    /// <summary>The element at <paramref name="pointer"/> (unescaped tokens, RFC 6901), or <c>null</c> when there is none.</summary>
    /// <remarks>
    /// Followed for every reference of a document (Graph beta: 100,000): tokens are read in place, and only a token with an
    /// escape (<c>~0</c>, <c>~1</c>) or the first lookup in a large object makes a string.
    /// </remarks>
    public JsonElement? Find(string pointer)
    {
        var node = Root;
        var position = 0;
        while (position < pointer.Length)
        {
            if (pointer[position] != '/')
            {
                return null;
            }

            var end = pointer.IndexOf('/', position + 1);
            end = end < 0 ? pointer.Length : end;
            var token = pointer.AsSpan(position + 1, end - position - 1);
            JsonElement? child = node.ValueKind switch
            {
                JsonValueKind.Object => Member(node, pointer.AsSpan(0, position), token.Contains('~') ? JsonPointer.Unescape(token.ToString()) : token),
                // An escape never makes digits: the token is read as written.
                JsonValueKind.Array => int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < node.GetArrayLength() ? node[index] : null,
                _ => null,
            };
            if (child is not { } found)
            {
                return null;
            }

            node = found;
            position = end;
        }

        return node;
    }

    /// <summary>
    /// The duplicate key of a large JSON document, checked on another core while the document loads (see
    /// <see cref="SyntaxReader.ConcurrentDuplicateCheckBytes"/>): the same error a smaller document gets from the parser,
    /// and its first problem, whatever else the load finds. <c>null</c> when its keys are all distinct.
    /// </summary>
    /// <remarks>Found once (the finder walks the text again), then kept.</remarks>
    public SyntaxException? DuplicateKeyError()
    {
        if (duplicateCheck is null)
        {
            return null;
        }

        if (!_duplicateKeySought)
        {
            _duplicateKey = FindDuplicateKey(duplicateCheck);
            _duplicateKeySought = true;
        }

        return _duplicateKey;
    }

    private bool _duplicateKeySought;
    private SyntaxException? _duplicateKey;

    private SyntaxException? FindDuplicateKey(Task<bool> check)
    {
        try
        {
            if (!check.GetAwaiter().GetResult())
            {
                return null;
            }
        }
        catch (Exception error) when (error is InvalidOperationException or ArgumentException or ObjectDisposedException)
        {
            // The check could not tell; what the load found stands.
            return null;
        }

        var (line, column, key) = DuplicateKeyFinder.Find(Text.Utf8.Span);
        return new SyntaxException(key is null ? "invalid JSON: duplicate key" : $"duplicate key '{key}'", line, column);
    }

    public void Dispose()
    {
        // The loader lets go of the tree as soon as the walk is over, and disposes again on every way out.
        if (_disposed)
        {
            return;
        }

        _disposed = true;

        // The check reads the tree: it must be done before the tree's memory goes back to the pool.
        if (duplicateCheck is not null)
        {
            ((IAsyncResult)duplicateCheck).AsyncWaitHandle.WaitOne();
        }

        tree.Dispose();
        ReleasePooledMetadata();
    }

    /// <summary>
    /// JSON text this large has its parse metadata let go instead of pooled: System.Text.Json rents it from the shared
    /// pool (about the size of the text; Graph beta's is 64 MB) and gives it back on dispose, where it would stay for
    /// the rest of the process, while the reader and the rules run, as much as the text itself. A smaller document's
    /// metadata stays pooled for the next document to reuse.
    /// </summary>
    internal const int UnpooledMetadataBytes = 16 * 1024 * 1024;

    /// <summary>
    /// Takes the metadata just given back out of the pool and drops it, for the collector to free: the pool hands the
    /// thread that returned an array that very array first. <see cref="JsonDocument"/> rents the text's length plus one
    /// row (12 bytes) for it; if the pool holds no such array (the document's metadata grew and went elsewhere), the
    /// rent makes a new array, untouched and dropped at once.
    /// </summary>
    private void ReleasePooledMetadata()
    {
        if (jsonLength >= UnpooledMetadataBytes)
        {
            GC.KeepAlive(ArrayPool<byte>.Shared.Rent(jsonLength + MetadataRowBytes));
        }
    }

    /// <summary>The size of one row of <see cref="JsonDocument"/>'s metadata, which it rents one more of than the text's length.</summary>
    private const int MetadataRowBytes = 12;

    /// <summary>Drops the name indexes built for lookups (the walk is over).</summary>
    public void ReleaseIndexes()
    {
        _indexes.Clear();
        _indexes.TrimExcess();
    }

    private JsonElement? Member(JsonElement obj, ReadOnlySpan<char> objectPointer, ReadOnlySpan<char> name)
    {
        if (obj.GetPropertyCount() <= IndexedObjectSize)
        {
            return obj.TryGetProperty(name, out var value) ? value : null;
        }

        if (!_indexes.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(objectPointer, out var index))
        {
            index = new Dictionary<string, JsonElement>(obj.GetPropertyCount(), StringComparer.Ordinal);
            foreach (var property in obj.EnumerateObject())
            {
                index.TryAdd(property.Name, property.Value);
            }

            _indexes[objectPointer.ToString()] = index;
        }

        return index.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out var member) ? member : null;
    }
}

/// <summary>Thrown inside the loader only, turned into a <c>LoadError</c> at the public boundary.</summary>
internal sealed class SyntaxException(string message, int line = 0, int column = 0) : Exception(message)
{
    public int Line { get; } = line;

    public int Column { get; } = column;
}

/// <summary>Reads raw bytes as JSON or YAML into a <see cref="JsonNode"/> tree, with limits and one-sentence errors.</summary>
internal static partial class SyntaxReader
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
    public static ParsedFile Read(string path, ReadOnlyMemory<byte> bytes, DocumentFormat format)
    {
        var content = DocumentFormats.SkipBom(bytes.Span);
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

        if (format == DocumentFormat.Json && bytes.Length >= ConcurrentDuplicateCheckBytes)
        {
            // System.Text.Json's duplicate-key check is half of the parse of a large document: it runs beside the load.
            var document = ReadJson(bytes, UncheckedJsonOptions);
            return new ParsedFile(new SourceText(path, format, bytes), document, content.Length, Task.Run(() => DuplicateKeys.Any(document.RootElement)));
        }

        var tree = format == DocumentFormat.Json ? ReadJson(bytes, JsonOptions) : ReadYaml(bytes);
        // YAML's JSON is written without white space around its root value.
        var jsonLength = format == DocumentFormat.Json ? content.Length : JsonMarshal.GetRawUtf8Value(tree.RootElement).Length;
        return new ParsedFile(new SourceText(path, format, bytes), tree, jsonLength);
    }

    /// <summary>JSON documents this large have their keys checked for duplicates on another core, beside the load.</summary>
    internal const int ConcurrentDuplicateCheckBytes = 4 * 1024 * 1024;

    private static readonly JsonDocumentOptions UncheckedJsonOptions = JsonOptions with { AllowDuplicateProperties = true };

    private static JsonDocument ReadJson(ReadOnlyMemory<byte> bytes, JsonDocumentOptions options)
    {
        try
        {
            var offset = bytes.Span.StartsWith("\uFEFF"u8) ? 3 : 0;
            // JsonDocument reads the bytes in place: no copy, no object per value.
            return JsonDocument.Parse(bytes[offset..], options);
        }
        catch (JsonException error) when (error.LineNumber is { } line)
        {
            var column = ColumnOf(bytes.Span, line, error.BytePositionInLine ?? 0);
            throw new SyntaxException($"invalid JSON: {FirstSentence(error.Message)}", (int)line + 1, column);
        }
        catch (JsonException error)
        {
            // Duplicate keys are reported without a position: find the key ourselves.
            var (line, column, key) = DuplicateKeyFinder.Find(bytes.Span);
            throw key is null
                ? new SyntaxException($"invalid JSON: {FirstSentence(error.Message)}")
                : new SyntaxException($"duplicate key '{key}'", line, column);
        }
    }

    /// <summary>
    /// YAML becomes UTF-8 JSON straight from the parser's events, read as the same <see cref="JsonDocument"/> the JSON
    /// path has: text, events, JSON, tree. A document with a merge key (<c>&lt;&lt;</c>) goes through a
    /// <see cref="JsonNode"/> first, which puts the merged members in place.
    /// </summary>
    private static JsonDocument ReadYaml(ReadOnlyMemory<byte> bytes)
    {
        var content = DocumentFormats.SkipBom(bytes.Span);
        var offset = bytes.Length - content.Length;
        var output = new System.Buffers.ArrayBufferWriter<byte>(Math.Max(256, content.Length));
        try
        {
            if (YamlToJson.TryWriteJson(YamlText.CreateParser(bytes[offset..]), output))
            {
                // The converter refuses duplicate keys itself, with the YAML position.
                return JsonDocument.Parse(output.WrittenMemory, YamlJsonOptions);
            }

            var root = YamlToJson.Convert(Encoding.UTF8.GetString(content));
            output.ResetWrittenCount();
            using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { MaxDepth = MaxDepth + 1, SkipValidation = true }))
            {
                if (root is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    root.WriteTo(writer);
                }
            }

            return JsonDocument.Parse(output.WrittenMemory, YamlJsonOptions);
        }
        catch (YamlLoadException error)
        {
            throw new SyntaxException($"invalid YAML: {error.Message}", error.Line, error.Column);
        }
    }

    private static readonly JsonDocumentOptions YamlJsonOptions = JsonOptions with { AllowDuplicateProperties = true };

    private static int ColumnOf(ReadOnlySpan<byte> bytes, long lineIndex, long bytePositionInLine)
    {
        var start = TextPositions.LineStart(bytes, lineIndex);
        if (start < 0)
        {
            return 1;
        }

        var end = (int)Math.Min(bytes.Length, start + bytePositionInLine);
        return Encoding.UTF8.GetCharCount(bytes[start..end]) + 1;
    }

    /// <summary>
    /// System.Text.Json appends "LineNumber: … | BytePositionInLine: …"; we print positions our own way. Its message
    /// for a bad literal quotes the rest of the line and beyond ("'tems": true } },\n…' is an invalid JSON literal"):
    /// the quote is cut to its first word so the error stays one short line.
    /// </summary>
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var text = (cut > 0 ? message[..cut] : message).Trim();
        text = text.Replace("JSON value", "value", StringComparison.Ordinal);
        text = Quoted().Replace(text, Shorten);
        text = WhiteSpace().Replace(text, " ");
        return text.EndsWith('.') ? text[..^1] : text;
    }

    private static string Shorten(Match quote)
    {
        var content = quote.Groups[1].Value;
        if (content.Length <= 24 && !content.Any(char.IsWhiteSpace))
        {
            return quote.Value;
        }

        var word = new string(content.TakeWhile(c => !char.IsWhiteSpace(c)).Take(24).ToArray());
        return $"'{word}…'";
    }

    [GeneratedRegex("'([^']*)'", RegexOptions.CultureInvariant)]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex WhiteSpace();

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
    public static (int Line, int Column, string? Key) Find(ReadOnlySpan<byte> bytes)
    {
        var reader = new Utf8JsonReader(DocumentFormats.SkipBom(bytes), new JsonReaderOptions
        {
            AllowTrailingCommas = true,
            CommentHandling = JsonCommentHandling.Skip,
            MaxDepth = SyntaxReader.MaxDepth,
        });
        var bomLength = bytes.StartsWith("\uFEFF"u8) ? 3 : 0;
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

/// <summary>
/// Whether a parsed JSON value has an object with two members of the same name (compared unescaped, as the parser
/// compares them). Reads member names as raw bytes only: it runs on another thread beside the load, and a
/// <see cref="JsonDocument"/> caches the last string it made.
/// </summary>
internal static class DuplicateKeys
{
    /// <summary>Objects with more members than this are checked with a set of names, smaller ones pairwise.</summary>
    private const int PairwiseMembers = 8;

    public static bool Any(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (HasDuplicateNames(element))
                {
                    return true;
                }

                foreach (var property in element.EnumerateObject())
                {
                    if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array && Any(property.Value))
                    {
                        return true;
                    }
                }

                return false;

            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (item.ValueKind is JsonValueKind.Object or JsonValueKind.Array && Any(item))
                    {
                        return true;
                    }
                }

                return false;

            default:
                return false;
        }
    }

    private static bool HasDuplicateNames(JsonElement obj)
    {
        var count = obj.GetPropertyCount();
        if (count < 2)
        {
            return false;
        }

        var properties = ArrayPool<JsonProperty>.Shared.Rent(count);
        var keys = count > PairwiseMembers ? ArrayPool<(int Hash, int Index)>.Shared.Rent(count) : null;
        try
        {
            var n = 0;
            foreach (var property in obj.EnumerateObject())
            {
                if (keys is null)
                {
                    for (var earlier = 0; earlier < n; earlier++)
                    {
                        if (SameName(properties[earlier], property))
                        {
                            return true;
                        }
                    }
                }
                else
                {
                    keys[n] = (HashOf(property), n);
                }

                properties[n++] = property;
            }

            if (keys is null)
            {
                return false;
            }

            // Sorted by hash, names that are equal sit side by side.
            Array.Sort(keys, 0, n);
            for (var i = 1; i < n; i++)
            {
                for (var j = i - 1; j >= 0 && keys[j].Hash == keys[i].Hash; j--)
                {
                    if (SameName(properties[keys[i].Index], properties[keys[j].Index]))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
        finally
        {
            ArrayPool<JsonProperty>.Shared.Return(properties, clearArray: true);
            if (keys is not null)
            {
                ArrayPool<(int Hash, int Index)>.Shared.Return(keys);
            }
        }
    }

    private static bool SameName(JsonProperty first, JsonProperty second)
    {
        var a = JsonMarshal.GetRawUtf8PropertyName(first);
        var b = JsonMarshal.GetRawUtf8PropertyName(second);
        return a.IndexOf((byte)'\\') < 0 && b.IndexOf((byte)'\\') < 0
            ? a.SequenceEqual(b)
            : Unescaped(a).AsSpan().SequenceEqual(Unescaped(b));
    }

    private static int HashOf(JsonProperty property)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        var hash = default(HashCode);
        hash.AddBytes(raw.IndexOf((byte)'\\') < 0 ? raw : Unescaped(raw));
        return hash.ToHashCode();
    }

    /// <summary>A member name as the parser compares it: its escapes decoded (as written when they decode to no text).</summary>
    private static byte[] Unescaped(ReadOnlySpan<byte> raw)
    {
        var quoted = new byte[raw.Length + 2];
        quoted[0] = quoted[^1] = (byte)'"';
        raw.CopyTo(quoted.AsSpan(1));
        var reader = new Utf8JsonReader(quoted);
        try
        {
            reader.Read();
            var buffer = new byte[raw.Length * 3];
            return buffer[..reader.CopyString(buffer)];
        }
        catch (InvalidOperationException)
        {
            // A lone surrogate escape has no UTF-8: compared as written.
            return raw.ToArray();
        }
    }
}
