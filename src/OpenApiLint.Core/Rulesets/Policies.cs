using OpenApiLint.Core.Diagnostics;

namespace OpenApiLint.Core.Rulesets;

/// <summary>What a response of one status code must carry.</summary>
public enum BodyRequirement
{
    /// <summary>No requirement.</summary>
    Any,

    /// <summary>The response must not declare a body (204, 304).</summary>
    Forbidden,

    /// <summary>The response should declare a body (200, 202).</summary>
    Expected,
}

/// <summary>Whether a document's range key (<c>4XX</c>) needs the range itself allowed, or any code in it.</summary>
public enum RangeAllowance
{
    /// <summary><c>4XX</c> must itself be in the allowed list.</summary>
    Explicit,

    /// <summary>Any allowed code of the range (<c>404</c>) allows <c>4XX</c>.</summary>
    AnyCodeInRange,
}

/// <summary>The codes one HTTP method may and must document.</summary>
/// <param name="Allowed">The only codes allowed (codes and ranges); <c>null</c>: any code.</param>
/// <param name="Required">Codes every operation of the method must document.</param>
/// <param name="Rationale">The guideline's words behind the policy.</param>
public sealed record MethodPolicy(IReadOnlyList<string>? Allowed, IReadOnlyList<string> Required, string? Rationale);

/// <summary>What a response with one status code (or range) must declare.</summary>
public sealed record CodePolicy(
    IReadOnlyList<string> ResponseHeaders,
    BodyRequirement Body,
    IReadOnlyList<string> RequestHeaders,
    IReadOnlyList<string> ErrorBodyProperties,
    string? Rationale)
{
    /// <summary>A policy that asks nothing.</summary>
    public static CodePolicy Empty { get; } = new([], BodyRequirement.Any, [], [], null);
}

/// <summary>How <c>default</c> responses count.</summary>
public sealed record DefaultResponsePolicy(bool Allowed, bool SatisfiesRequired);

/// <summary>How range keys (<c>4XX</c>) in documents count.</summary>
public sealed record RangePolicy(RangeAllowance Allowed, bool SatisfiesRequired);

/// <summary>A rule's severity in a ruleset, and why.</summary>
public sealed record RuleSetting(Severity Severity, string? Rationale);

/// <summary>A partial ruleset applied to the operations whose path matches one of <see cref="Paths"/>.</summary>
/// <param name="Paths">Glob patterns over path templates (<c>/legacy/**</c>).</param>
/// <param name="Methods">Lower-case methods the override is limited to; <c>null</c>: all.</param>
/// <param name="Patch">What changes for matching operations.</param>
public sealed record RulesetOverride(IReadOnlyList<string> Paths, IReadOnlyList<string>? Methods, RulesetPatch Patch)
{
    /// <summary>
    /// Where the override is written (the ruleset file, the pointer <c>/overrides/0</c>, its line and column);
    /// <c>null</c> for one built in or made in code. An override that matches nothing is reported there.
    /// </summary>
    public SourceLocation? Source { get; init; }

    /// <summary>How messages name it: its paths, and its methods when it has some.</summary>
    public string DisplayName => $"override {{ paths: [{string.Join(", ", Paths)}]{(Methods is null ? "" : $", methods: [{string.Join(", ", Methods)}]")} }}";

    /// <summary>Whether the override applies to <paramref name="method"/> <paramref name="path"/>.</summary>
    public bool Matches(string path, string method) =>
        (Methods is null || Methods.Contains(method, StringComparer.OrdinalIgnoreCase)) && Paths.Any(pattern => PathGlob.IsMatch(pattern, path));
}
