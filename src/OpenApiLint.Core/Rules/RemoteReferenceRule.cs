using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Documents;

namespace OpenApiLint.Core.Rules;

/// <summary>A <c>$ref</c> to an http(s) or other remote URI: never fetched, so what it names goes unchecked.</summary>
public sealed class RemoteReferenceRule : IRule
{
    private static readonly RuleMessage Remote = new("remote", "$ref '{target}' is remote and was not fetched; what it names is not checked");

    public static RuleDescriptor Descriptor { get; } = new(
        RuleIds.RemoteReference,
        "remote-reference",
        "Remote $ref not fetched",
        Severity.Warning)
    {
        Messages = [Remote],
    };

    RuleDescriptor IRule.Descriptor => Descriptor;

    public IEnumerable<Finding> Check(RuleContext context) =>
        context.Document.References
            .Where(site => site.Kind == ReferenceKind.Remote)
            .Select(site => ReferenceFindings.At(site, Remote.Format(site.Target), context, Descriptor));
}
