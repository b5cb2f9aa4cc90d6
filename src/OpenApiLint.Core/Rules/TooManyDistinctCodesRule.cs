using System.Globalization;
using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Rulesets;

namespace OpenApiLint.Core.Rules;

/// <summary>The document uses more distinct status codes than the ruleset's cap.</summary>
public sealed class TooManyDistinctCodesRule : IRule
{
    private static readonly RuleMessage TooMany = new("too-many", "the document uses {count} distinct status codes ({codes}); {ruleset} allows at most {cap}");

    public static RuleDescriptor Descriptor { get; } = new(
        RuleIds.TooManyDistinctCodes,
        "too-many-distinct-codes",
        "Too many distinct status codes",
        Severity.Warning)
    {
        Messages = [TooMany],
        Options = ["maxDistinctCodes"],
    };

    RuleDescriptor IRule.Descriptor => Descriptor;

    public IEnumerable<Finding> Check(RuleContext context)
    {
        if (context.Ruleset.MaxDistinctCodes is not { } cap)
        {
            yield break;
        }

        var firstUse = new Dictionary<string, Documents.ApiResponse>(StringComparer.Ordinal);
        foreach (var operation in context.Document.Operations)
        {
            foreach (var response in operation.Responses)
            {
                var key = StatusCodes.Normalize(response.StatusKey);
                if (StatusCodes.IsCode(key) || StatusCodes.IsRange(key))
                {
                    firstUse.TryAdd(key, response);
                }
            }
        }

        if (firstUse.Count <= cap)
        {
            yield break;
        }

        // Point at the first use, in document order, of a code beyond the cap: that is where the count went over.
        var codes = firstUse.Keys.Order(StatusCodes.Order).ToArray();
        var overResponse = firstUse.Values.Skip(cap).First();
        yield return new Finding(
            TooMany.Format(codes.Length.ToString(CultureInfo.InvariantCulture), StatusCodes.Join(codes), context.Ruleset.Name, cap.ToString(CultureInfo.InvariantCulture)),
            overResponse.Pointer,
            Rationale: context.Ruleset.Rules.GetValueOrDefault(RuleIds.TooManyDistinctCodes)?.Rationale);
    }
}
