using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace OpenApiLint.Core.Documents;

/// <summary>
/// Converts YAML into <see cref="JsonNode"/>s by walking YamlDotNet's parser events, so every resource limit is
/// checked as the document is read, before anything is built.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Mapping keys become strings, from the key's text as written (<c>200:</c> gives "200", <c>true:</c> gives "true").</item>
/// <item>Plain scalars follow the YAML 1.2 core schema: <c>null</c>, <c>~</c> and empty give null; <c>true</c>/<c>false</c>
/// (also capitalized or upper case) give booleans; decimal, <c>0x</c> and <c>0o</c> integers and decimal floats give
/// numbers; <c>.inf</c> and <c>.nan</c> stay strings because JSON has no such numbers; anything else is a string.</item>
/// <item>Quoted, literal and folded scalars are always strings, and so is anything tagged <c>!!str</c> or <c>!</c>.</item>
/// <item>Aliases are expanded into copies of the anchored value; merge keys (<c>&lt;&lt;</c>) copy the members of a mapping,
/// or of each mapping in a sequence, into the mapping that holds them, where explicit keys and earlier mappings win.</item>
/// <item>Only the first document of a stream is read.</item>
/// </list>
/// </remarks>
public static partial class YamlToJson
{
    private const string StringTag = "tag:yaml.org,2002:str";
    private const string NonSpecificTag = "!";

    /// <summary>Converts the first YAML document in <paramref name="text"/>.</summary>
    /// <param name="text">The YAML text; a leading byte order mark is allowed.</param>
    /// <param name="limits">Resource limits; <see cref="YamlLimits.Default"/> when null.</param>
    /// <returns>The document's value, or null when the text holds no document or an empty one.</returns>
    /// <exception cref="YamlLoadException">The text is not valid YAML, has a duplicate key, or exceeds a limit.</exception>
    public static JsonNode? Convert(string text, YamlLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new Converter(YamlText.CreateParser(text), limits ?? YamlLimits.Default).Run();
    }

    /// <summary>
    /// Writes the first YAML document the parser reads as UTF-8 JSON, straight from its events (no tree in between),
    /// with the same values, limits and errors as <see cref="Convert"/>; an empty stream writes <c>null</c>. Aliases are
    /// written as copies of the JSON their anchor wrote. Returns <c>false</c>, having written something incomplete, when
    /// the document has a merge key (<c>&lt;&lt;</c>): merged members go where the key stands unless a later explicit key
    /// has them, which needs the mapping whole; <see cref="Convert"/> builds that.
    /// </summary>
    /// <exception cref="YamlLoadException">The text is not valid YAML, has a duplicate key, or exceeds a limit.</exception>
    internal static bool TryWriteJson(IParser parser, ArrayBufferWriter<byte> output, YamlLimits? limits = null)
    {
        var writer = new JsonEventWriter(parser, limits ?? YamlLimits.Default, output);
        return writer.Run();
    }

