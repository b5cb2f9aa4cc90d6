using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Rulesets;

namespace OpenApiLint.Core.Rules;

/// <summary>A response key is not a status code, a range or <c>default</c>.</summary>
public sealed class InvalidStatusCodeKeyRule : IRule
{
    private static readonly RuleMessage Invalid = new("invalid-key", "{operation} declares the response key '{key}'; expected a status code (100-599), an upper-case range (4XX) or default");

    public static RuleDescriptor Descriptor { get; } = new(
        RuleIds.InvalidStatusCodeKey,
        "invalid-status-code-key",
        "Invalid status code key",
        Severity.Error)
    {
        Messages = [Invalid],
    };

    RuleDescriptor IRule.Descriptor => Descriptor;

    public IEnumerable<Finding> Check(RuleContext context)
    {
        foreach (var operation in context.Document.Operations)
        {
            foreach (var response in operation.Responses.Where(response => !StatusCodes.IsValidKey(response.StatusKey)))
            {
                yield return new Finding(
                    Invalid.Format(operation.DisplayName, response.StatusKey),
                    response.Pointer,
                    operation,
                    response,
                    // A $ref'd response is reported at the reference site; its definition is shown beside it.
                    response.Definition);
            }
        }
    }
}
