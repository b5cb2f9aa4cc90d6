using System.Text;
using OpenApiLint.Core.Documents;

namespace OpenApiLint.Core.Rulesets;

/// <summary>
/// Positions of ruleset errors, by the same convention as document diagnostics: the start of the offending member's
/// key, or of the offending array item, so an editor's cursor lands on what to fix.
/// </summary>
internal static class RulesetPositions
{
    /// <summary>Line and column of each pointer in <paramref name="text"/>, in one pass.</summary>
    public static IReadOnlyDictionary<string, SourceSpan> Resolve(string text, IEnumerable<string> pointers) =>
        SourceMaps.ForJson(Encoding.UTF8.GetBytes(text)).Resolve(pointers);
}
