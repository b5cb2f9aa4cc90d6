using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Documents;

namespace OpenApiLint.Core.Rules;

/// <summary>A <c>$ref</c> (local, or to a file beside the document) whose target does not exist.</summary>
public sealed class UnresolvedReferenceRule : IRule
{
    private static readonly RuleMessage Unresolved = new("unresolved", "$ref '{target}' cannot be resolved: {problem}");

    public static RuleDescriptor Descriptor { get; } = new(
        RuleIds.UnresolvedReference,
        "unresolved-reference",
        "Unresolved $ref",
        Severity.Error)
    {
        Messages = [Unresolved],
    };

    RuleDescriptor IRule.Descriptor => Descriptor;

    public IEnumerable<Finding> Check(RuleContext context) =>
        context.Document.References
            .Where(site => site.Kind is ReferenceKind.Local or ReferenceKind.RelativeFile && !site.IsResolved)
            .Select(site => ReferenceFindings.At(site, Unresolved.Format(site.Target, site.Problem ?? ""), context, Descriptor));
}

/// <summary>
/// Shared shape of the reference rules' findings: reported at the <c>$ref</c> member, in whichever file holds it, and
/// tied to the operation and response the reference is under, so that their <c>x-openapi-lint-ignore</c>, the
/// overrides for the operation's path, and the operation's name in outputs apply as for any other finding.
/// </summary>
internal static class ReferenceFindings
{
    /// <summary>
    /// The one finding about <paramref name="site"/>. A reference in a file several operations use is reached from each
    /// of them: it is reported once, for the first that neither silences the rule nor turns it off.
    /// </summary>
    public static Finding At(ReferenceSite site, string message, RuleContext context, RuleDescriptor rule)
    {
        var document = context.Document;
        var pointer = JsonPointer.Append(site.Site.Pointer, "$ref");
        var location = site.Site.File == document.FilePath ? null : site.Site with { Pointer = pointer };
        Finding? first = null;
        foreach (var scope in site.ScopePointers)
        {
            var operation = document.Operations.FirstOrDefault(operation => IsWithin(scope, operation.Pointer));
            var response = operation?.Responses.FirstOrDefault(response => IsWithin(scope, response.Pointer));
            var finding = new Finding(message, pointer, operation, response, Location: location, Subject: site.Target);
            if (operation is null
                || !(operation.IgnoredRules.Contains(rule.Id) || (response?.IgnoredRules.Contains(rule.Id) ?? false)
                     || context.RulesetFor(operation).SeverityOf(rule.Id, rule.DefaultSeverity) == Severity.Off))
            {
                return finding;
            }

            first ??= finding;
        }

        return first ?? new Finding(message, pointer, Location: location, Subject: site.Target);
    }

    private static bool IsWithin(string pointer, string ancestor) =>
        pointer.StartsWith(ancestor, StringComparison.Ordinal) && (pointer.Length == ancestor.Length || pointer[ancestor.Length] == '/');
}
