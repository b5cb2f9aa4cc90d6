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

/// <summary>
/// Whether the operations of webhooks or callbacks are linted. Their responses are the subscriber's, not the API's:
/// the guidelines speak of the responses an API returns, so by default they are skipped (and the output says so).
/// </summary>
public enum OperationScope
{
    /// <summary>Not linted; counted and reported as skipped.</summary>
    Skip,

    /// <summary>Linted like the operations under <c>paths</c>.</summary>
    Lint,
}

/// <summary>Whether a document's range key (<c>4XX</c>) needs the range itself allowed, or any code in it.</summary>
public enum RangeAllowance
{
    /// <summary><c>4XX</c> must itself be in the allowed list.</summary>
    Explicit,

    /// <summary>Any allowed code of the range (<c>404</c>) allows <c>4XX</c>.</summary>
    AnyCodeInRange,
}

/// <summary>The codes one HTTP method (or, under the key <c>*</c>, every method the ruleset does not list) may and must document.</summary>
/// <param name="Allowed">The only codes allowed (codes and ranges); <c>null</c>: any code.</param>
/// <param name="Required">Codes every operation of the method must document.</param>
/// <param name="Rationale">The guideline's words behind the policy.</param>
public sealed record MethodPolicy(IReadOnlyList<string>? Allowed, IReadOnlyList<string> Required, string? Rationale);

/// <summary>
/// The severity and the guideline's words of one requirement (one header, the body, one property), where the ruleset
/// gives them; unset parts fall back to the code policy's, then to the rule's setting.
/// </summary>
/// <param name="Severity">The requirement's own severity; <c>null</c>: the code policy's, else the rule's.</param>
/// <param name="Rationale">The sentence the requirement comes from; <c>null</c>: the code policy's.</param>
public sealed record RequirementSetting(Severity? Severity, string? Rationale)
{
    /// <summary>No severity and no rationale of its own.</summary>
    public static RequirementSetting None { get; } = new(null, null);

    /// <summary>
    /// The ruleset file that set <see cref="Severity"/> without a sentence (and no later file gave one): the inherited
    /// sentence then explains another file's severity, and is not quoted for this one; <c>null</c> otherwise.
    /// </summary>
    public GuidelineOrigin? SetWithoutSentenceBy { get; init; }
}

/// <summary>Where one requirement's severity was set without a sentence.</summary>
/// <param name="Setting">The entry below the code, e.g. <c>responseHeaders.Location</c> or <c>body</c>.</param>
/// <param name="By">The ruleset file that set it.</param>
public sealed record RequirementOrigin(string Setting, GuidelineOrigin By);

