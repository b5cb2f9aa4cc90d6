using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Rulesets;

namespace OpenApiLint.Core.Rules;

/// <summary>An operation documents a status code its method's policy does not allow.</summary>
public sealed class StatusCodeNotAllowedRule : IRule
{
    private static readonly RuleMessage NotAllowed = new("not-allowed", "{operation} declares {status}; {ruleset} allows {method}: {allowed}");

    public static RuleDescriptor Descriptor { get; } = new(
        RuleIds.StatusCodeNotAllowed,
        "status-code-not-allowed",
        "Status code not allowed for this method",
        Severity.Error)
    {
        Messages = [NotAllowed],
        Options = ["methods.<method>.allowed", "methods.<method>.addAllowed", "methods.<method>.removeAllowed", "ranges.allowed"],
    };

    RuleDescriptor IRule.Descriptor => Descriptor;

    /// <inheritdoc />
    public IEnumerable<RuleRationale> RationalesIn(Ruleset ruleset) =>
        RuleRationales.OfMethods(ruleset, Descriptor, policy => policy.Allowed is not null, policy => $"allows {StatusCodes.Join(policy.Allowed!)}");

    public IEnumerable<Finding> Check(RuleContext context)
    {
        foreach (var (operation, ruleset) in context.Operations)
        {
            if (ruleset.ForMethod(operation.Method) is not { Allowed: { } allowed } policy)
            {
                continue;
            }

            foreach (var response in operation.Responses)
            {
                var key = StatusCodes.Normalize(response.StatusKey);
                if (!StatusCodes.IsCode(key) && !StatusCodes.IsRange(key))
                {
                    // `default` has its own rule, malformed keys too.
                    continue;
                }

                if (StatusCodes.IsAllowed(key, allowed, ruleset.Ranges.Allowed))
                {
                    continue;
                }

                yield return new Finding(
                    NotAllowed.Format(operation.DisplayName, response.StatusKey, ruleset.Name, operation.Method.ToUpperInvariant(), allowed.Count == 0 ? "none" : StatusCodes.Join(allowed)),
                    response.Pointer,
                    operation,
                    response,
                    // A $ref'd response is reported at the reference site; its definition is shown beside it.
                    response.Definition,
                    Rationale: policy.Rationale);
            }
        }
    }
}
