namespace OpenApiLint.Core.Rulesets;

/// <summary>Changes to one method's policy, as a ruleset file writes them.</summary>
public sealed record MethodPolicyPatch(
    IReadOnlyList<string>? Allowed,
    IReadOnlyList<string>? AddAllowed,
    IReadOnlyList<string>? RemoveAllowed,
    IReadOnlyList<string>? Required,
    string? Rationale);

/// <summary>Changes to one code's policy, as a ruleset file writes them; unset properties are inherited.</summary>
public sealed record CodePolicyPatch(
    IReadOnlyList<string>? ResponseHeaders,
    BodyRequirement? Body,
    IReadOnlyList<string>? RequestHeaders,
    IReadOnlyList<string>? ErrorBodyProperties,
    string? Rationale)
{
    /// <summary>The code policy's <c>severity</c>: for its requirements that give none of their own.</summary>
    public Diagnostics.Severity? Severity { get; init; }

    /// <summary>The body's own severity and sentence (<c>body</c> written as an object); set with <see cref="Body"/>.</summary>
    public RequirementSetting? BodySetting { get; init; }

    /// <summary>Per response header written as an object: its severity and sentence; set with <see cref="ResponseHeaders"/>.</summary>
    public IReadOnlyDictionary<string, RequirementSetting>? ResponseHeaderSettings { get; init; }

    /// <summary>Per request header written as an object: its severity and sentence; set with <see cref="RequestHeaders"/>.</summary>
    public IReadOnlyDictionary<string, RequirementSetting>? RequestHeaderSettings { get; init; }

    /// <summary>Per error body property written as an object: its severity and sentence; set with <see cref="ErrorBodyProperties"/>.</summary>
    public IReadOnlyDictionary<string, RequirementSetting>? ErrorBodyPropertySettings { get; init; }
}

/// <summary>
/// One ruleset file (or one override's partial ruleset) as written: every property optional, applied on top of what
/// it extends by <see cref="Ruleset.Apply"/>.
/// </summary>
public sealed record RulesetPatch
{
    public string? Name { get; init; }

    public string? Title { get; init; }

    public string? Description { get; init; }

    public string? Source { get; init; }

    public IReadOnlyList<string> Extends { get; init; } = [];

    public IReadOnlyDictionary<string, MethodPolicyPatch> Methods { get; init; } = new Dictionary<string, MethodPolicyPatch>();

    public IReadOnlyDictionary<string, CodePolicyPatch> Codes { get; init; } = new Dictionary<string, CodePolicyPatch>();

    public bool? DefaultAllowed { get; init; }

    public bool? DefaultSatisfiesRequired { get; init; }

    public RangeAllowance? RangesAllowed { get; init; }

    public bool? RangesSatisfyRequired { get; init; }

    public int? MaxDistinctCodes { get; init; }

    /// <summary>Whether webhooks' operations are linted (<c>webhooks</c>).</summary>
    public OperationScope? Webhooks { get; init; }

    /// <summary>Whether callbacks' operations are linted (<c>callbacks</c>).</summary>
    public OperationScope? Callbacks { get; init; }

    public IReadOnlyDictionary<string, RuleSettingPatch> Rules { get; init; } = new Dictionary<string, RuleSettingPatch>();

    public IReadOnlyList<RulesetOverride> Overrides { get; init; } = [];

    /// <summary>
    /// The file the patch's sentences were written in (an override's is the file that holds it); <c>null</c>: this
    /// patch's own title (else name) and source.
    /// </summary>
    public GuidelineOrigin? Author { get; init; }
}

/// <summary>A rule's severity and rationale as written; unset parts are inherited.</summary>
public sealed record RuleSettingPatch(Diagnostics.Severity? Severity, string? Rationale);
