namespace OpenApiLint.Core.Diagnostics;

/// <summary>One finding of one rule, with everything every output format needs.</summary>
/// <param name="RuleId">The stable rule id, <c>OAL0001</c>.</param>
/// <param name="Severity">The effective severity after the ruleset and its overrides.</param>
/// <param name="Message">What is wrong and what the ruleset wants.</param>
/// <param name="Location">Where the finding is reported (for a <c>$ref</c>'d response: the reference site).</param>
/// <param name="RelatedLocations">Further places worth showing, such as the definition behind a <c>$ref</c>.</param>
/// <param name="Path">The OpenAPI path template, when the finding concerns an operation.</param>
/// <param name="Method">The lower-case HTTP method, when the finding concerns an operation.</param>
/// <param name="StatusCode">The response key (<c>201</c>, <c>4XX</c>, <c>default</c>), when the finding concerns one.</param>
/// <param name="Rationale">The guideline's words behind the requirement, from the ruleset.</param>
/// <param name="Declaration">
/// Where the project's source (C#) declares what the finding is about: the status code's own declaration for a
/// finding about one response, the endpoint for a finding about the operation. <c>null</c> when not located (no
/// project given, not found, or more than one candidate); <see cref="Location"/> is always the document position.
/// </param>
public sealed record Diagnostic(
    string RuleId,
    Severity Severity,
    string Message,
    SourceLocation Location,
    IReadOnlyList<SourceLocation> RelatedLocations,
    string? Path = null,
    string? Method = null,
    string? StatusCode = null,
    string? Rationale = null,
    SourceLocation? Declaration = null)
{
    /// <summary>
    /// What the finding is about beyond its operation and status code: the missing header(s), body properties or status
    /// codes, the request headers a conditional code needs, the <c>$ref</c> target (comma-separated when several, in
    /// the order the rule names them); <c>null</c> when the status code says it all.
    /// </summary>
    public string? Subject { get; init; }

    /// <summary>
    /// The title of the guideline <see cref="Rationale"/> quotes: the <c>title</c> (else the name) of the ruleset file
    /// that wrote the sentence, through <c>extends</c> and overrides (a team file that extends a built-in cites the
    /// built-in for the built-in's sentences); <c>null</c> when the finding has no rationale.
    /// </summary>
    public string? Guideline { get; init; }

    /// <summary>The <c>source</c> of the ruleset file that wrote <see cref="Rationale"/>, if it gives one.</summary>
    public string? GuidelineSource { get; init; }

    /// <summary>
    /// The title (else name) of the ruleset file whose rule setting gave <see cref="Severity"/> without a sentence of its
    /// own, when <see cref="Rationale"/> (if any) was written elsewhere: <see cref="SeverityFrom"/> then reads
    /// <c>rules.OAL0001 in “Team rules”</c>, and no inherited sentence for another severity is quoted. <c>null</c> otherwise.
    /// </summary>
    public string? SeveritySetIn { get; init; }

    /// <summary>
    /// Where <see cref="Severity"/> was set when it is not the requirement's own: the ruleset's setting for the rule,
    /// <c>rules.OAL0004</c> (a team file that lowers a rule replaces the severities its requirements gave themselves);
    /// <c>null</c> when the requirement's (or code's) own severity applied, or the rule's default.
    /// </summary>
    public string? SeverityFrom { get; init; }

    /// <summary>
    /// The sentence behind <see cref="SeverityFrom"/>'s setting, when it has one and <see cref="Rationale"/> quotes
    /// another (the requirement's); <c>null</c> otherwise.
    /// </summary>
    public string? SeverityRationale { get; init; }

    /// <summary>
    /// The title (else name) of the ruleset file that wrote <see cref="SeverityRationale"/>, through <c>extends</c> and
    /// overrides, as <see cref="Guideline"/> is for <see cref="Rationale"/>; <c>null</c> when there is no such sentence.
    /// </summary>
    public string? SeverityGuideline { get; init; }

    /// <summary>
    /// How the finding was suppressed (in the document, or by a baseline), with the justification where one was given;
    /// <c>null</c> for a finding that is reported. Suppressed findings are kept, never dropped: outputs decide how to
    /// show them, and exit codes and build results count only the unsuppressed ones.
    /// </summary>
    public Suppression? Suppression { get; init; }

    /// <summary>Whether the finding is suppressed (kept, not reported).</summary>
    public bool IsSuppressed => Suppression is not null;

    /// <summary>
    /// The finding's identity, which survives edits of the document: rule, method, path template, status code and
    /// subject, never line, column or message. Baselines, JUnit test names and SARIF fingerprints use it.
    /// </summary>
    public Fingerprint Fingerprint => new(RuleId, Method, Path, StatusCode, Subject);

    /// <summary>Orders diagnostics by file, line, column, rule id and message, so every output is deterministic.</summary>
    public static IComparer<Diagnostic> Order { get; } = Comparer<Diagnostic>.Create(static (a, b) =>
    {
        var byFile = string.CompareOrdinal(a.Location.File, b.Location.File);
        if (byFile != 0) return byFile;
        var byLine = a.Location.Line.CompareTo(b.Location.Line);
        if (byLine != 0) return byLine;
        var byColumn = a.Location.Column.CompareTo(b.Location.Column);
        if (byColumn != 0) return byColumn;
        var byRule = string.CompareOrdinal(a.RuleId, b.RuleId);
        return byRule != 0 ? byRule : string.CompareOrdinal(a.Message, b.Message);
    });
}
