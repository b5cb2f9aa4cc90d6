using System.Collections.Concurrent;
using OpenApiLint.Core.Diagnostics;

namespace OpenApiLint.Core.Rulesets;

/// <summary>
/// An effective ruleset: everything it extends merged, ready for the rules to read. Immutable; the per-operation
/// rulesets that overrides produce are cached, so linting many operations against a few overrides stays cheap.
/// </summary>
public sealed class Ruleset
{
    private ConcurrentDictionary<string, Ruleset> _overridden = new(StringComparer.Ordinal);

    private Ruleset()
    {
    }

    /// <summary>A ruleset that allows everything and turns every rule on at its default severity.</summary>
    public static Ruleset Empty { get; } = new();

    /// <summary>Name used in messages (<c>minimal-codes</c>).</summary>
    public string Name { get; private init; } = "ruleset";

    public string? Title { get; private init; }

    public string? Description { get; private init; }

    /// <summary>The guideline the ruleset encodes.</summary>
    public string? Source { get; private init; }

    /// <summary>The file it was loaded from; <c>null</c> for a built-in.</summary>
    public string? FilePath { get; private set; }

    /// <summary>What it extends, outermost first (built-in names and file paths), for reports.</summary>
    public IReadOnlyList<string> Extends { get; private set; } = [];

