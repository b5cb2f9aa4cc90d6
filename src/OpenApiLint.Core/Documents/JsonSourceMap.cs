using System.Text;
using System.Text.Json;

namespace OpenApiLint.Core.Documents;

/// <summary>
/// Source positions in a JSON document, found with <see cref="Utf8JsonReader"/>: subtrees off the requested paths
/// are skipped with <see cref="Utf8JsonReader.Skip"/>, and byte offsets become lines and columns in one batch at
/// the end, scanning the text only up to the last offset needed.
/// </summary>
internal sealed class JsonSourceMap : ISourceMap
{
    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        // The walk recurses only along requested pointers and skips everything else iteratively, so the reader's
        // default depth of 64 would be the only thing standing between a deep document and its positions.
        MaxDepth = 4096,
    };

    private readonly ReadOnlyMemory<byte> _utf8;

    public JsonSourceMap(ReadOnlyMemory<byte> utf8)
    {
        // Utf8JsonReader rejects a byte order mark; dropping it also keeps it out of the first line's columns.
        _utf8 = utf8.Span.StartsWith(Encoding.UTF8.Preamble) ? utf8[Encoding.UTF8.Preamble.Length..] : utf8;
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, SourceSpan> Resolve(IEnumerable<string> pointers)
    {
        var tree = new PointerTree(pointers);
        var text = _utf8.Span;
        new Walk(tree).Run(text);

        var found = tree.FoundNodes().ToList();
        var offsets = new int[found.Count * 2];
        for (var i = 0; i < found.Count; i++)
        {
            offsets[2 * i] = found[i].StartOffset;
            offsets[(2 * i) + 1] = found[i].EndOffset;
        }

        var positions = Utf8Positions.Locate(text, offsets);
        foreach (var node in found)
        {
            var (line, column) = positions[node.StartOffset];
            var (endLine, endColumn) = positions[node.EndOffset];
            node.Span = new SourceSpan(line, column, endLine, endColumn);
        }

        return tree.Results();
    }

    /// <summary>One pass of the reader over the text, guided by the pointer tree.</summary>
    private sealed class Walk(PointerTree tree)
    {
        private char[] _nameBuffer = new char[256];

        public void Run(ReadOnlySpan<byte> text)
        {
            var reader = new Utf8JsonReader(text, ReaderOptions);
            try
            {
                if (!reader.Read())
                {
                    return;
                }

                MarkFoundAtToken(tree.Root, ref reader);
                VisitValue(tree.Root, ref reader);
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException)
            {
                // Malformed JSON (or invalid UTF-8 in a name): keep what was found; the rest resolves to ancestors.
            }
        }

        /// <summary>Visits the value the reader is on, leaving the reader on its last token.</summary>
        private void VisitValue(PointerTree.Node node, ref Utf8JsonReader reader)
        {
            if (tree.Pending == 0)
            {
                return;
            }

            if (!node.HasChildren)
            {
                reader.Skip();
                return;
            }

            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    VisitObject(node, ref reader);
                    break;
                case JsonTokenType.StartArray:
                    VisitArray(node, ref reader);
                    break;
                default:
                    tree.RuleOutUnfoundChildren(node);
                    break;
            }
        }

        private void VisitObject(PointerTree.Node node, ref Utf8JsonReader reader)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var child = MemberChild(node, ref reader);
                if (child is null || child.Found)
                {
                    // Skip on a property name moves past its value. With duplicate names, the first one wins.
                    reader.Skip();
                    continue;
                }

                var start = checked((int)reader.TokenStartIndex);
                tree.MarkFound(child, start, start + reader.ValueSpan.Length + 2);
                if (tree.Pending == 0)
                {
                    return;
                }

                reader.Read();
                VisitValue(child, ref reader);
                if (tree.Pending == 0)
                {
                    return;
                }
            }

            tree.RuleOutUnfoundChildren(node);
        }

        private void VisitArray(PointerTree.Node node, ref Utf8JsonReader reader)
        {
            var index = -1;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                index++;
                var child = node.ItemChild(index);
                if (child is null)
                {
                    reader.Skip();
                    continue;
                }

                MarkFoundAtToken(child, ref reader);
                VisitValue(child, ref reader);
                if (tree.Pending == 0)
                {
                    return;
                }
            }

            tree.RuleOutUnfoundChildren(node);
        }

        /// <summary>Records the span of the token the reader is on: a whole scalar, or a container's opening bracket.</summary>
        private void MarkFoundAtToken(PointerTree.Node node, ref Utf8JsonReader reader)
        {
            var start = checked((int)reader.TokenStartIndex);
            var length = reader.TokenType switch
            {
                JsonTokenType.StartObject or JsonTokenType.StartArray => 1,
                // ValueSpan of a string is its raw (still escaped) text without the quotes.
                JsonTokenType.String => reader.ValueSpan.Length + 2,
                _ => reader.ValueSpan.Length,
            };
            tree.MarkFound(node, start, start + length);
        }

        private PointerTree.Node? MemberChild(PointerTree.Node node, ref Utf8JsonReader reader)
        {
            // A name never unescapes to more UTF-16 code units than it has UTF-8 bytes.
            var maxLength = reader.ValueSpan.Length;
            if (_nameBuffer.Length < maxLength)
            {
                _nameBuffer = new char[Math.Max(maxLength, _nameBuffer.Length * 2)];
            }

            int length;
            try
            {
                length = reader.CopyString(_nameBuffer);
            }
            catch (InvalidOperationException)
            {
                // A name with a lone surrogate escape ("\ud800") has no UTF-16 form, so no pointer names it: skip the
                // member rather than give up on the rest of the document.
                return null;
            }

            return node.MemberChild(_nameBuffer.AsSpan(0, length));
        }
    }
}
