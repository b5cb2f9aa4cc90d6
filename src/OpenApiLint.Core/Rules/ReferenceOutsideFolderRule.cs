using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Documents;

namespace OpenApiLint.Core.Rules;

/// <summary>A <c>$ref</c> to a file outside the document's folder tree: refused.</summary>
public sealed class ReferenceOutsideFolderRule : IRule
{
    private static readonly RuleMessage Outside = new("outside-folder", "$ref '{target}' points outside the document's folder and was not followed");

    public static RuleDescriptor Descriptor { get; } = new(
        RuleIds.ReferenceOutsideFolder,
        "reference-outside-folder",
        "$ref outside the document's folder",
        Severity.Error)
    {
        Messages = [Outside],
    };

    RuleDescriptor IRule.Descriptor => Descriptor;

    public IEnumerable<Finding> Check(RuleContext context) =>
        context.Document.References
            .Where(site => site.Kind == ReferenceKind.OutsideFolder)
            .Select(site => ReferenceFindings.At(site, Outside.Format(site.Target), context, Descriptor));
}