    /// <summary>Writes a scalar's JSON value (<see cref="ScalarValue"/>); most are strings, written without a node.</summary>
    private static void WriteScalarValue(Scalar scalar, Utf8JsonWriter writer)
    {
        var tag = scalar.Tag.IsEmpty ? null : scalar.Tag.Value;
        var value = scalar.Value;
        if (tag is StringTag or NonSpecificTag || scalar.Style != ScalarStyle.Plain || (value.Length > 0 && !CanBeNonString(value[0])))
        {
            writer.WriteStringValue(value);
            return;
        }

        if (ScalarValue(scalar) is { } node)
        {
            node.WriteTo(writer);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    /// <summary>Whether a plain scalar starting with <paramref name="first"/> may be null, a boolean or a number.</summary>
    private static bool CanBeNonString(char first) =>
        first is '~' or 'n' or 'N' or 't' or 'T' or 'f' or 'F' or '-' or '+' or '.' || char.IsAsciiDigit(first);

    /// <summary>The JSON value of a scalar, following the rules in the class remarks.</summary>
    private static JsonNode? ScalarValue(Scalar scalar)
    {
        var tag = scalar.Tag.IsEmpty ? null : scalar.Tag.Value;
        if (tag is StringTag or NonSpecificTag || scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(scalar.Value);
        }

        var value = scalar.Value;
        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }

        if (DecimalInteger().IsMatch(value))
        {
            return long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var small)
                ? JsonValue.Create(small)
                : IntegerValue(BigInteger.Parse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
        }

        if (HexInteger().IsMatch(value))
        {
            // The leading 0 keeps BigInteger from reading a high first digit as a sign bit.
            return IntegerValue(BigInteger.Parse(string.Concat("0", value.AsSpan(2)), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
        }

        if (OctalInteger().IsMatch(value))
        {
            var octal = BigInteger.Zero;
            foreach (var digit in value.AsSpan(2))
            {
                octal = (octal * 8) + (digit - '0');
            }

            return IntegerValue(octal);
        }

        if (Float().IsMatch(value))
        {
            return FloatValue(value);
        }

        // Includes .inf and .nan: JSON has no such numbers, and a string keeps what the author wrote.
        return JsonValue.Create(value);
    }

    private static JsonValue IntegerValue(BigInteger integer)
    {
        if (integer >= long.MinValue && integer <= long.MaxValue)
        {
            return JsonValue.Create((long)integer);
        }

        if (integer >= new BigInteger(decimal.MinValue) && integer <= new BigInteger(decimal.MaxValue))
        {
            return JsonValue.Create((decimal)integer);
        }

        return JsonValue.Create((double)integer);
    }

    private static JsonNode FloatValue(string value)
    {
        // decimal keeps what was written ("1.50" stays 1.50) but has no exponent and 28 digits; beyond that, double.
        var hasExponent = value.AsSpan().IndexOfAny('e', 'E') >= 0;
        if (!hasExponent && value.Length <= 28 && decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact))
        {
            return JsonValue.Create(exact);
        }

        var approximate = double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);
        return double.IsFinite(approximate) ? JsonValue.Create(approximate) : JsonValue.Create(value);
    }

    /// <summary>
    /// Turns a YamlDotNet message into one sentence: no position prefix, no line breaks, no trailing period,
    /// lower case first unless it starts with an acronym.
    /// </summary>
    private static string SyntaxErrorMessage(string message)
    {
        var text = WhiteSpace().Replace(PositionPrefix().Replace(message, string.Empty), " ").Trim();
        var sentenceEnd = text.IndexOf(". ", StringComparison.Ordinal);
        if (sentenceEnd > 0)
        {
            text = text[..sentenceEnd];
        }

        text = text.TrimEnd('.', ' ');
        if (text.Length == 0)
        {
            return "the YAML is malformed";
        }

        return text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1])
            ? string.Concat(char.ToLowerInvariant(text[0]).ToString(), text.AsSpan(1))
            : text;
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalInteger();

    [GeneratedRegex(@"^0x[0-9a-fA-F]+$", RegexOptions.CultureInvariant)]
    private static partial Regex HexInteger();

    [GeneratedRegex(@"^0o[0-7]+$", RegexOptions.CultureInvariant)]
    private static partial Regex OctalInteger();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Float();

    [GeneratedRegex(@"\(Line: \d+, Col: \d+, Idx: \d+\)( - \(Line: \d+, Col: \d+, Idx: \d+\))?:?", RegexOptions.CultureInvariant)]
    private static partial Regex PositionPrefix();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex WhiteSpace();

    /// <summary>What an anchor holds: the converted node and what copying it costs.</summary>
    /// <param name="Node">The anchored value (null for a null scalar); copied on every alias, never shared.</param>
    /// <param name="NodeCount">How many values the anchored node holds, itself included.</param>
    /// <param name="Height">How many collection levels it has (0 for a scalar).</param>
    /// <param name="KeyText">The scalar's text, when the anchored node is a scalar and so can serve as a key.</param>
    private sealed record Anchor(JsonNode? Node, long NodeCount, int Height, string? KeyText);

    /// <summary>A mapping or sequence being built.</summary>
    private sealed class Frame(JsonObject? mapping, JsonArray? sequence, string? anchor, long nodesBefore)
    {
        public JsonObject? Mapping { get; } = mapping;

        public JsonArray? Sequence { get; } = sequence;

        public string? Anchor { get; } = anchor;

        /// <summary>The node count before this collection, so its own count is known when it ends.</summary>
        public long NodesBefore { get; } = nodesBefore;

        public int ChildHeight { get; set; }

        /// <summary>The key whose value comes next; null while a mapping expects a key.</summary>
        public string? Key { get; set; }

        public bool KeyIsMerge { get; set; }

        public Mark KeyStart { get; set; }

        /// <summary>
        /// The mappings merged in with <c>&lt;&lt;</c>, in order of precedence, each with whether it is reachable
        /// through an anchor (and so must be copied rather than emptied).
        /// </summary>
        public List<(JsonObject Source, bool IsAnchored)>? Merges { get; set; }

