using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Documents;

namespace OpenApiLint.Core.Rules;

/// <summary>A <c>$ref</c> (local, or to a file beside the document) whose target does not exist.</summary>
public sealed class UnresolvedReferenceRule : IRule
{
    public static RuleDescriptor Descriptor { get; } = new(
        RuleIds.UnresolvedReference,
        "unresolved-reference",
        "Unresolved $ref",
        Severity.Error,
        "A $ref whose target is missing leaves the response, parameter or schema undefined: the other rules cannot check it and generated clients break. Checks local references and references to files beside the document.",
        "Fix the reference, or add the missing definition.",
        "'404': { $ref: '#/components/responses/NotFound' }   # components.responses has no NotFound");

    RuleDescriptor IRule.Descriptor => Descriptor;

    public IEnumerable<Finding> Check(RuleContext context) =>
        context.Document.References
            .Where(site => site.Kind is ReferenceKind.Local or ReferenceKind.RelativeFile && !site.IsResolved)
            .Select(site => ReferenceFindings.At(site, $"$ref '{site.Target}' cannot be resolved: {site.Problem}", context.Document));
}

/// <summary>
/// Shared shape of the reference rules' findings: reported at the <c>$ref</c> member, in whichever file holds it, and
/// tied to the operation and response the reference is under, so that their <c>x-openapi-lint-ignore</c>, the
/// overrides for the operation's path, and the operation's name in outputs apply as for any other finding.
/// </summary>
internal static class ReferenceFindings
{
    public static Finding At(ReferenceSite site, string message, OpenApiLintDocument document)
    {
        var pointer = JsonPointer.Append(site.Site.Pointer, "$ref");
        var inDocument = site.Site.File == document.FilePath;
        var operation = document.Operations.FirstOrDefault(operation => IsWithin(site.ScopePointer, operation.Pointer));
        var response = operation?.Responses.FirstOrDefault(response => IsWithin(site.ScopePointer, response.Pointer));
        return new Finding(message, pointer, operation, response, Location: inDocument ? null : site.Site with { Pointer = pointer }, Subject: site.Target);
    }

    private static bool IsWithin(string pointer, string ancestor) =>
        pointer.StartsWith(ancestor, StringComparison.Ordinal) && (pointer.Length == ancestor.Length || pointer[ancestor.Length] == '/');
}
