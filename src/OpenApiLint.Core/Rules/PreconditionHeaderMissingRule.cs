using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Rulesets;

namespace OpenApiLint.Core.Rules;

/// <summary>An operation documents a conditional status (304, 412) but accepts no request header that could cause it.</summary>
public sealed class PreconditionHeaderMissingRule : IRule
{
    private static readonly RuleMessage Missing = new("header-missing", "{operation} declares {status} but accepts no {names} request header; {ruleset} requires {names} for {status}");

    public static RuleDescriptor Descriptor { get; } = new(
        RuleIds.PreconditionHeaderMissing,
        "precondition-header-missing",
        "Precondition request header not accepted",
        Severity.Error)
    {
        Messages = [Missing],
        Options = ["codes.<code>.requestHeaders"],
    };

    RuleDescriptor IRule.Descriptor => Descriptor;

    /// <inheritdoc />
    public IEnumerable<RuleRationale> RationalesIn(Ruleset ruleset) =>
        RuleRationales.OfCodes(ruleset, Descriptor, policy => policy.RequestHeaders.Count > 0
            ? [($"needs the request header {string.Join(" or ", policy.RequestHeaders)}", (policy.OfRequestHeaders().Severity, policy.OfRequestHeaders().Rationale))]
            : []);

    public IEnumerable<Finding> Check(RuleContext context)
    {
        foreach (var (operation, ruleset) in context.Operations)
        {
            foreach (var response in operation.Responses)
            {
                if (ruleset.ForCode(response.StatusKey) is not { RequestHeaders.Count: > 0 } policy
                    || policy.RequestHeaders.Any(operation.RequestHeaders.Contains))
                {
                    continue;
                }

                // "If-Match, If-None-Match or If-Unmodified-Since": any one of them is enough.
                var names = policy.RequestHeaders.Count == 1
                    ? policy.RequestHeaders[0]
                    : $"{string.Join(", ", policy.RequestHeaders.Take(policy.RequestHeaders.Count - 1))} or {policy.RequestHeaders[^1]}";
                yield return new Finding(
                    Missing.Format(operation.DisplayName, response.StatusKey, names, ruleset.Name),
                    response.Pointer,
                    operation,
                    response,
                    // A $ref'd response is reported at the reference site; its definition is shown beside it.
                    response.Definition,
                    policy.OfRequestHeaders().Rationale,
                    Severity: policy.OfRequestHeaders().Severity,
                    SeveritySetWithoutSentence: policy.OfRequestHeaders().SetWithoutSentence,
                    Subject: string.Join(", ", policy.RequestHeaders));
            }
        }
    }
}
