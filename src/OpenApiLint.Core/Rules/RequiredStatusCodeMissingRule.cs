using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Rulesets;

namespace OpenApiLint.Core.Rules;

/// <summary>An operation does not document a status code its method's policy requires.</summary>
public sealed class RequiredStatusCodeMissingRule : IRule
{
    private static readonly RuleMessage Missing = new("missing", "{operation} does not declare {missing}; {ruleset} requires {method}: {required}");

    public static RuleDescriptor Descriptor { get; } = new(
        RuleIds.RequiredStatusCodeMissing,
        "required-status-code-missing",
        "Required status code missing",
        Severity.Error)
    {
        Messages = [Missing],
        Options = ["methods.<method>.required", "ranges.satisfiesRequired", "default.satisfiesRequired"],
    };

    RuleDescriptor IRule.Descriptor => Descriptor;

    /// <inheritdoc />
    public IEnumerable<RuleRationale> RationalesIn(Ruleset ruleset) =>
        RuleRationales.OfMethods(ruleset, Descriptor, policy => policy.Required.Count > 0, policy => $"requires {StatusCodes.Join(policy.Required)}");

    public IEnumerable<Finding> Check(RuleContext context)
    {
        foreach (var (operation, ruleset) in context.Operations)
        {
            if (ruleset.ForMethod(operation.Method) is not { Required.Count: > 0 } policy)
            {
                continue;
            }

            var keys = operation.Responses.Select(response => StatusCodes.Normalize(response.StatusKey)).ToHashSet(StringComparer.Ordinal);
            var missing = policy.Required.Where(required => !IsSatisfied(required, keys, ruleset)).ToArray();
            if (missing.Length == 0)
            {
                continue;
            }

            yield return new Finding(
                Missing.Format(operation.DisplayName, StatusCodes.Join(missing), ruleset.Name, operation.Method.ToUpperInvariant(), StatusCodes.Join(policy.Required)),
                Documents.JsonPointer.Append(operation.Pointer, "responses"),
                operation,
                Rationale: policy.Rationale,
                Subject: string.Join(", ", missing));
        }
    }

    internal static bool IsSatisfied(string required, IReadOnlySet<string> keys, Ruleset ruleset)
    {
        if (keys.Contains(required))
        {
            return true;
        }

        // A required range (4XX) is met by any code in it.
        if (StatusCodes.IsRange(required) && keys.Any(key => StatusCodes.IsCode(key) && StatusCodes.RangeOf(key) == required))
        {
            return true;
        }

        if (ruleset.Ranges.SatisfiesRequired && StatusCodes.RangeOf(required) is { } range && keys.Contains(range))
        {
            return true;
        }

        return ruleset.Default.SatisfiesRequired && StatusCodes.IsError(required) && keys.Contains(StatusCodes.Default);
    }
}