        /// <summary>Where the merge key stood among the explicit keys, so merged members appear there.</summary>
        public int MergeIndex { get; set; }
    }

    private static string? AnchorName(NodeEvent e) => e.Anchor.IsEmpty ? null : e.Anchor.Value;

    private static YamlLoadException Error(string message, Mark at, Exception? inner = null) =>
        new(message, ToInt(at.Line), ToInt(at.Column), inner);

    private static int ToInt(long value) => (int)Math.Clamp(value, 1, int.MaxValue);

    /// <summary>
    /// The parser's events as both conversions read them: the node count against the limit, the last event read (the
    /// closest position known when YamlDotNet gives none), and YamlDotNet's failures turned into positioned errors.
    /// </summary>
    private sealed class YamlEventSource(IParser parser, YamlLimits limits)
    {
        private ParsingEvent? _last;
        private int _aliasExpansions;

        public long NodeCount { get; private set; }

        public void CountNodes(long count, ParsingEvent at, bool isAlias)
        {
            NodeCount += count;
            if (NodeCount > limits.MaxNodes)
            {
                throw Error(
                    isAlias
                        ? $"YAML alias expansion exceeds the limit of {limits.MaxNodes} nodes"
                        : $"YAML document exceeds the limit of {limits.MaxNodes} nodes",
                    at.Start);
            }
        }

        /// <summary>Counts one alias expansion at nesting depth <paramref name="depth"/> against every limit it touches.</summary>
        public void ExpandAlias(AnchorAlias alias, int depth, int height, long nodeCount)
        {
            if (++_aliasExpansions > limits.MaxAliasExpansions)
            {
                throw Error($"YAML alias expansion exceeds the limit of {limits.MaxAliasExpansions} aliases", alias.Start);
            }

            if (depth + height > limits.MaxDepth)
            {
                throw Error($"YAML nesting exceeds the maximum depth of {limits.MaxDepth}", alias.Start);
            }

            CountNodes(nodeCount, alias, isAlias: true);
        }

        public ParsingEvent Next()
        {
            try
            {
                if (parser.MoveNext() && parser.Current is { } current)
                {
                    _last = current;
                    return current;
                }
            }
            catch (YamlException ex)
            {
                throw new YamlLoadException(SyntaxErrorMessage(ex.Message), ToInt(ex.Start.Line), ToInt(ex.Start.Column), ex);
            }
            catch (Exception ex) when (YamlText.IsParserFailure(ex))
            {
                // YamlDotNet gives no position here; the last event read is the closest one known.
                throw Error("the YAML is malformed", _last?.End ?? Mark.Empty, ex);
            }

            throw Error("the YAML ends inside a node", _last?.End ?? Mark.Empty);
        }


    }

    /// <summary>One conversion: the parser, the limits, and the state of the walk.</summary>
    private sealed class Converter(IParser parser, YamlLimits limits)
    {
        private readonly Dictionary<string, Anchor> _anchors = new(StringComparer.Ordinal);
        // Nodes reachable through an anchor must stay intact, so a merge copies their members instead of moving them.
        private readonly HashSet<JsonNode> _anchoredNodes = new(ReferenceEqualityComparer.Instance);
        private readonly Stack<Frame> _frames = new();
        private readonly YamlEventSource _events = new(parser, limits);
        private JsonNode? _root;
        private bool _rootDone;

        public JsonNode? Run()
        {
            if (Next() is not StreamStart || Next() is not DocumentStart)
            {
                return null;
            }

            while (!_rootDone)
            {
                switch (Next())
                {
                    case Scalar scalar:
                        OnScalar(scalar);
                        break;
                    case AnchorAlias alias:
                        OnAlias(alias);
                        break;
                    case MappingStart mapping:
                        OnCollectionStart(mapping, new Frame(new JsonObject(), null, AnchorName(mapping), _events.NodeCount));
                        break;
                    case SequenceStart sequence:
                        OnCollectionStart(sequence, new Frame(null, new JsonArray(), AnchorName(sequence), _events.NodeCount));
                        break;
                    case MappingEnd or SequenceEnd:
                        OnCollectionEnd();
                        break;
                    case DocumentEnd:
                        // Only reachable for a document with no node at all.
                        return null;
                }
            }

            // The rest of the stream (further documents) is deliberately left unread.
            return _root;
        }

