using System.Collections.Concurrent;
using OpenApiLint.Core.Rules;
using OpenApiLint.Core.Rulesets;

namespace OpenApiLint.Core.Linting;

/// <summary>
/// Decides which ruleset applies, the one way every edge does it (<c>lint</c>, <c>explain</c>, <c>init</c>, the MSBuild
/// task): the ruleset named explicitly; else the nearest <c>.openapi-lint.json</c> found by walking up from where the
/// search starts; else <c>recommended</c>. Each ruleset is loaded once. Thread-safe.
/// </summary>
public sealed class RulesetResolver
{
    private readonly ConcurrentDictionary<string, Lazy<RulesetLoadResult>> _loaded = new(StringComparer.Ordinal);
    private readonly string? _explicitRuleset;
    private readonly string _baseDirectory;
    private readonly string? _teamFileSearchStart;
    private readonly IReadOnlySet<string> _ruleIds;

    /// <param name="explicitRuleset">A built-in name or a ruleset file the user named; <c>null</c>: none.</param>
    /// <param name="baseDirectory">What a relative <paramref name="explicitRuleset"/> is relative to; default the current folder.</param>
    /// <param name="teamFileSearchStart">
    /// Where the walk up for <c>.openapi-lint.json</c> starts: the MSBuild task passes the project folder, so a document
    /// generated into <c>../openapi</c> gets the project's team file; <c>null</c>: from each document's own folder (the
    /// tool), or from <paramref name="baseDirectory"/> when there is no document (<c>explain</c>).
    /// </param>
    /// <param name="rules">The rules the linter runs, when they are not only the built-in ones: a ruleset may configure their ids too.</param>
    public RulesetResolver(string? explicitRuleset, string? baseDirectory = null, string? teamFileSearchStart = null, IEnumerable<IRule>? rules = null)
    {
        _explicitRuleset = explicitRuleset;
        _baseDirectory = Path.GetFullPath(baseDirectory ?? Directory.GetCurrentDirectory());
        _teamFileSearchStart = teamFileSearchStart is null ? null : Path.GetFullPath(teamFileSearchStart, _baseDirectory);
        // A ruleset may configure the rules the linter runs: the catalog's, and any other it was given.
        _ruleIds = rules is null
            ? RuleCatalog.Ids
            : RuleCatalog.Ids.Concat(rules.Select(rule => rule.Descriptor.Id)).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The ruleset for the document at <paramref name="documentPath"/>.</summary>
    public RulesetLoadResult ForDocument(string documentPath) =>
        Resolve(_teamFileSearchStart ?? Path.GetDirectoryName(Path.GetFullPath(documentPath, _baseDirectory)) ?? _baseDirectory);

    /// <summary>
    /// The ruleset when no document is at hand (<c>explain</c>, <c>init --extends</c>): the team file is looked for
    /// from the search start, else from the base folder.
    /// </summary>
    public RulesetLoadResult ForFolder() => Resolve(_teamFileSearchStart ?? _baseDirectory);

    /// <summary>The built-in or the file (relative to the base folder) <paramref name="nameOrPath"/> names.</summary>
    private RulesetLoadResult Load(string nameOrPath) =>
        Cached(RulesetLoader.IsName(nameOrPath, _baseDirectory) ? nameOrPath : Path.GetFullPath(nameOrPath, _baseDirectory), () => RulesetLoader.Load(nameOrPath, _baseDirectory, _ruleIds));

    private RulesetLoadResult Resolve(string searchStart)
    {
        if (_explicitRuleset is not null)
        {
            return Load(_explicitRuleset);
        }

        var teamFile = RulesetLoader.FindTeamFile(searchStart);
        return teamFile is null
            ? Cached(BuiltInRulesets.DefaultName, () => RulesetLoader.LoadBuiltIn(BuiltInRulesets.DefaultName, _ruleIds))
            : Cached(teamFile, () => RulesetLoader.LoadFile(teamFile, _ruleIds));
    }

    private RulesetLoadResult Cached(string key, Func<RulesetLoadResult> load) =>
        _loaded.GetOrAdd(key, _ => new Lazy<RulesetLoadResult>(load)).Value;
}