    public IReadOnlyDictionary<string, MethodPolicy> Methods { get; private init; } = new Dictionary<string, MethodPolicy>(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyDictionary<string, CodePolicy> Codes { get; private init; } = new Dictionary<string, CodePolicy>(StringComparer.OrdinalIgnoreCase);

    public DefaultResponsePolicy Default { get; private init; } = new(Allowed: true, SatisfiesRequired: false);

    public RangePolicy Ranges { get; private init; } = new(RangeAllowance.Explicit, SatisfiesRequired: false);

    /// <summary>Whether webhooks' operations are linted (default: skipped, their responses are the subscriber's).</summary>
    public OperationScope Webhooks { get; private init; } = OperationScope.Skip;

    /// <summary>Whether callbacks' operations are linted (default: skipped, their responses are the subscriber's).</summary>
    public OperationScope Callbacks { get; private init; } = OperationScope.Skip;

    /// <summary>At most this many distinct codes in one document; <c>null</c>: no cap.</summary>
    public int? MaxDistinctCodes { get; private init; }

    public IReadOnlyDictionary<string, RuleSetting> Rules { get; private init; } = new Dictionary<string, RuleSetting>(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<RulesetOverride> Overrides { get; private init; } = [];

    /// <summary>Each sentence (rationale) the ruleset quotes → the file it was written in.</summary>
    public IReadOnlyDictionary<string, GuidelineOrigin> SentenceOrigins { get; private init; } = new Dictionary<string, GuidelineOrigin>(StringComparer.Ordinal);

    /// <summary>The guideline <paramref name="sentence"/> was written in; <c>null</c> for none or a sentence the ruleset does not hold.</summary>
    public GuidelineOrigin? OriginOf(string? sentence) =>
        sentence is not null && SentenceOrigins.TryGetValue(sentence, out var origin) ? origin : null;

    /// <summary>
    /// The file to cite for <paramref name="sentence"/>: the one that wrote it, else this ruleset itself (a sentence
    /// given in code, not read from a file).
    /// </summary>
    public GuidelineOrigin CitationOf(string sentence) => OriginOf(sentence) ?? new GuidelineOrigin(Title ?? Name, Source);

    /// <summary>The key under <c>methods</c> whose policy holds for every method the ruleset does not list.</summary>
    public const string OtherMethods = "*";

    /// <summary>The policy for <paramref name="method"/>: its own, else the one for every other method (<c>*</c>), else none.</summary>
    public MethodPolicy? ForMethod(string method) => Methods.GetValueOrDefault(method) ?? Methods.GetValueOrDefault(OtherMethods);

    /// <summary>The policy for a status key: its own, else its range's (<c>4XX</c>), else none.</summary>
    public CodePolicy? ForCode(string statusKey)
    {
        if (Codes.TryGetValue(statusKey, out var policy))
        {
            return policy;
        }

        return StatusCodes.RangeOf(statusKey) is { } range && range != statusKey ? Codes.GetValueOrDefault(range) : null;
    }

    /// <summary>The severity of a rule under this ruleset.</summary>
    public Severity SeverityOf(string ruleId, Severity defaultSeverity) =>
        Rules.TryGetValue(ruleId, out var setting) && setting.Severity is { } severity ? severity : defaultSeverity;

    /// <summary>The ruleset in force for one operation: this one with every matching override applied in order.</summary>
    public Ruleset ForOperation(string path, string method)
    {
        if (Overrides.Count == 0)
        {
            return this;
        }

        // Most operations match no override: that is found without allocating (the linter and the report ask for every
        // operation, and Microsoft Graph has 22,000).
        var first = 0;
        while (first < Overrides.Count && !Overrides[first].Matches(path, method))
        {
            first++;
        }

        if (first == Overrides.Count)
        {
            return this;
        }

        var matching = new List<int> { first };
        for (var i = first + 1; i < Overrides.Count; i++)
        {
            if (Overrides[i].Matches(path, method))
            {
                matching.Add(i);
            }
        }

        return _overridden.GetOrAdd(string.Join(',', matching), _ =>
        {
            var result = this;
            foreach (var index in matching)
            {
                result = result.Apply(Overrides[index].Patch, keepOverrides: false);
            }

            return result;
        });
    }

    /// <summary>This ruleset with <paramref name="patch"/> merged on top (see docs/ruleset-format.md, "Merging").</summary>
    public Ruleset Apply(RulesetPatch patch, bool keepOverrides = true)
    {
        // The sentences this patch writes are its file's, whatever title the merged ruleset ends up with.
        // A patch with no name of its own (made in code) continues the ruleset it is applied to.
        var author = patch.Author
            ?? ((patch.Title ?? patch.Name) is { } own ? new GuidelineOrigin(own, patch.Source) : new GuidelineOrigin(Title ?? Name, Source));
        var origins = new Dictionary<string, GuidelineOrigin>(SentenceOrigins, StringComparer.Ordinal);
        void Cite(string? sentence)
        {
            if (sentence is not null)
            {
                origins[sentence] = author;
            }
        }

        void CiteAll(IReadOnlyDictionary<string, RequirementSetting>? settings)
        {
            foreach (var setting in settings?.Values ?? [])
            {
                Cite(setting.Rationale);
            }
        }

        var methods = new Dictionary<string, MethodPolicy>(Methods, StringComparer.OrdinalIgnoreCase);
        // '*' first: a method this patch lists for the first time starts from the policy that held for it until now,
        // the '*' one, which this same patch may change.
        foreach (var method in OtherMethodsFirst(patch.Methods.Keys))
        {
            var change = patch.Methods[method];
            var inherited = methods.GetValueOrDefault(method) ?? (method == OtherMethods ? null : methods.GetValueOrDefault(OtherMethods));
            IEnumerable<string>? allowed = change.Allowed ?? inherited?.Allowed;
            // No inherited list means any code is allowed: adding codes to that must not narrow it to the added ones.
            if (change.AddAllowed is { } added && allowed is not null)
            {
                allowed = allowed.Concat(added);
            }

            if (change.RemoveAllowed is { } removed && allowed is not null)
            {
                allowed = allowed.Except(removed, StringComparer.OrdinalIgnoreCase);
            }

            Cite(change.Rationale);
            methods[method] = new MethodPolicy(
                allowed?.Select(StatusCodes.Normalize).Distinct(StringComparer.OrdinalIgnoreCase).ToArray(),
                (change.Required ?? inherited?.Required ?? []).Select(StatusCodes.Normalize).ToArray(),
                change.Rationale ?? inherited?.Rationale);
        }

        var codes = new Dictionary<string, CodePolicy>(Codes, StringComparer.OrdinalIgnoreCase);

        // A rule severity set by this patch is the later word: it replaces the severities the inherited requirements of
        // that rule gave themselves (their sentences stay). Within the patch, its own code policies are more specific.
        foreach (var (id, change) in patch.Rules)
        {
            if (change.Severity is not null)
            {
                foreach (var (code, policy) in codes.ToArray())
                {
                    codes[code] = WithoutSeverities(policy, id);
                }
            }
        }

        foreach (var (code, change) in patch.Codes)
        {
            var inherited = codes.GetValueOrDefault(StatusCodes.Normalize(code)) ?? CodePolicy.Empty;
            Cite(change.Rationale);
            Cite(change.BodySetting?.Rationale);
            CiteAll(change.ResponseHeaderSettings);
            CiteAll(change.RequestHeaderSettings);
            CiteAll(change.ErrorBodyPropertySettings);

            // A severity set on the code is the later, wider word: it replaces the severities the inherited
            // requirements gave themselves (their sentences stay).
            if (change.Severity is not null)
            {
                inherited = WithoutSeverities(inherited, ruleId: null);
            }

            codes[StatusCodes.Normalize(code)] = new CodePolicy(
                change.ResponseHeaders ?? inherited.ResponseHeaders,
                change.Body ?? inherited.Body,
                change.RequestHeaders ?? inherited.RequestHeaders,
                change.ErrorBodyProperties ?? inherited.ErrorBodyProperties,
                change.Rationale ?? inherited.Rationale)
            {
                // A requirement given anew does not keep the severity an inherited code policy gave the old one.
                ResponseHeadersSeverity = change.Severity ?? (change.ResponseHeaders is null ? inherited.ResponseHeadersSeverity : null),
                BodySeverity = change.Severity ?? (change.Body is null ? inherited.BodySeverity : null),
                RequestHeadersSeverity = change.Severity ?? (change.RequestHeaders is null ? inherited.RequestHeadersSeverity : null),
                ErrorBodyPropertiesSeverity = change.Severity ?? (change.ErrorBodyProperties is null ? inherited.ErrorBodyPropertiesSeverity : null),
                BodySetting = change.Body is not null ? Stamped(change.BodySetting ?? RequirementSetting.None, author) : inherited.BodySetting,
                ResponseHeaderSettings = change.ResponseHeaders is not null ? Settings(change.ResponseHeaderSettings, author) : inherited.ResponseHeaderSettings,
                RequestHeaderSettings = change.RequestHeaders is not null ? Settings(change.RequestHeaderSettings, author) : inherited.RequestHeaderSettings,
                ErrorBodyPropertySettings = change.ErrorBodyProperties is not null ? Settings(change.ErrorBodyPropertySettings, author) : inherited.ErrorBodyPropertySettings,
                // A later sentence without a severity explains the severity that holds.
                SeveritySetWithoutSentenceBy = change.Severity is not null
                    ? (change.Rationale is null ? author : null)
                    : (change.Rationale is null ? inherited.SeveritySetWithoutSentenceBy : null),
            };
        }

        var rules = new Dictionary<string, RuleSetting>(Rules, StringComparer.OrdinalIgnoreCase);
        foreach (var (id, change) in patch.Rules)
        {
            var inherited = rules.GetValueOrDefault(id);
            Cite(change.Rationale);
            rules[id] = new RuleSetting(change.Severity ?? inherited?.Severity, change.Rationale ?? inherited?.Rationale)
            {
                SetBy = change.Severity is not null ? author : inherited?.SetBy,
                // A later sentence without a severity explains the severity that holds.
                SetWithoutSentence = change.Severity is not null ? change.Rationale is null : change.Rationale is null && (inherited?.SetWithoutSentence ?? false),
            };
        }

        return new Ruleset
        {
            Name = patch.Name ?? Name,
            Title = patch.Title ?? Title,
            Description = patch.Description ?? Description,
            Source = patch.Source ?? Source,
            FilePath = FilePath,
            Extends = Extends,
            Methods = methods,
            Codes = codes,
            Default = new DefaultResponsePolicy(patch.DefaultAllowed ?? Default.Allowed, patch.DefaultSatisfiesRequired ?? Default.SatisfiesRequired),
            Ranges = new RangePolicy(patch.RangesAllowed ?? Ranges.Allowed, patch.RangesSatisfyRequired ?? Ranges.SatisfiesRequired),
            MaxDistinctCodes = patch.MaxDistinctCodes ?? MaxDistinctCodes,
            Webhooks = patch.Webhooks ?? Webhooks,
            Callbacks = patch.Callbacks ?? Callbacks,
            Rules = rules,
            Overrides = keepOverrides ? [.. Overrides, .. patch.Overrides.Select(over => over.Patch.Author is null ? over with { Patch = over.Patch with { Author = author } } : over)] : [],
            SentenceOrigins = origins,
        };
    }

    /// <summary>Returns a copy that records where it came from (file and what it extends).</summary>
    internal Ruleset WithOrigin(string? filePath, IReadOnlyList<string> extends)
    {
        var copy = (Ruleset)MemberwiseClone();
        // The per-operation cache holds rulesets derived from this one, origin included: the copy starts its own.
        copy._overridden = new ConcurrentDictionary<string, Ruleset>(StringComparer.Ordinal);
        copy.FilePath = filePath;
        copy.Extends = extends;
        return copy;
    }

    /// <summary>
    /// The methods of a patch with '*' first, the others in their order. A list rather than LINQ over the entries:
    /// generic code over key-value pairs is never precompiled, and was JIT-compiled in every fresh MSBuild node.
    /// </summary>
    private static List<string> OtherMethodsFirst(IEnumerable<string> methods)
    {
        var ordered = new List<string>();
        foreach (var method in methods)
        {
            if (method == OtherMethods)
            {
                ordered.Insert(0, method);
            }
            else
            {
                ordered.Add(method);
            }
        }

        return ordered;
    }

    /// <summary>
    /// <paramref name="policy"/> without the severities its requirements of rule <paramref name="ruleId"/> (all of
    /// them when <c>null</c>) gave themselves, so a later, wider severity setting applies to them.
    /// </summary>
    private static CodePolicy WithoutSeverities(CodePolicy policy, string? ruleId)
    {
        bool Covers(string id) => ruleId is null || string.Equals(ruleId, id, StringComparison.OrdinalIgnoreCase);
        var body = policy.Body switch
        {
            BodyRequirement.Forbidden => Covers(OpenApiLint.Core.Rules.RuleIds.ResponseBodyForbidden),
            BodyRequirement.Expected => Covers(OpenApiLint.Core.Rules.RuleIds.ResponseBodyMissing),
            _ => ruleId is null,
        };
        return policy with
        {
            ResponseHeadersSeverity = Covers(OpenApiLint.Core.Rules.RuleIds.ResponseHeaderMissing) ? null : policy.ResponseHeadersSeverity,
            ResponseHeaderSettings = Covers(OpenApiLint.Core.Rules.RuleIds.ResponseHeaderMissing) ? Reset(policy.ResponseHeaderSettings) : policy.ResponseHeaderSettings,
            BodySeverity = body ? null : policy.BodySeverity,
            BodySetting = body ? policy.BodySetting with { Severity = null, SetWithoutSentenceBy = null } : policy.BodySetting,
            RequestHeadersSeverity = Covers(OpenApiLint.Core.Rules.RuleIds.PreconditionHeaderMissing) ? null : policy.RequestHeadersSeverity,
            RequestHeaderSettings = Covers(OpenApiLint.Core.Rules.RuleIds.PreconditionHeaderMissing) ? Reset(policy.RequestHeaderSettings) : policy.RequestHeaderSettings,
            ErrorBodyPropertiesSeverity = Covers(OpenApiLint.Core.Rules.RuleIds.ErrorBodyPropertiesMissing) ? null : policy.ErrorBodyPropertiesSeverity,
            ErrorBodyPropertySettings = Covers(OpenApiLint.Core.Rules.RuleIds.ErrorBodyPropertiesMissing) ? Reset(policy.ErrorBodyPropertySettings) : policy.ErrorBodyPropertySettings,
        };
    }

    private static IReadOnlyDictionary<string, RequirementSetting> Reset(IReadOnlyDictionary<string, RequirementSetting> settings) =>
        settings.Count == 0 ? settings : settings.ToDictionary(entry => entry.Key, entry => entry.Value with { Severity = null, SetWithoutSentenceBy = null }, StringComparer.OrdinalIgnoreCase);

    private static IReadOnlyDictionary<string, RequirementSetting> Settings(IReadOnlyDictionary<string, RequirementSetting>? settings, GuidelineOrigin author) =>
        (settings ?? new Dictionary<string, RequirementSetting>()).ToDictionary(entry => entry.Key, entry => Stamped(entry.Value, author), StringComparer.OrdinalIgnoreCase);

    /// <summary>A requirement's setting that records <paramref name="author"/> when it sets a severity without a sentence.</summary>
    private static RequirementSetting Stamped(RequirementSetting setting, GuidelineOrigin author) =>
        setting is { Severity: not null, Rationale: null } ? setting with { SetWithoutSentenceBy = author } : setting;
}
