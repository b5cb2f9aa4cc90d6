using System.Globalization;
using System.Text;
using OpenApiLint.Core.Documents;

namespace OpenApiLint.Robustness.Tests.Support;

/// <summary>
/// Writes a tree as JSON with random whitespace, comments and escapes, and records where it wrote each pointer's
/// span, following <see cref="ISourceMap"/>'s contract: a member's quoted key, an item's value, a scalar whole,
/// a collection's opening bracket. The recorded offsets, turned into lines and columns by
/// <see cref="NaivePositions"/>, are the reference the source map is compared with.
/// </summary>
internal sealed class PositionedJsonWriter(Random random)
{
    private readonly StringBuilder _text = new();
    private readonly Dictionary<string, (int Start, int End)> _spans = new(StringComparer.Ordinal);
    private readonly string _lineBreak = random.Next(4) switch { 0 => "\r\n", 1 => "\r", _ => "\n" };

    public static (string Text, IReadOnlyDictionary<string, (int Start, int End)> Spans) Write(TreeNode root, Random random)
    {
        var writer = new PositionedJsonWriter(random);
        writer.Space();
        writer.Value(root, JsonPointer.Root, recordSpan: true);
        writer.Space();
        return (writer._text.ToString(), writer._spans);
    }

    private void Value(TreeNode node, string pointer, bool recordSpan)
    {
        var start = _text.Length;
        switch (node)
        {
            case ObjectNode obj:
                _text.Append('{');
                Record(pointer, start, start + 1, recordSpan);
                for (var i = 0; i < obj.Members.Count; i++)
                {
                    var (key, value) = obj.Members[i];
                    Space();
                    var keyStart = _text.Length;
                    String(key);
                    var childPointer = JsonPointer.Append(pointer, key);
                    Record(childPointer, keyStart, _text.Length, true);
                    // System.Text.Json takes no comment between a name and its colon.
                    Space(allowComments: false);
                    _text.Append(':');
                    Space();
                    Value(value, childPointer, recordSpan: false);
                    Space();
                    if (i < obj.Members.Count - 1 || random.Next(10) == 0)
                    {
                        // A trailing comma now and then: the loader's JSON options allow it.
                        _text.Append(',');
                    }
                }

                Space();
                _text.Append('}');
                break;

            case ArrayNode array:
                _text.Append('[');
                Record(pointer, start, start + 1, recordSpan);
                for (var i = 0; i < array.Items.Count; i++)
                {
                    Space();
                    Value(array.Items[i], JsonPointer.Append(pointer, i.ToString(CultureInfo.InvariantCulture)), recordSpan: true);
                    Space();
                    if (i < array.Items.Count - 1)
                    {
                        _text.Append(',');
                    }
                }

                Space();
                _text.Append(']');
                break;

            case ScalarNode scalar:
                if (scalar.IsString)
                {
                    String(scalar.Text);
                }
                else
                {
                    _text.Append(scalar.Text);
                }

                Record(pointer, start, _text.Length, recordSpan);
                break;
        }
    }

    private void Record(string pointer, int start, int end, bool record)
    {
        if (record)
        {
            _spans[pointer] = (start, end);
        }
    }

    private void String(string value)
    {
        _text.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"':
                    _text.Append("\\\"");
                    break;
                case '\\':
                    _text.Append("\\\\");
                    break;
                case '/' when random.Next(3) == 0:
                    _text.Append("\\/");
                    break;
                case < ' ':
                    _text.Append(c switch { '\n' => "\\n", '\t' => "\\t", _ => $"\\u{(int)c:x4}" });
                    break;
                case > '~' when random.Next(3) == 0:
                    // The same key escaped (a surrogate pair as two escapes): the map must match it by its value.
                    _text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length)
                    {
                        _text.Append(CultureInfo.InvariantCulture, $"\\u{(int)value[++i]:x4}");
                    }

                    break;
                default:
                    _text.Append(c);
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length)
                    {
                        _text.Append(value[++i]);
                    }

                    break;
            }
        }

        _text.Append('"');
    }

    private void Space(bool allowComments = true)
    {
        switch (random.Next(allowComments ? 12 : 5))
        {
            case 0 or 1 or 2:
                break;
            case 3:
                _text.Append(_lineBreak).Append(' ', random.Next(6));
                break;
            case 4:
                _text.Append('\t');
                break;
            case 5:
                _text.Append("/* comment é */");
                break;
            case 6:
                _text.Append("// to the end of the line").Append(_lineBreak);
                break;
            default:
                _text.Append(' ', random.Next(1, 3));
                break;
        }
    }
}
