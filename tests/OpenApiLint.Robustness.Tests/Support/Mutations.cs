using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenApiLint.Robustness.Tests.Support;

/// <summary>Random damage to real documents: at the byte level, at the line level (YAML), and to the JSON tree.</summary>
internal static class Mutations
{
    // Bytes that change structure in JSON or YAML, and bytes that are not UTF-8 at all.
    private static readonly byte[][] Fragments =
    [
        .. "{}[]:,\"'\n\r\t -&*!?|>#%@`~\\/".Select(c => new[] { (byte)c }),
        "true"u8.ToArray(), "null"u8.ToArray(), "1e999"u8.ToArray(), "\\u"u8.ToArray(), "\\ud800"u8.ToArray(),
        "$ref"u8.ToArray(), "<<: *a"u8.ToArray(), "&a "u8.ToArray(), "*a"u8.ToArray(), "!!binary "u8.ToArray(),
        "é"u8.ToArray(), [0xC3], [0xFF, 0xFE], [0xE2, 0x82], [0xF0, 0x9F, 0x98, 0x80], [0x00],
    ];

    // $ref targets that are missing, cyclic, remote, outside the folder, malformed, or fine.
    private static readonly string[] References =
    [
        "#/components/responses/Nope", "#", "", "#/", "#/paths", "#/paths/~1books/get", "#/info/title", "#/%zz", "#nofragment",
        "http://127.0.0.1:9/x.yaml#/A", "https://example.com/api.json", "urn:x:y", "../outside.yaml#/A", "/etc/passwd",
        "file:///etc/passwd", "C:\\windows\\x.yaml", "shared/responses.yaml#/Unauthorized", "shared/responses.yaml",
        "shared/responses.yaml#/nope", "shared/missing.yaml#/A", "shared/../shared/responses.yaml#/Invalid",
        "#/components/schemas/Book/properties", "#/definitions/Item", "#/responses/Error", "#/parameters/RequestId",
    ];

    /// <summary>One to five byte-level edits: deletions, insertions, replacements, duplications.</summary>
    public static byte[] Bytes(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        var edits = random.Next(1, 6);
        for (var i = 0; i < edits && bytes.Count > 0; i++)
        {
            var at = random.Next(bytes.Count);
            var length = Math.Min(random.Next(1, 24), bytes.Count - at);
            switch (random.Next(4))
            {
                case 0:
                    bytes.RemoveRange(at, length);
                    break;
                case 1:
                    bytes.InsertRange(at, Fragments[random.Next(Fragments.Length)]);
                    break;
                case 2:
                    bytes[at] = (byte)random.Next(256);
                    break;
                default:
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                    break;
            }
        }

        return [.. bytes];
    }

    /// <summary>The document cut anywhere: mid-token, mid-character, mid-line.</summary>
    public static byte[] Truncate(byte[] original, Random random) => original[..random.Next(original.Length + 1)];

    /// <summary>YAML damage by lines: dropped, repeated, swapped, re-indented, or given YAML-only syntax.</summary>
    public static byte[] YamlLines(byte[] original, Random random)
    {
        var lines = Encoding.UTF8.GetString(original).Split('\n').ToList();
        var edits = random.Next(1, 4);
        for (var i = 0; i < edits && lines.Count > 1; i++)
        {
            var at = random.Next(lines.Count);
            switch (random.Next(6))
            {
                case 0:
                    lines.RemoveAt(at);
                    break;
                case 1:
                    lines.Insert(at, lines[random.Next(lines.Count)]);
                    break;
                case 2:
                    var other = random.Next(lines.Count);
                    (lines[at], lines[other]) = (lines[other], lines[at]);
                    break;
                case 3:
                    lines[at] = random.Next(2) == 0 ? "  " + lines[at] : lines[at].TrimStart();
                    break;
                case 4:
                    var colon = lines[at].IndexOf(": ", StringComparison.Ordinal);
                    var token = new[] { "&a ", "*a", "!!str ", "!!map ", "? ", "[", "{", "|", ">-", "<<: *a" }[random.Next(10)];
                    lines[at] = colon < 0 ? lines[at] + " " + token : lines[at][..(colon + 2)] + token + lines[at][(colon + 2)..];
                    break;
                default:
                    lines.Insert(at, new string(' ', random.Next(8)) + new[] { "<<: *a", "a: &a { x: 1 }", "b: *a", "---", "...", "%YAML 1.2", "\t- tab" }[random.Next(7)]);
                    break;
            }
        }

        return Encoding.UTF8.GetBytes(string.Join('\n', lines));
    }

