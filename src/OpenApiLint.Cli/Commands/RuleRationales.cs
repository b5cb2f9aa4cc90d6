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
        switch (ruleId)
        {
            case RuleIds.StatusCodeNotAllowed:
                entries.AddRange(Methods(ruleset, policy => policy.Allowed is not null, policy => $"allows {StatusCodes.Join(policy.Allowed!)}"));
                break;
            case RuleIds.RequiredStatusCodeMissing:
                entries.AddRange(Methods(ruleset, policy => policy.Required.Count > 0, policy => $"requires {StatusCodes.Join(policy.Required)}"));
                break;
            case RuleIds.ResponseHeaderMissing:
                entries.AddRange(Codes(ruleset, policy => policy.ResponseHeaders.Count > 0, policy => $"needs the header {string.Join(" and ", policy.ResponseHeaders)}"));
                break;
            case RuleIds.ResponseBodyForbidden:
                entries.AddRange(Codes(ruleset, policy => policy.Body == BodyRequirement.Forbidden, _ => "must not declare a body"));
                break;
            case RuleIds.ResponseBodyMissing:
                entries.AddRange(Codes(ruleset, policy => policy.Body == BodyRequirement.Expected, _ => "should declare a body"));
                break;
            case RuleIds.PreconditionHeaderMissing:
                entries.AddRange(Codes(ruleset, policy => policy.RequestHeaders.Count > 0, policy => $"needs the request header {string.Join(" or ", policy.RequestHeaders)}"));
                break;
            case RuleIds.ErrorBodyPropertiesMissing:
                entries.AddRange(Codes(ruleset, policy => policy.ErrorBodyProperties.Count > 0, policy => $"needs the body properties {string.Join(", ", policy.ErrorBodyProperties)}"));
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

    private static IEnumerable<(string, string?)> Methods(Ruleset ruleset, Func<MethodPolicy, bool> applies, Func<MethodPolicy, string> describe) =>
        InferredRuleset.PolicyMethods
            .Select(method => (Method: method, Policy: ruleset.ForMethod(method)))
            .Where(entry => entry.Policy is not null && applies(entry.Policy))
            .Select(entry => ($"{entry.Method.ToUpperInvariant()} {describe(entry.Policy!)}", entry.Policy!.Rationale));

    private static IEnumerable<(string, string?)> Codes(Ruleset ruleset, Func<CodePolicy, bool> applies, Func<CodePolicy, string> describe) =>
        ruleset.Codes
            .Where(entry => applies(entry.Value))
            .OrderBy(entry => entry.Key, StatusCodes.Order)
            .Select(entry => ($"{entry.Key} {describe(entry.Value)}", entry.Value.Rationale));
}
