using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using OpenApiLint.Core.Documents;

namespace OpenApiLint.Robustness.Tests.Support;

/// <summary>
/// Writes a tree as block-style YAML (random indentation steps, plain or quoted scalars, comments, blank lines) and
/// records where it wrote each pointer's span, following <see cref="ISourceMap"/>'s contract: a member's key scalar
/// (quotes included), an item's value, a scalar whole, a block mapping's first key, a block sequence's first
/// <c>-</c>, a flow collection's opening bracket.
/// </summary>
internal sealed partial class PositionedYamlWriter(Random random)
{
    private readonly StringBuilder _text = new();
    private readonly Dictionary<string, (int Start, int End)> _spans = new(StringComparer.Ordinal);
    private readonly string _lineBreak = random.Next(3) == 0 ? "\r\n" : "\n";

    public static (string Text, IReadOnlyDictionary<string, (int Start, int End)> Spans) Write(TreeNode root, Random random)
    {
        var writer = new PositionedYamlWriter(random);
        if (random.Next(4) == 0)
        {
            writer._text.Append("# a random document").Append(writer._lineBreak);
        }

        if (random.Next(4) == 0)
        {
            writer._text.Append("---").Append(writer._lineBreak);
        }

        switch (root)
        {
            case ObjectNode { Members.Count: > 0 } obj:
                writer.Mapping(obj, 0, JsonPointer.Root, recordSpan: true, startsOnCurrentLine: false);
                break;
            case ArrayNode { Items.Count: > 0 } array:
                writer.Sequence(array, 0, JsonPointer.Root, recordSpan: true, startsOnCurrentLine: false);
                break;
            default:
                writer.Inline(root, JsonPointer.Root, recordSpan: true);
                writer.EndLine();
                break;
        }

        return (writer._text.ToString(), writer._spans);
    }

    private void Mapping(ObjectNode obj, int indent, string pointer, bool recordSpan, bool startsOnCurrentLine)
    {
        for (var i = 0; i < obj.Members.Count; i++)
        {
            var (key, value) = obj.Members[i];
            if (i > 0 || !startsOnCurrentLine)
            {
                _text.Append(' ', indent);
            }

            var keyStart = _text.Length;
            Scalar(key, isString: true);
            var childPointer = JsonPointer.Append(pointer, key);
            _spans[childPointer] = (keyStart, _text.Length);
            if (i == 0 && recordSpan)
            {
                _spans[pointer] = (keyStart, _text.Length);
            }

            _text.Append(':');
            switch (value)
            {
                case ObjectNode { Members.Count: > 0 } child:
                    EndLine();
                    Mapping(child, indent + Step(), childPointer, recordSpan: false, startsOnCurrentLine: false);
                    break;
                case ArrayNode { Items.Count: > 0 } child:
                    EndLine();
                    // A block sequence may sit at its key's own indentation.
                    Sequence(child, indent + (random.Next(3) == 0 ? 0 : Step()), childPointer, recordSpan: false, startsOnCurrentLine: false);
                    break;
                default:
                    _text.Append(' ');
                    Inline(value, childPointer, recordSpan: false);
                    EndLine();
                    break;
            }
        }
    }

    private void Sequence(ArrayNode array, int indent, string pointer, bool recordSpan, bool startsOnCurrentLine)
    {
        for (var i = 0; i < array.Items.Count; i++)
        {
            if (i > 0 || !startsOnCurrentLine)
            {
                _text.Append(' ', indent);
            }

            var dash = _text.Length;
            _text.Append('-');
            if (i == 0 && recordSpan)
            {
                _spans[pointer] = (dash, dash + 1);
            }

            var itemPointer = JsonPointer.Append(pointer, i.ToString(CultureInfo.InvariantCulture));
            _text.Append(' ');
            switch (array.Items[i])
            {
                case ObjectNode { Members.Count: > 0 } child:
                    Mapping(child, indent + 2, itemPointer, recordSpan: true, startsOnCurrentLine: true);
                    break;
                case ArrayNode { Items.Count: > 0 } child:
                    Sequence(child, indent + 2, itemPointer, recordSpan: true, startsOnCurrentLine: true);
                    break;
                default:
                    Inline(array.Items[i], itemPointer, recordSpan: true);
                    EndLine();
                    break;
            }
        }
    }

    /// <summary>A scalar, or an empty collection in flow style.</summary>
    private void Inline(TreeNode node, string pointer, bool recordSpan)
    {
        var start = _text.Length;
        switch (node)
        {
            case ObjectNode:
                _text.Append("{}");
                break;
            case ArrayNode:
                _text.Append("[]");
                break;
            case ScalarNode scalar:
                Scalar(scalar.Text, scalar.IsString);
                break;
        }

        if (recordSpan)
        {
            _spans[pointer] = node is ScalarNode ? (start, _text.Length) : (start, start + 1);
        }
    }

    private void Scalar(string text, bool isString)
    {
        if (!isString || (SafePlain().IsMatch(text) && random.Next(4) != 0))
        {
            _text.Append(text);
            return;
        }

        if (random.Next(4) == 0 && !text.Any(char.IsControl))
        {
            _text.Append('\'').Append(text.Replace("'", "''", StringComparison.Ordinal)).Append('\'');
            return;
        }

        _text.Append('"');
        foreach (var c in text)
        {
            _text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                < ' ' => $"\\x{(int)c:x2}",
                > '~' and < '\uD800' when random.Next(3) == 0 => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        _text.Append('"');
    }

    private int Step() => random.Next(1, 5);

    private void EndLine()
    {
        if (random.Next(6) == 0)
        {
            _text.Append("  # note");
        }

        _text.Append(_lineBreak);
        if (random.Next(8) == 0)
        {
            _text.Append(_lineBreak);
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_.-]*( [A-Za-z0-9_.-]+)*$")]
    private static partial Regex SafePlain();
}
