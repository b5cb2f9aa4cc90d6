using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Rulesets;

namespace OpenApiLint.Core.Rules;

/// <summary>An operation documents a <c>default</c> response where the ruleset wants explicit codes.</summary>
public sealed class DefaultResponseNotAllowedRule : IRule
{
    private static readonly RuleMessage NotAllowed = new("default-not-allowed", "{operation} declares a default response; {ruleset} wants explicit status codes");

    public static RuleDescriptor Descriptor { get; } = new(
        RuleIds.DefaultResponseNotAllowed,
        "default-response-not-allowed",
        "default response not allowed",
        Severity.Warning)
    {
        Messages = [NotAllowed],
        Options = ["default.allowed"],
    };

    RuleDescriptor IRule.Descriptor => Descriptor;

    public IEnumerable<Finding> Check(RuleContext context)
    {
        foreach (var (operation, ruleset) in context.Operations)
        {
            if (ruleset.Default.Allowed)
            {
                continue;
            }

            foreach (var response in operation.Responses.Where(response => response.StatusKey == StatusCodes.Default))
            {
                yield return new Finding(
                    NotAllowed.Format(operation.DisplayName, ruleset.Name),
                    response.Pointer,
                    operation,
                    response,
                    // A $ref'd response is reported at the reference site; its definition is shown beside it.
                    response.Definition,
                    Rationale: ruleset.Rules.GetValueOrDefault(RuleIds.DefaultResponseNotAllowed)?.Rationale);
            }
        }
    }
}
