using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Rules;

namespace OpenApiLint.Core.Tests.Recipe;

/// <summary>
/// A rule that lives outside Core, as a team's own rule would: the one-hop recipe of docs/architecture.md. This class,
/// its fixture and its help page are everything it needs; nothing in Core, the schema or the docs names it.
/// </summary>
public sealed class OperationSummaryMissingRule : IRule
{
    /// <summary>A test-only id, far from the built-in ones.</summary>
    public const string Id = "OAL0900";

    private static readonly RuleMessage NoSummary = new("no-summary", "{operation} has no summary");

    public static RuleDescriptor Descriptor { get; } = new(
        Id,
        "operation-summary-missing",
        "Operation has no summary",
        Severity.Info)
    {
        Messages = [NoSummary],
        HelpPath = "tests/OpenApiLint.Core.Tests/Recipe/OAL0900.md",
        HelpUri = "https://example.org/rules/OAL0900",
    };

    RuleDescriptor IRule.Descriptor => Descriptor;

    public IEnumerable<Finding> Check(RuleContext context) =>
        context.Document.Operations
            .Where(operation => string.IsNullOrWhiteSpace(operation.Summary))
            .Select(operation => new Finding(NoSummary.Format(operation.DisplayName), operation.Pointer, operation));
}
