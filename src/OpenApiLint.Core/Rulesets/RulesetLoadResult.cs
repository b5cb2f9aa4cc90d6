using OpenApiLint.Core.Diagnostics;

namespace OpenApiLint.Core.Rulesets;

/// <summary>Either an effective ruleset or every error that kept it from loading (with file, line and column).</summary>
public sealed record RulesetLoadResult(Ruleset? Ruleset, IReadOnlyList<LoadError> Errors)
{
    /// <summary>Whether <see cref="Ruleset"/> is set.</summary>
    public bool Succeeded => Ruleset is not null;
}
