namespace OpenApiLint.Core.Rules;

/// <summary>
/// One check. Implementations are small sealed classes: a static descriptor and a pure <see cref="Check"/> that reads
/// the document and the effective ruleset and yields findings. No I/O, no state.
/// </summary>
public interface IRule
{
    /// <summary>The rule's id, title, default severity and help.</summary>
    RuleDescriptor Descriptor { get; }

    /// <summary>Yields the findings for one document; severities, suppressions and positions are the engine's job.</summary>
    IEnumerable<Finding> Check(RuleContext context);
}
