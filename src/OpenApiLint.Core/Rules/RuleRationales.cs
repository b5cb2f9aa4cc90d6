using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Documents;
using OpenApiLint.Core.Rulesets;

namespace OpenApiLint.Core.Rules;

/// <summary>One requirement a ruleset makes of a rule, and the guideline's words behind it.</summary>
/// <param name="Subject">What the ruleset asks (<c>POST allows 201, 400</c>, <c>severity warning</c>).</param>
/// <param name="Rationale">Why, quoting the guideline.</param>
public sealed record RuleRationale(string Subject, string Rationale);

/// <summary>
/// The guideline's words behind a rule in one ruleset: what the rule itself finds in the ruleset
/// (<see cref="IRule.RationalesIn"/>), then the rationale of the rule's own severity setting.
/// </summary>
public static class RuleRationales
{
    /// <summary>Every rationale of <paramref name="rule"/> in <paramref name="ruleset"/>; empty when the ruleset does not configure it.</summary>
    public static IReadOnlyList<RuleRationale> For(IRule rule, Ruleset ruleset)
    {
        var entries = rule.RationalesIn(ruleset).ToList();
        var descriptor = rule.Descriptor;
        if (ruleset.Rules.TryGetValue(descriptor.Id, out var setting) && setting.Rationale is not null)
        {
            entries.Add(new RuleRationale($"severity {setting.Severity.ToName()}", setting.Rationale));
        }

        return entries;
    }

    /// <summary>The method policies <paramref name="applies"/> selects, in method order, each described and with its rationale.</summary>
    public static IEnumerable<RuleRationale> OfMethods(Ruleset ruleset, Func<MethodPolicy, bool> applies, Func<MethodPolicy, string> describe) =>
        HttpMethods.Names
            .Select(method => (Method: method, Policy: ruleset.ForMethod(method)))
            .Where(entry => entry.Policy is { Rationale: not null } && applies(entry.Policy))
            .Select(entry => new RuleRationale($"{entry.Method.ToUpperInvariant()} {describe(entry.Policy!)}", entry.Policy!.Rationale!));

    /// <summary>The code policies <paramref name="applies"/> selects, in code order, each described and with its rationale.</summary>
    public static IEnumerable<RuleRationale> OfCodes(Ruleset ruleset, Func<CodePolicy, bool> applies, Func<CodePolicy, string> describe) =>
        ruleset.Codes
            .Where(entry => entry.Value.Rationale is not null && applies(entry.Value))
            .OrderBy(entry => entry.Key, StatusCodes.Order)
            .Select(entry => new RuleRationale($"{entry.Key} {describe(entry.Value)}", entry.Value.Rationale!));
}
