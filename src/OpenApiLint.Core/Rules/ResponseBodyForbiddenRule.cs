using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Rulesets;

namespace OpenApiLint.Core.Rules;

/// <summary>A response declares a body where its status code allows none (204, 304).</summary>
public sealed class ResponseBodyForbiddenRule : IRule
{
    public static RuleDescriptor Descriptor { get; } = new(
        RuleIds.ResponseBodyForbidden,
        "response-body-forbidden",
        "Response body where none is allowed",
        Severity.Error)
    {
        Options = ["codes.<code>.body"],
    };

    RuleDescriptor IRule.Descriptor => Descriptor;

    /// <inheritdoc />
    public IEnumerable<RuleRationale> RationalesIn(Ruleset ruleset) =>
        RuleRationales.OfCodes(ruleset, Descriptor, policy => policy.Body == BodyRequirement.Forbidden
            ? [("must not declare a body", policy.OfBody())]
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
                    $"{operation.DisplayName} {response.StatusKey} response declares a body ({string.Join(", ", response.MediaTypes)}); {ruleset.Name} forbids a body on {response.StatusKey}",
                    response.PointerTo(response.BodyMember),
                    operation,
                    response,
                    response.Definition,
                    policy.OfBody().Rationale,
                    Severity: policy.OfBody().Severity);
            }
        }
    }
}
