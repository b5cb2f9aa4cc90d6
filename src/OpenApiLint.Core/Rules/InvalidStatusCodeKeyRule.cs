using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Rulesets;

namespace OpenApiLint.Core.Rules;

/// <summary>A response key is not a status code, a range or <c>default</c>.</summary>
public sealed class InvalidStatusCodeKeyRule : IRule
{
    public static RuleDescriptor Descriptor { get; } = new(
        RuleIds.InvalidStatusCodeKey,
        "invalid-status-code-key",
        "Invalid status code key",
        Severity.Error);

    RuleDescriptor IRule.Descriptor => Descriptor;

    public IEnumerable<Finding> Check(RuleContext context)
    {
        foreach (var operation in context.Document.Operations)
        {
            foreach (var response in operation.Responses.Where(response => !StatusCodes.IsValidKey(response.StatusKey)))
            {
                yield return new Finding(
                    $"{operation.DisplayName} declares the response key '{response.StatusKey}'; expected a status code (100-599), an upper-case range (4XX) or default",
                    response.Pointer,
                    operation,
                    response,
                    // A $ref'd response is reported at the reference site; its definition is shown beside it.
                    response.Definition);
            }
        }
    }
}