    /// <summary>
    /// JSON damage that stays valid JSON, so the loader's semantics are exercised rather than the parser: a value
    /// replaced by another kind, a member removed or renamed, a subtree copied elsewhere, a random <c>$ref</c>.
    /// </summary>
    public static byte[] JsonTree(byte[] original, Random random)
    {
        var root = JsonNode.Parse(original, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!;
        var edits = random.Next(1, 5);
        for (var i = 0; i < edits; i++)
        {
            var nodes = Descendants(root).ToList();
            var target = nodes[random.Next(nodes.Count)];
            if (target.Parent is not { } parent)
            {
                continue;
            }

            var replacement = random.Next(8) switch
            {
                0 => null,
                1 => JsonValue.Create(random.Next(-5, 1000)),
                2 => JsonValue.Create(random.Next(2) == 0 ? "200" : "text"),
                3 => new JsonObject(),
                4 => new JsonArray(JsonValue.Create("x")),
                5 => new JsonObject { ["$ref"] = References[random.Next(References.Length)] },
                6 => nodes[random.Next(nodes.Count)].DeepClone(),
                // A reference to itself or to an ancestor: a cycle.
                _ => new JsonObject { ["$ref"] = "#" + PointerOf(random.Next(2) == 0 ? target : parent) },
            };
            Replace(parent, target, replacement, random);
        }

        var indented = random.Next(2) == 0;
        return JsonSerializer.SerializeToUtf8Bytes(root, new JsonSerializerOptions { WriteIndented = indented, MaxDepth = 512 });
    }

    private static void Replace(JsonNode parent, JsonNode target, JsonNode? replacement, Random random)
    {
        switch (parent)
        {
            case JsonObject obj:
                var key = obj.First(member => ReferenceEquals(member.Value, target)).Key;
                switch (random.Next(4))
                {
                    case 0:
                        obj.Remove(key);
                        break;
                    case 1:
                        // Renamed: to an extension, a status-code-like key, a $ref, or an empty key.
                        var renamed = new[] { "x-" + key, "2XX", "abc", "$ref", "", "default", "get", "headers" }[random.Next(8)];
                        obj.Remove(key);
                        if (!obj.ContainsKey(renamed))
                        {
                            obj[renamed] = target;
                        }

                        break;
                    default:
                        obj[key] = replacement;
                        break;
                }

                break;
            case JsonArray array:
                array[array.IndexOf(target)] = replacement;
                break;
        }
    }

    private static string PointerOf(JsonNode node)
    {
        var tokens = new List<string>();
        for (var current = node; current.Parent is { } parent; current = parent)
        {
            tokens.Add(parent switch
            {
                JsonObject obj => OpenApiLint.Core.Documents.JsonPointer.Escape(obj.First(member => ReferenceEquals(member.Value, current)).Key),
                JsonArray array => array.IndexOf(current).ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => "",
            });
        }

        tokens.Reverse();
        return string.Concat(tokens.Select(token => "/" + token));
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        var children = node switch
        {
            JsonObject obj => obj.Select(member => member.Value),
            JsonArray array => array,
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            foreach (var descendant in Descendants(child))
            {
                yield return descendant;
            }
        }
    }
}
