using System.Collections.Concurrent;
using OpenApiLint.Core.Rulesets;

namespace OpenApiLint.Core.Linting;

/// <summary>
/// Decides which ruleset a document is checked against: the one named explicitly; else the nearest
/// <c>.openapi-lint.json</c> above the document; else <c>recommended</c>. Each ruleset is loaded once. Thread-safe.
/// </summary>
public sealed class RulesetResolver(string? explicitRuleset, string? baseDirectory = null)
{
    private readonly ConcurrentDictionary<string, Lazy<RulesetLoadResult>> _loaded = new(StringComparer.Ordinal);

    /// <summary>The ruleset for the document at <paramref name="documentPath"/>.</summary>
    public RulesetLoadResult ForDocument(string documentPath)
    {
        if (explicitRuleset is not null)
        {
            return Load(explicitRuleset, () => RulesetLoader.Load(explicitRuleset, baseDirectory));
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(documentPath)) ?? Directory.GetCurrentDirectory();
        var teamFile = RulesetLoader.FindTeamFile(folder);
        return teamFile is null
            ? Load(BuiltInRulesets.DefaultName, () => RulesetLoader.LoadBuiltIn(BuiltInRulesets.DefaultName))
            : Load(teamFile, () => RulesetLoader.LoadFile(teamFile));
    }

    private RulesetLoadResult Load(string key, Func<RulesetLoadResult> load) =>
        _loaded.GetOrAdd(key, _ => new Lazy<RulesetLoadResult>(load)).Value;
}
