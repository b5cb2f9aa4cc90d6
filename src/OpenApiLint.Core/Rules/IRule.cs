using OpenApiLint.Core.Rulesets;

namespace OpenApiLint.Core.Rules;

/// <summary>
/// One check. Implementations are small sealed classes: a static descriptor and a pure <see cref="Check"/> that reads
/// the document and the effective ruleset and yields findings. No I/O, no state.
/// </summary>
public interface IRule
{
    /// <summary>The rule's id, title, default severity, options and help.</summary>
    RuleDescriptor Descriptor { get; }

    /// <summary>Yields the findings for one document; severities, suppressions and positions are the engine's job.</summary>
    IEnumerable<Finding> Check(RuleContext context);

    /// <summary>
    /// What <paramref name="ruleset"/> asks of this rule through the options it reads (<see cref="RuleDescriptor.Options"/>),
    /// with the guideline's words behind each: what <c>explain</c> quotes. The rule's own severity setting is added by
    /// <see cref="RuleRationales.For"/>. Default: nothing beyond that setting.
    /// </summary>
    IEnumerable<RuleRationale> RationalesIn(Ruleset ruleset) => [];
}
