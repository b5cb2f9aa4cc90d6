using System.Globalization;
using System.Text;
using Newtonsoft.Json.Linq;
using OpenApiLint.Core.Documents;

namespace OpenApiLint.Core.Rulesets;

/// <summary>
/// Positions of ruleset errors, by the same convention as document diagnostics: the start of the offending member's
/// key, or of the offending array item. Json.NET's own line info points just past a token (at the colon after a
/// key, at the closing quote of a string), which puts an editor's cursor in the wrong place.
/// </summary>
internal static class RulesetPositions
{
    /// <summary>The JSON pointer of <paramref name="token"/> (a property stands for its member).</summary>
    public static string PointerOf(JToken token)
    {
        var segments = new List<string>();
        var current = token;
        if (current is JProperty own)
        {
            segments.Add(own.Name);
            current = own.Parent;
        }

        while (current?.Parent is { } parent)
        {
            switch (parent)
            {
                case JProperty property:
                    segments.Add(property.Name);
                    current = property.Parent;
                    break;
                case JArray array:
                    segments.Add(array.IndexOf(current).ToString(CultureInfo.InvariantCulture));
                    current = array;
                    break;
                default:
                    current = parent;
                    break;
            }
        }

        segments.Reverse();
        return JsonPointer.Append(JsonPointer.Root, [.. segments]);
    }

    /// <summary>Line and column of each pointer in <paramref name="text"/>, in one pass.</summary>
    public static IReadOnlyDictionary<string, SourceSpan> Resolve(string text, IEnumerable<string> pointers) =>
        SourceMaps.ForJson(Encoding.UTF8.GetBytes(text)).Resolve(pointers);
}
