using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Rules;
using OpenApiLint.Core.Rulesets;

namespace OpenApiLint.Cli.Commands;

/// <summary>
/// The guideline's words behind a rule in one ruleset: the rationales of the policies the rule enforces (method lists
/// for OAL0001, header requirements for OAL0003, …) and of the rule's own severity setting.
/// </summary>
internal static class RuleRationales
{
    /// <summary>(what the ruleset asks, why) pairs; empty when the ruleset does not configure the rule.</summary>
    public static IReadOnlyList<(string Subject, string Rationale)> For(string ruleId, Ruleset ruleset)
    {
        var entries = new List<(string Subject, string? Rationale)>();
        var ruleSeverity = ruleset.SeverityOf(ruleId, RuleCatalog.Find(ruleId)?.Descriptor.DefaultSeverity ?? Severity.Warning);

        // Each requirement with the severity that applies to it: its own, else its code's, else the rule's.
        string With(string subject, Severity? own) =>
            $"{subject} ({(ruleSeverity == Severity.Off ? Severity.Off : own ?? ruleSeverity).ToName()})";
        switch (ruleId)
        {
            case RuleIds.StatusCodeNotAllowed:
                entries.AddRange(Methods(ruleset, policy => policy.Allowed is not null, policy => With($"allows {StatusCodes.Join(policy.Allowed!)}", null)));
                break;
            case RuleIds.RequiredStatusCodeMissing:
                entries.AddRange(Methods(ruleset, policy => policy.Required.Count > 0, policy => With($"requires {StatusCodes.Join(policy.Required)}", null)));
                break;
            case RuleIds.ResponseHeaderMissing:
                entries.AddRange(Codes(ruleset, policy => policy.ResponseHeaders
                    .GroupBy(policy.OfResponseHeader)
                    .Select(group => (With($"needs the header {string.Join(" and ", group)}", group.Key.Severity), group.Key.Rationale))));
                break;
            case RuleIds.ResponseBodyForbidden:
                entries.AddRange(Codes(ruleset, policy => policy.Body == BodyRequirement.Forbidden
                    ? [(With("must not declare a body", policy.OfBody().Severity), policy.OfBody().Rationale)]
                    : []));
                break;
            case RuleIds.ResponseBodyMissing:
                entries.AddRange(Codes(ruleset, policy => policy.Body == BodyRequirement.Expected
                    ? [(With("should declare a body (never on HEAD)", policy.OfBody().Severity), policy.OfBody().Rationale)]
                    : []));
                break;
            case RuleIds.PreconditionHeaderMissing:
                entries.AddRange(Codes(ruleset, policy => policy.RequestHeaders.Count > 0
                    ? [(With($"needs the request header {string.Join(" or ", policy.RequestHeaders)}", policy.OfRequestHeaders().Severity), policy.OfRequestHeaders().Rationale)]
                    : []));
                break;
            case RuleIds.ErrorBodyPropertiesMissing:
                entries.AddRange(Codes(ruleset, policy => policy.ErrorBodyProperties
                    .GroupBy(policy.OfErrorBodyProperty)
                    .Select(group => (With($"needs the body properties {string.Join(", ", group)}", group.Key.Severity), group.Key.Rationale))));
                break;
            case RuleIds.TooManyDistinctCodes when ruleset.MaxDistinctCodes is { } cap:
                entries.Add(($"at most {cap} distinct codes", null));
                break;
            case RuleIds.DefaultResponseNotAllowed when !ruleset.Default.Allowed:
                entries.Add(("no default responses", null));
                break;
        }

        if (ruleset.Rules.TryGetValue(ruleId, out var setting) && setting.Rationale is not null)
        {
            entries.Add(($"severity {setting.Severity.ToName()}", setting.Rationale));
        }

        return entries.Where(entry => entry.Rationale is not null).Select(entry => (entry.Subject, entry.Rationale!)).ToArray();
    }

    private static IEnumerable<(string, string?)> Methods(Ruleset ruleset, Func<MethodPolicy, bool> applies, Func<MethodPolicy, string> describe)
    {
        var listed = InferredRuleset.PolicyMethods.Where(ruleset.Methods.ContainsKey).ToArray();
        foreach (var method in listed)
        {
            if (ruleset.Methods[method] is var policy && applies(policy))
            {
                yield return ($"{method.ToUpperInvariant()} {describe(policy)}", policy.Rationale);
            }
        }

        // The '*' policy once, naming the methods it holds for.
        var others = InferredRuleset.PolicyMethods.Except(listed).Select(method => method.ToUpperInvariant()).ToArray();
        if (others.Length > 0 && ruleset.Methods.GetValueOrDefault(Ruleset.OtherMethods) is { } other && applies(other))
        {
            yield return ($"{string.Join(", ", others)} {describe(other)}", other.Rationale);
        }
    }

    private static IEnumerable<(string, string?)> Codes(Ruleset ruleset, Func<CodePolicy, IEnumerable<(string Subject, string? Rationale)>> requirements) =>
        ruleset.Codes
            .OrderBy(entry => entry.Key, StatusCodes.Order)
            .SelectMany(entry => requirements(entry.Value).Select(requirement => ($"{entry.Key} {requirement.Subject}", requirement.Rationale)));
}
