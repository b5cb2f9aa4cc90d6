using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Rulesets;

namespace OpenApiLint.Core.Rules;

/// <summary>An error response's body schema lacks properties the ruleset requires (code, type, message).</summary>
public sealed class ErrorBodyPropertiesMissingRule : IRule
{
    private static readonly RuleMessage Missing = new("properties-missing", "{operation} {status} response body lacks {missing}; {ruleset} requires {required} in the body of {status}");

    public static RuleDescriptor Descriptor { get; } = new(
        RuleIds.ErrorBodyPropertiesMissing,
        "error-body-properties-missing",
        "Error body lacks required properties",
        Severity.Warning)
    {
        Messages = [Missing],
        Options = ["codes.<code>.errorBodyProperties"],
    };

    RuleDescriptor IRule.Descriptor => Descriptor;

    /// <inheritdoc />
    public IEnumerable<RuleRationale> RationalesIn(Ruleset ruleset) =>
        RuleRationales.OfCodes(ruleset, Descriptor, policy => policy.ErrorBodyProperties
            .GroupBy(policy.OfErrorBodyProperty)
            .Select(group => ($"needs the body properties {string.Join(", ", group)}", (group.Key.Severity, group.Key.Rationale))));

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
                // Properties a ruleset gives different severities (or sentences) are reported apart.
                foreach (var group in policy.ErrorBodyProperties.Where(property => !defined.Contains(property)).GroupBy(policy.OfErrorBodyProperty))
                {
                    yield return new Finding(
                        Missing.Format(operation.DisplayName, response.StatusKey, string.Join(", ", group), ruleset.Name, string.Join(", ", policy.ErrorBodyProperties)),
                        response.PointerTo(response.BodyMember),
                        operation,
                        response,
                        response.Definition,
                        group.Key.Rationale,
                        Severity: group.Key.Severity,
                        SeveritySetWithoutSentence: group.Key.SetWithoutSentence,
                        Subject: string.Join(", ", group));
                }
            }
        }
    }
}
