using System.Collections.Concurrent;
using OpenApiLint.Core.Rulesets;

namespace OpenApiLint.Core.Linting;

/// <summary>
/// Decides which ruleset a document is checked against: the one named explicitly; else the nearest
/// <c>.openapi-lint.json</c> in the folder the search starts from or above; else <c>recommended</c>. The search starts
/// from <paramref name="teamFileSearchStart"/> when given (the MSBuild task passes the project folder, so a document
/// generated into <c>../openapi</c> gets the project's team file), else from each document's own folder (the tool).
/// Each ruleset is loaded once. Thread-safe.
/// </summary>
/// <param name="explicitRuleset">A built-in name or a ruleset file; <c>null</c> to look for the team file.</param>
/// <param name="baseDirectory">What a relative <paramref name="explicitRuleset"/> is relative to.</param>
/// <param name="teamFileSearchStart">The folder the team file search starts from; <c>null</c>: each document's folder.</param>
public sealed class RulesetResolver(string? explicitRuleset, string? baseDirectory = null, string? teamFileSearchStart = null)
{
    private readonly ConcurrentDictionary<string, Lazy<RulesetLoadResult>> _loaded = new(StringComparer.Ordinal);

    /// <summary>The ruleset for the document at <paramref name="documentPath"/>.</summary>
    public RulesetLoadResult ForDocument(string documentPath)
    {
        if (explicitRuleset is not null)
        {
            return Load(explicitRuleset, () => RulesetLoader.Load(explicitRuleset, baseDirectory));
        }

        var folder = teamFileSearchStart is not null
            ? Path.GetFullPath(teamFileSearchStart)
            : Path.GetDirectoryName(Path.GetFullPath(documentPath)) ?? Directory.GetCurrentDirectory();
        var teamFile = RulesetLoader.FindTeamFile(folder);
        return teamFile is null
            ? Load(BuiltInRulesets.DefaultName, () => RulesetLoader.LoadBuiltIn(BuiltInRulesets.DefaultName))
            : Load(teamFile, () => RulesetLoader.LoadFile(teamFile));
    }

    private RulesetLoadResult Load(string key, Func<RulesetLoadResult> load) =>
        _loaded.GetOrAdd(key, _ => new Lazy<RulesetLoadResult>(load)).Value;
}