/// <summary>What a response with one status code (or range) must declare.</summary>
/// <param name="ResponseHeaders">Headers the response must declare.</param>
/// <param name="Body">Whether the response must, should or may declare a body.</param>
/// <param name="RequestHeaders">Request headers of which the operation must accept at least one.</param>
/// <param name="ErrorBodyProperties">Properties the body schema must define.</param>
/// <param name="Rationale">The guideline's words behind the policy.</param>
public sealed record CodePolicy(
    IReadOnlyList<string> ResponseHeaders,
    BodyRequirement Body,
    IReadOnlyList<string> RequestHeaders,
    IReadOnlyList<string> ErrorBodyProperties,
    string? Rationale)
{
    private static readonly IReadOnlyDictionary<string, RequirementSetting> NoSettings = new Dictionary<string, RequirementSetting>();

    /// <summary>A policy that asks nothing.</summary>
    public static CodePolicy Empty { get; } = new([], BodyRequirement.Any, [], [], null);

    /// <summary>The severity of the response headers that give none of their own; <c>null</c>: the rule's (OAL0003).</summary>
    public Severity? ResponseHeadersSeverity { get; init; }

    /// <summary>The severity of the body requirement when it gives none of its own; <c>null</c>: the rule's (OAL0004, OAL0005).</summary>
    public Severity? BodySeverity { get; init; }

    /// <summary>The severity of the precondition headers that give none of their own; <c>null</c>: the rule's (OAL0006).</summary>
    public Severity? RequestHeadersSeverity { get; init; }

    /// <summary>The severity of the error body properties that give none of their own; <c>null</c>: the rule's (OAL0007).</summary>
    public Severity? ErrorBodyPropertiesSeverity { get; init; }

    /// <summary>
    /// The ruleset file whose <c>codes.&lt;code&gt;.severity</c> set this policy's severity without a sentence (and no later
    /// file gave one): the code's inherited sentence may state the severity it replaced, so it is not quoted for it;
    /// <c>null</c> otherwise.
    /// </summary>
    public GuidelineOrigin? SeveritySetWithoutSentenceBy { get; init; }

    /// <summary>The body requirement's own severity and sentence.</summary>
    public RequirementSetting BodySetting { get; init; } = RequirementSetting.None;

    /// <summary>Per response header (case-insensitive): its own severity and sentence, where given.</summary>
    public IReadOnlyDictionary<string, RequirementSetting> ResponseHeaderSettings { get; init; } = NoSettings;

    /// <summary>Per precondition request header (case-insensitive): its own severity and sentence, where given.</summary>
    public IReadOnlyDictionary<string, RequirementSetting> RequestHeaderSettings { get; init; } = NoSettings;

    /// <summary>Per error body property: its own severity and sentence, where given.</summary>
    public IReadOnlyDictionary<string, RequirementSetting> ErrorBodyPropertySettings { get; init; } = NoSettings;

    /// <summary>The severity (<c>null</c>: the rule's) and sentence of the body requirement.</summary>
    public (Severity? Severity, string? Rationale, RequirementOrigin? SetWithoutSentence) OfBody() => Resolve(BodySetting, BodySeverity, "body");

    /// <summary>The severity (<c>null</c>: the rule's) and sentence of the requirement of response header <paramref name="name"/>.</summary>
    public (Severity? Severity, string? Rationale, RequirementOrigin? SetWithoutSentence) OfResponseHeader(string name) =>
        Resolve(ResponseHeaderSettings.GetValueOrDefault(name), ResponseHeadersSeverity, $"responseHeaders.{name}");

    /// <summary>The severity (<c>null</c>: the rule's) and sentence of error body property <paramref name="name"/>.</summary>
    public (Severity? Severity, string? Rationale, RequirementOrigin? SetWithoutSentence) OfErrorBodyProperty(string name) =>
        Resolve(ErrorBodyPropertySettings.GetValueOrDefault(name), ErrorBodyPropertiesSeverity, $"errorBodyProperties.{name}");

    /// <summary>
    /// The severity and sentence of the precondition requirement: the operation must accept one of the headers, so
    /// accepting none breaks the strongest of them (its sentence is shown).
    /// </summary>
    public (Severity? Severity, string? Rationale, RequirementOrigin? SetWithoutSentence) OfRequestHeaders()
    {
        var strongest = RequirementSetting.None;
        var strongestName = "";
        foreach (var header in RequestHeaders)
        {
            if (RequestHeaderSettings.GetValueOrDefault(header) is { Severity: { } severity } setting
                && (strongest.Severity is not { } current || severity > current))
            {
                strongest = setting;
                strongestName = header;
            }
        }

        return Resolve(strongest, RequestHeadersSeverity, $"requestHeaders.{strongestName}");
    }

    /// <remarks>
    /// The third part names where the requirement's own severity was set without a sentence, so the code's inherited
    /// sentence (which may state another severity) is not quoted for it.
    /// </remarks>
    private (Severity? Severity, string? Rationale, RequirementOrigin? SetWithoutSentence) Resolve(RequirementSetting? setting, Severity? kindSeverity, string entry) =>
        (setting?.Severity ?? kindSeverity,
         setting?.Rationale ?? Rationale,
         setting is { Severity: not null, Rationale: null, SetWithoutSentenceBy: { } by } ? new RequirementOrigin(entry, by) : null);
}

/// <summary>How <c>default</c> responses count.</summary>
public sealed record DefaultResponsePolicy(bool Allowed, bool SatisfiesRequired);

/// <summary>How range keys (<c>4XX</c>) in documents count.</summary>
public sealed record RangePolicy(RangeAllowance Allowed, bool SatisfiesRequired);

/// <summary>A rule's severity in a ruleset, and why.</summary>
/// <param name="Severity">
/// The severity the ruleset sets; <c>null</c> when an entry gives only a rationale, so the rule's default applies
/// (<see cref="Ruleset.SeverityOf"/>): a ruleset knows rule ids, not the rules behind them.
/// </param>
/// <param name="Rationale">The guideline's words behind the setting.</param>
public sealed record RuleSetting(Severity? Severity, string? Rationale)
{
    /// <summary>The ruleset file whose entry set <see cref="Severity"/>; <c>null</c> when none set it.</summary>
    public GuidelineOrigin? SetBy { get; init; }

    /// <summary>
    /// Whether the file that set <see cref="Severity"/> gave no sentence for it (and no later file gave one): an
    /// inherited <see cref="Rationale"/> then explains another file's severity, and is not quoted for this one.
    /// </summary>
    public bool SetWithoutSentence { get; init; }
}

/// <summary>
/// The guideline a sentence was written in: the title (else the name) and <c>source</c> of the ruleset file that wrote
/// it, kept through <c>extends</c> and overrides, so a team file that extends a built-in is not credited with its
/// sentences.
/// </summary>
/// <param name="Title">The file's <c>title</c>, else its name.</param>
/// <param name="Source">The file's <c>source</c>, if it gives one.</param>
public sealed record GuidelineOrigin(string Title, string? Source);

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
    public bool Matches(string path, string method)
    {
        // Indexed loops: asked for every operation, a lambda or an enumerator per call would be most of what it costs.
        if (Methods is not null)
        {
            var listed = false;
            for (var i = 0; i < Methods.Count && !listed; i++)
            {
                listed = string.Equals(Methods[i], method, StringComparison.OrdinalIgnoreCase);
            }

            if (!listed)
            {
                return false;
            }
        }

        for (var i = 0; i < Paths.Count; i++)
        {
            if (PathGlob.IsMatch(Paths[i], path))
            {
                return true;
            }
        }

        return false;
    }
}