        private void OnScalar(Scalar scalar)
        {
            var anchor = AnchorName(scalar);
            if (ExpectsKey(out var frame))
            {
                if (anchor is not null)
                {
                    Register(anchor, new Anchor(ScalarValue(scalar), 1, 0, scalar.Value));
                }

                // Only a plain, untagged << is a merge key; "<<" quoted is an ordinary key.
                var isMerge = scalar.Value == "<<" && scalar.Style == ScalarStyle.Plain && scalar.Tag.IsEmpty;
                SetKey(frame, scalar.Value, isMerge, scalar.Start);
                return;
            }

            CountNodes(1, scalar, isAlias: false);
            var node = ScalarValue(scalar);
            if (anchor is not null)
            {
                Register(anchor, new Anchor(node, 1, 0, scalar.Value));
            }

            Emit(node, 0);
        }

        private void OnAlias(AnchorAlias alias)
        {
            var name = alias.Value.Value;
            if (!_anchors.TryGetValue(name, out var anchor))
            {
                // Also what a recursive alias (&a [*a]) meets: an anchor is registered only once its node ends.
                throw Error($"the alias '*{name}' refers to an undefined anchor", alias.Start);
            }

            if (ExpectsKey(out var frame))
            {
                var key = anchor.KeyText ?? throw Error("a mapping key must be a scalar", alias.Start);
                SetKey(frame, key, isMerge: false, alias.Start);
                return;
            }

            // Checked before copying, so an alias bomb fails before it allocates anything.
            _events.ExpandAlias(alias, _frames.Count, anchor.Height, anchor.NodeCount);
            Emit(anchor.Node?.DeepClone(), anchor.Height);
        }

        private void OnCollectionStart(NodeEvent start, Frame frame)
        {
            if (ExpectsKey(out _))
            {
                throw Error("a mapping key must be a scalar", start.Start);
            }

            if (_frames.Count + 1 > limits.MaxDepth)
            {
                throw Error($"YAML nesting exceeds the maximum depth of {limits.MaxDepth}", start.Start);
            }

            CountNodes(1, start, isAlias: false);
            _frames.Push(frame);
        }

        private void OnCollectionEnd()
        {
            var frame = _frames.Pop();
            JsonNode node;
            if (frame.Mapping is { } mapping)
            {
                ApplyMerges(frame, mapping);
                node = mapping;
            }
            else
            {
                node = frame.Sequence!;
            }

            var height = frame.ChildHeight + 1;
            if (frame.Anchor is not null)
            {
                Register(frame.Anchor, new Anchor(node, _events.NodeCount - frame.NodesBefore, height, null));
            }

            Emit(node, height);
        }

        /// <summary>Adds a finished value to the collection being built, or makes it the root.</summary>
        private void Emit(JsonNode? node, int height)
        {
            if (_frames.Count == 0)
            {
                _root = node;
                _rootDone = true;
                return;
            }

            var frame = _frames.Peek();
            if (frame.Sequence is { } sequence)
            {
                frame.ChildHeight = Math.Max(frame.ChildHeight, height);
                sequence.Add(node);
                return;
            }

            var key = frame.Key!;
            frame.Key = null;
            if (!frame.KeyIsMerge)
            {
                frame.ChildHeight = Math.Max(frame.ChildHeight, height);
                frame.Mapping!.Add(key, node);
                return;
            }

            // Merged members end up one level (a mapping) or two (a sequence of mappings) higher than the merge value.
            List<JsonObject> sources = node switch
            {
                JsonObject single => [single],
                JsonArray many when many.All(item => item is JsonObject) => [.. many.Cast<JsonObject>()],
                _ => throw Error("the merge key '<<' needs a mapping or a sequence of mappings", frame.KeyStart),
            };
            frame.ChildHeight = Math.Max(frame.ChildHeight, height - (node is JsonObject ? 1 : 2));
            frame.MergeIndex = frame.Mapping!.Count;
            // An anchored merge value (`<<: &base {...}`) must stay intact for later aliases: copy, don't move.
            var valueIsAnchored = _anchoredNodes.Contains(node!);
            frame.Merges = [.. sources.Select(source => (source, valueIsAnchored || _anchoredNodes.Contains(source)))];
        }

