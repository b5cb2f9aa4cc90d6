using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Rulesets;

namespace OpenApiLint.Core.Rules;

/// <summary>A response declares a body where its status code allows none (204, 304).</summary>
public sealed class ResponseBodyForbiddenRule : IRule
{
    private static readonly RuleMessage Forbidden = new("body-forbidden", "{operation} {status} response declares a body ({mediaTypes}); {ruleset} forbids a body on {status}");

    public static RuleDescriptor Descriptor { get; } = new(
        RuleIds.ResponseBodyForbidden,
        "response-body-forbidden",
        "Response body where none is allowed",
        Severity.Error)
    {
        Messages = [Forbidden],
        Options = ["codes.<code>.body"],
    };

    RuleDescriptor IRule.Descriptor => Descriptor;

    /// <inheritdoc />
    public IEnumerable<RuleRationale> RationalesIn(Ruleset ruleset) =>
        RuleRationales.OfCodes(ruleset, Descriptor, policy => policy.Body == BodyRequirement.Forbidden
            ? [("must not declare a body", (policy.OfBody().Severity, policy.OfBody().Rationale))]
            : []);

    public IEnumerable<Finding> Check(RuleContext context)
    {
        foreach (var (operation, ruleset) in context.Operations)
        {
            foreach (var response in operation.Responses)
            {
                if (!response.HasBody || ruleset.ForCode(response.StatusKey) is not { Body: BodyRequirement.Forbidden } policy)
                {
                    continue;
                }

                yield return new Finding(
                    Forbidden.Format(operation.DisplayName, response.StatusKey, string.Join(", ", response.MediaTypes), ruleset.Name),
                    response.PointerTo(response.BodyMember),
                    operation,
                    response,
                    response.Definition,
                    policy.OfBody().Rationale,
                    Severity: policy.OfBody().Severity,
                    SeveritySetWithoutSentence: policy.OfBody().SetWithoutSentence);
            }
        }
    }
}
