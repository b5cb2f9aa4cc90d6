using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Rulesets;

namespace OpenApiLint.Core.Rules;

/// <summary>An error response's body schema lacks properties the ruleset requires (code, type, message).</summary>
public sealed class ErrorBodyPropertiesMissingRule : IRule
{
    public static RuleDescriptor Descriptor { get; } = new(
        RuleIds.ErrorBodyPropertiesMissing,
        "error-body-properties-missing",
        "Error body lacks required properties",
        Severity.Warning,
        "Checks that the body schema of responses with the given codes defines the properties the ruleset names (for example code, type and message), looking through allOf and references. Responses without a body are left to the body rules.",
        "Add the properties to the error schema, or reference the shared error schema.",
        "'500': { content: { application/json: { schema: { type: object, properties: { error: { type: string } } } } } }")
    {
        Options = ["codes.<code>.errorBodyProperties"],
    };

    RuleDescriptor IRule.Descriptor => Descriptor;

    /// <inheritdoc />
    public IEnumerable<RuleRationale> RationalesIn(Ruleset ruleset) =>
        RuleRationales.OfCodes(ruleset, policy => policy.ErrorBodyProperties.Count > 0, policy => $"needs the body properties {string.Join(", ", policy.ErrorBodyProperties)}");

    public IEnumerable<Finding> Check(RuleContext context)
    {
        foreach (var (operation, ruleset) in context.Operations)
        {
            foreach (var response in operation.Responses)
            {
                if (!response.HasBody || ruleset.ForCode(response.StatusKey) is not { ErrorBodyProperties.Count: > 0 } policy)
                {
                    continue;
                }

                var defined = response.BodyPropertyNames ?? new HashSet<string>();
                var missing = policy.ErrorBodyProperties.Where(property => !defined.Contains(property)).ToArray();
                if (missing.Length == 0)
                {
                    continue;
                }

                yield return new Finding(
                    $"{operation.DisplayName} {response.StatusKey} response body lacks {string.Join(", ", missing)}; {ruleset.Name} requires {string.Join(", ", policy.ErrorBodyProperties)} in the body of {response.StatusKey}",
                    response.PointerTo(response.BodyMember),
                    operation,
                    response,
                    response.Definition,
                    policy.Rationale);
            }
        }
    }
}
