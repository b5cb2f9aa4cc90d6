using System.Globalization;

namespace OpenApiLint.Robustness.Tests.Support;

/// <summary>A JSON value as the random documents build it: keys in order, no duplicate keys.</summary>
internal abstract record TreeNode;

internal sealed record ObjectNode(IReadOnlyList<(string Key, TreeNode Value)> Members) : TreeNode;

internal sealed record ArrayNode(IReadOnlyList<TreeNode> Items) : TreeNode;

/// <summary>A scalar: <paramref name="Text"/> is a string value, or the literal of a number, boolean or null.</summary>
internal sealed record ScalarNode(string Text, bool IsString) : TreeNode;

/// <summary>Random trees whose keys exercise what pointers and positions find hard.</summary>
internal static class RandomTree
{
    // Keys a pointer must escape (~ and /), keys that look like numbers or pointers, non-ASCII (two- and three-byte
    // UTF-8, and one outside the BMP, two UTF-16 code units), quotes and backslashes, and the empty key.
    private static readonly string[] SpecialKeys =
    [
        "a/b", "~", "~1", "m~0n", "/", "0", "01", "200", "4XX", "$ref", "x-ext", "é", "日本", "ключ", "😀", "a😀b",
        "with space", "q\"uote", "back\\slash", "", "tab\there", "line\nbreak", "-", "a:b", "#hash",
    ];

    private static readonly string[] Words = ["get", "paths", "responses", "content", "schema", "name", "id", "value", "items", "type"];

    public static TreeNode Generate(Random random, int maxDepth = 6, bool allowControlCharacters = true) =>
        Node(random, maxDepth, allowControlCharacters, isRoot: true);

    private static TreeNode Node(Random random, int depth, bool controls, bool isRoot = false)
    {
        var roll = random.Next(isRoot ? 60 : 100);
        if (depth <= 0 || roll >= 60)
        {
            return Scalar(random, controls);
        }

        return roll < 35 ? Object(random, depth, controls) : Array(random, depth, controls);
    }

    private static ObjectNode Object(Random random, int depth, bool controls)
    {
        var count = random.Next(6);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var members = new List<(string, TreeNode)>();
        for (var i = 0; i < count; i++)
        {
            var key = Key(random, controls);
            if (keys.Add(key))
            {
                members.Add((key, Node(random, depth - 1, controls)));
            }
        }

        return new ObjectNode(members);
    }

    private static ArrayNode Array(Random random, int depth, bool controls) =>
        new(Enumerable.Range(0, random.Next(5)).Select(_ => Node(random, depth - 1, controls)).ToList());

    private static string Key(Random random, bool controls)
    {
        string key = random.Next(3) switch
        {
            0 => SpecialKeys[random.Next(SpecialKeys.Length)],
            1 => Words[random.Next(Words.Length)] + random.Next(100).ToString(CultureInfo.InvariantCulture),
            _ => Words[random.Next(Words.Length)],
        };
        return controls ? key : new string(key.Where(c => !char.IsControl(c)).ToArray());
    }

    private static ScalarNode Scalar(Random random, bool controls) => random.Next(7) switch
    {
        0 => new ScalarNode("null", false),
        1 => new ScalarNode(random.Next(2) == 0 ? "true" : "false", false),
        2 => new ScalarNode((random.Next(2000) - 1000).ToString(CultureInfo.InvariantCulture), false),
        3 => new ScalarNode((random.NextDouble() * 1000).ToString("0.###", CultureInfo.InvariantCulture) + (random.Next(3) == 0 ? "e-2" : ""), false),
        _ => new ScalarNode(Key(random, controls) + (random.Next(3) == 0 ? " and more" : ""), true),
    };
}