        /// <summary>
        /// Copies merged members in where the merge key stood. Explicit keys are all present by now, so a member
        /// is added only when no explicit key nor an earlier merged mapping has it.
        /// </summary>
        private void ApplyMerges(Frame frame, JsonObject mapping)
        {
            if (frame.Merges is null)
            {
                return;
            }

            var index = frame.MergeIndex;
            foreach (var (source, keep) in frame.Merges)
            {
                var members = source.ToList();
                if (!keep)
                {
                    // Detaches the values so they can move into the mapping without a copy.
                    source.Clear();
                }

                foreach (var (key, value) in members)
                {
                    if (mapping.ContainsKey(key))
                    {
                        continue;
                    }

                    mapping.Insert(index++, key, keep ? value?.DeepClone() : value);
                }
            }
        }

        private void SetKey(Frame frame, string key, bool isMerge, Mark start)
        {
            if (isMerge ? frame.Merges is not null : frame.Mapping!.ContainsKey(key))
            {
                throw Error($"duplicate key '{key}'", start);
            }

            frame.Key = key;
            frame.KeyIsMerge = isMerge;
            frame.KeyStart = start;
        }

        private bool ExpectsKey(out Frame frame)
        {
            if (_frames.TryPeek(out frame!) && frame.Mapping is not null && frame.Key is null)
            {
                return true;
            }

            frame = null!;
            return false;
        }

        private void Register(string name, Anchor anchor)
        {
            // A later anchor of the same name replaces the earlier one for the aliases that follow it.
            _anchors[name] = anchor;
            if (anchor.Node is not null)
            {
                _anchoredNodes.Add(anchor.Node);
            }
        }

        private void CountNodes(long count, ParsingEvent at, bool isAlias) => _events.CountNodes(count, at, isAlias);

        private ParsingEvent Next() => _events.Next();
    }

    /// <summary>Thrown inside <see cref="JsonEventWriter"/> only: the document has a merge key.</summary>
    private sealed class MergeKeyFound : Exception;

    /// <summary>What an anchor wrote: a scalar (written again on every alias), or the byte range of a collection's JSON.</summary>
    private sealed record WrittenAnchor(Scalar? Scalar, int Start, int End, long NodeCount, int Height, string? KeyText);

    /// <summary>A mapping or sequence being written.</summary>
    private sealed class WriterFrame(bool isMapping, string? anchor, long nodesBefore, int start)
    {
        public bool IsMapping { get; } = isMapping;

        public string? Anchor { get; } = anchor;

        public long NodesBefore { get; } = nodesBefore;

        /// <summary>Where the collection's JSON starts in the output, for an anchored one.</summary>
        public int Start { get; } = start;

        public int ChildHeight { get; set; }

        /// <summary>Whether a mapping has its key and expects the value.</summary>
        public bool HasKey { get; set; }

        /// <summary>A mapping's keys so far (duplicates are errors).</summary>
        public HashSet<string> Keys => field ??= new(StringComparer.Ordinal);
    }

    /// <summary>One conversion to JSON text: the parser, the limits, the writer and the state of the walk.</summary>
    private sealed class JsonEventWriter(IParser parser, YamlLimits limits, ArrayBufferWriter<byte> output)
    {
        private readonly Dictionary<string, WrittenAnchor> _anchors = new(StringComparer.Ordinal);
        private readonly Stack<WriterFrame> _frames = new();
        private readonly Utf8JsonWriter _writer = new(output, new JsonWriterOptions { MaxDepth = limits.MaxDepth + 1, SkipValidation = true });
        private readonly YamlEventSource _events = new(parser, limits);
        private bool _rootDone;

        public bool Run()
        {
            try
            {
                if (Next() is not StreamStart || Next() is not DocumentStart)
                {
                    _writer.WriteNullValue();
                    return true;
                }

                while (!_rootDone)
                {
                    switch (Next())
                    {
                        case Scalar scalar:
                            OnScalar(scalar);
                            break;
                        case AnchorAlias alias:
                            OnAlias(alias);
                            break;
                        case MappingStart mapping:
                            OnCollectionStart(mapping, isMapping: true);
                            break;
                        case SequenceStart sequence:
                            OnCollectionStart(sequence, isMapping: false);
                            break;
                        case MappingEnd or SequenceEnd:
                            OnCollectionEnd();
                            break;
                        case DocumentEnd:
                            // Only reachable for a document with no node at all.
                            _writer.WriteNullValue();
                            return true;
                    }
                }

                // The rest of the stream (further documents) is deliberately left unread.
                return true;
            }
            catch (MergeKeyFound)
            {
                return false;
            }
            finally
            {
                _writer.Dispose();
            }
        }

