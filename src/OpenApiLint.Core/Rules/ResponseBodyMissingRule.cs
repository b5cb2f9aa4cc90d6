using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Rulesets;

namespace OpenApiLint.Core.Rules;

/// <summary>A response declares no body where its status code expects one (200, 202).</summary>
public sealed class ResponseBodyMissingRule : IRule
{
    private static readonly RuleMessage Missing = new("body-missing", "{operation} {status} response declares no body; {ruleset} expects a body on {status}");

    public static RuleDescriptor Descriptor { get; } = new(
        RuleIds.ResponseBodyMissing,
        "response-body-missing",
        "Response body missing where one is expected",
        Severity.Warning)
    {
        Messages = [Missing],
        Options = ["codes.<code>.body"],
    };

    RuleDescriptor IRule.Descriptor => Descriptor;

    /// <inheritdoc />
    public IEnumerable<RuleRationale> RationalesIn(Ruleset ruleset) =>
        RuleRationales.OfCodes(ruleset, Descriptor, policy => policy.Body == BodyRequirement.Expected
            ? [("should declare a body (never on HEAD)", (policy.OfBody().Severity, policy.OfBody().Rationale))]
            : []);

    /// <summary>The status codes HTTP gives no content: 1xx, 204 No Content, 205 Reset Content, 304 Not Modified.</summary>
    private static bool CannotHaveContent(string statusKey) =>
        statusKey is "204" or "205" or "304" || (statusKey.Length == 3 && statusKey[0] == '1' && char.IsAsciiDigit(statusKey[1]) && char.IsAsciiDigit(statusKey[2]));

    public IEnumerable<Finding> Check(RuleContext context)
    {
        foreach (var (operation, ruleset) in context.Operations)
        {
            foreach (var response in operation.Responses)
            {
                if (!response.IsResolved || response.HasBody || ruleset.ForCode(response.StatusKey) is not { Body: BodyRequirement.Expected } policy)
                {
                    continue;
                }

                if (operation.Method == "head" || CannotHaveContent(response.StatusKey))
                {
                    // A HEAD response never has a body (HTTP: "the server MUST NOT send content in the response";
                    // the guidelines: "head the entity-header fields … are sent in the response without any
                    // message-body"), nor do 1xx, 204, 205 and 304 responses, so no ruleset can expect one of them
                    // (a range such as "2XX": { "body": "expected" } means the codes of the range that can have one).
                    continue;
                }

                yield return new Finding(
                    Missing.Format(operation.DisplayName, response.StatusKey, ruleset.Name),
                    response.Pointer,
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
