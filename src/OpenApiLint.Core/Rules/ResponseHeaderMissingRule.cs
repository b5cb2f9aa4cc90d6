using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Rulesets;

namespace OpenApiLint.Core.Rules;

/// <summary>A response does not declare a header its status code requires (Location on 201, Allow on 405).</summary>
public sealed class ResponseHeaderMissingRule : IRule
{
    private static readonly RuleMessage HeaderMissing = new("header-missing", "{operation} {status} response does not declare the {names} header; {ruleset} requires {required} on {status}");

    private static readonly RuleMessage HeadersMissing = new("headers-missing", "{operation} {status} response does not declare the {names} headers; {ruleset} requires {required} on {status}");

    public static RuleDescriptor Descriptor { get; } = new(
        RuleIds.ResponseHeaderMissing,
        "response-header-missing",
        "Required response header missing",
        Severity.Error)
    {
        Messages = [HeaderMissing, HeadersMissing],
        Options = ["codes.<code>.responseHeaders"],
    };

    RuleDescriptor IRule.Descriptor => Descriptor;

    /// <inheritdoc />
    public IEnumerable<RuleRationale> RationalesIn(Ruleset ruleset) =>
        RuleRationales.OfCodes(ruleset, Descriptor, policy => policy.ResponseHeaders
            .GroupBy(policy.OfResponseHeader)
            .Select(group => ($"needs the header {string.Join(" and ", group)}", (group.Key.Severity, group.Key.Rationale))));

    public IEnumerable<Finding> Check(RuleContext context)
    {
        foreach (var (operation, ruleset) in context.Operations)
        {
            foreach (var response in operation.Responses)
            {
                if (!response.IsResolved || ruleset.ForCode(response.StatusKey) is not { ResponseHeaders.Count: > 0 } policy)
                {
                    continue;
                }

                // Headers a ruleset gives different severities (or sentences) are reported apart; the usual case, one
                // severity for all, stays one finding.
                var groups = policy.ResponseHeaders
                    .Where(header => !response.Headers.Contains(header))
                    .GroupBy(policy.OfResponseHeader);
                foreach (var group in groups)
                {
                    var missing = group.ToArray();
                    var names = string.Join(", ", missing);
                    yield return new Finding(
                        (missing.Length > 1 ? HeadersMissing : HeaderMissing).Format(operation.DisplayName, response.StatusKey, names, ruleset.Name, string.Join(", ", policy.ResponseHeaders)),
                        response.Pointer,
                        operation,
                        response,
                        response.Definition,
                        group.Key.Rationale,
                        Severity: group.Key.Severity,
                        SeveritySetWithoutSentence: group.Key.SetWithoutSentence,
                        Subject: names);
                }
            }
        }
    }
}