        private void OnScalar(Scalar scalar)
        {
            var anchor = AnchorName(scalar);
            if (ExpectsKey(out var frame))
            {
                if (anchor is not null)
                {
                    _anchors[anchor] = new WrittenAnchor(scalar, 0, 0, 1, 0, scalar.Value);
                }

                // Only a plain, untagged << is a merge key; "<<" quoted is an ordinary key.
                if (scalar.Value == "<<" && scalar.Style == ScalarStyle.Plain && scalar.Tag.IsEmpty)
                {
                    throw new MergeKeyFound();
                }

                SetKey(frame, scalar.Value, scalar.Start);
                return;
            }

            CountNodes(1, scalar, isAlias: false);
            if (anchor is not null)
            {
                _anchors[anchor] = new WrittenAnchor(scalar, 0, 0, 1, 0, scalar.Value);
            }

            WriteScalarValue(scalar, _writer);
            Written(0);
        }

        private void OnAlias(AnchorAlias alias)
        {
            var name = alias.Value.Value;
            if (!_anchors.TryGetValue(name, out var anchor))
            {
                // Also what a recursive alias (&a [*a]) meets: an anchor is registered only once its node ends.
                throw Error($"the alias '*{name}' refers to an undefined anchor", alias.Start);
            }

            if (ExpectsKey(out var frame))
            {
                var key = anchor.KeyText ?? throw Error("a mapping key must be a scalar", alias.Start);
                SetKey(frame, key, alias.Start);
                return;
            }

            // Checked before copying, so an alias bomb fails before it writes anything.
            _events.ExpandAlias(alias, _frames.Count, anchor.Height, anchor.NodeCount);
            if (anchor.Scalar is { } scalar)
            {
                WriteScalarValue(scalar, _writer);
            }
            else
            {
                _writer.Flush();
                var json = output.WrittenSpan[anchor.Start..anchor.End];
                // The anchored collection's text may start with the comma that separated it from the item before it.
                _writer.WriteRawValue(json[0] == (byte)',' ? json[1..].ToArray() : json.ToArray(), skipInputValidation: true);
            }

            Written(anchor.Height);
        }

        private void OnCollectionStart(NodeEvent start, bool isMapping)
        {
            if (ExpectsKey(out _))
            {
                throw Error("a mapping key must be a scalar", start.Start);
            }

            if (_frames.Count + 1 > limits.MaxDepth)
            {
                throw Error($"YAML nesting exceeds the maximum depth of {limits.MaxDepth}", start.Start);
            }

            CountNodes(1, start, isAlias: false);
            var anchor = AnchorName(start);
            if (anchor is not null)
            {
                _writer.Flush();
            }

            _frames.Push(new WriterFrame(isMapping, anchor, _events.NodeCount, anchor is null ? 0 : output.WrittenCount));
            if (isMapping)
            {
                _writer.WriteStartObject();
            }
            else
            {
                _writer.WriteStartArray();
            }
        }

        private void OnCollectionEnd()
        {
            var frame = _frames.Pop();
            if (frame.IsMapping)
            {
                _writer.WriteEndObject();
            }
            else
            {
                _writer.WriteEndArray();
            }

            var height = frame.ChildHeight + 1;
            if (frame.Anchor is not null)
            {
                _writer.Flush();
                // A later anchor of the same name replaces the earlier one for the aliases that follow it.
                _anchors[frame.Anchor] = new WrittenAnchor(null, frame.Start, output.WrittenCount, _events.NodeCount - frame.NodesBefore + 1, height, null);
            }

            Written(height);
        }

        /// <summary>A value is written: it ends the document, or it is an item, or the value of the key before it.</summary>
        private void Written(int height)
        {
            if (_frames.Count == 0)
            {
                _rootDone = true;
                return;
            }

            var frame = _frames.Peek();
            frame.ChildHeight = Math.Max(frame.ChildHeight, height);
            frame.HasKey = false;
        }

        private void SetKey(WriterFrame frame, string key, Mark start)
        {
            if (!frame.Keys.Add(key))
            {
                throw Error($"duplicate key '{key}'", start);
            }

            frame.HasKey = true;
            _writer.WritePropertyName(key);
        }

        private bool ExpectsKey(out WriterFrame frame)
        {
            if (_frames.TryPeek(out frame!) && frame.IsMapping && !frame.HasKey)
            {
                return true;
            }

            frame = null!;
            return false;
        }

        private void CountNodes(long count, ParsingEvent at, bool isAlias) => _events.CountNodes(count, at, isAlias);

        private ParsingEvent Next() => _events.Next();
    }
}
