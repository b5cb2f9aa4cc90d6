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
    /// <summary>
    /// Every rationale of <paramref name="rule"/> in <paramref name="ruleset"/>, then what each override changes for it
    /// (a requirement it adds or re-words, one it lifts, for the operations it selects); empty when the ruleset does
    /// not configure the rule.
    /// </summary>
    public static IReadOnlyList<RuleRationale> For(IRule rule, Ruleset ruleset)
    {
        var entries = rule.RationalesIn(ruleset).ToList();
        var descriptor = rule.Descriptor;
        if (ruleset.Rules.TryGetValue(descriptor.Id, out var setting) && setting.Rationale is not null)
        {
            entries.Add(new RuleRationale($"severity {ruleset.SeverityOf(descriptor.Id, descriptor.DefaultSeverity).ToName()}", setting.Rationale));
        }

        entries.AddRange(ruleset.Overrides.SelectMany(over => OfOverride(rule, ruleset, over)));
        return entries;
    }

    /// <summary>
    /// What one override changes for <paramref name="rule"/>: the requirements (and sentences) the overridden ruleset
    /// has that the ruleset has not, then those it no longer has, each with the override's own sentence for that code
    /// or method (a HEAD 200 that must not have a body, an OPTIONS 200 that need not have one).
    /// </summary>
    private static IEnumerable<RuleRationale> OfOverride(IRule rule, Ruleset ruleset, RulesetOverride over)
    {
        var before = rule.RationalesIn(ruleset).ToList();
        var after = rule.RationalesIn(ruleset.Apply(over.Patch, keepOverrides: false)).ToList();
        var scope = Scope(over);
        foreach (var added in after.Where(entry => !before.Contains(entry)))
        {
            yield return added with { Subject = $"{scope}: {added.Subject}" };
        }

        var changed = new HashSet<string>(after.Select(entry => FirstWord(entry.Subject)), StringComparer.OrdinalIgnoreCase);
        foreach (var lifted in before.Where(entry => !after.Contains(entry) && !changed.Contains(FirstWord(entry.Subject))))
        {
            var code = FirstWord(lifted.Subject);
            var because = over.Patch.Codes.GetValueOrDefault(code) is { } patch
                ? patch.BodySetting?.Rationale ?? patch.Rationale
                : over.Patch.Methods.GetValueOrDefault(code.ToLowerInvariant()) is { } method ? method.Rationale : null;
            yield return new RuleRationale($"{scope}: lifts {lifted.Subject}", because ?? lifted.Rationale);
        }
    }

    /// <summary>Which operations an override selects, as <c>explain</c> says it: <c>HEAD</c>, <c>GET /legacy/**</c>.</summary>
    private static string Scope(RulesetOverride over)
    {
        var methods = over.Methods is { Count: > 0 } names ? string.Join(", ", names.Select(name => name.ToUpperInvariant())) : "every method";
        return over.Paths.All(path => path == "**") ? methods : $"{methods} on {string.Join(", ", over.Paths)}";
    }

    private static string FirstWord(string subject) => subject.Split(' ', 2)[0];

    /// <summary>
    /// The method policies <paramref name="applies"/> selects, in method order (the <c>*</c> policy once, naming the
    /// methods it holds for), each described with the severity it applies with, and with its rationale.
    /// </summary>
    public static IEnumerable<RuleRationale> OfMethods(Ruleset ruleset, RuleDescriptor rule, Func<MethodPolicy, bool> applies, Func<MethodPolicy, string> describe)
    {
        var severity = ruleset.SeverityOf(rule.Id, rule.DefaultSeverity).ToName();
        var listed = HttpMethods.Names.Where(ruleset.Methods.ContainsKey).ToArray();
        foreach (var method in listed)
        {
            if (ruleset.Methods[method] is { Rationale: { } rationale } policy && applies(policy))
            {
                yield return new RuleRationale($"{method.ToUpperInvariant()} {describe(policy)} ({severity})", rationale);
            }
        }

        var others = HttpMethods.Names.Except(listed).Select(method => method.ToUpperInvariant()).ToArray();
        if (others.Length > 0 && ruleset.Methods.GetValueOrDefault(Ruleset.OtherMethods) is { Rationale: { } otherRationale } other && applies(other))
        {
            yield return new RuleRationale($"{string.Join(", ", others)} {describe(other)} ({severity})", otherRationale);
        }
    }

    /// <summary>
    /// The requirements <paramref name="requirements"/> finds in each code policy, in code order: each described with
    /// the severity it applies with (its own, else its code's, else the rule's) and the sentence it comes from.
    /// </summary>
    public static IEnumerable<RuleRationale> OfCodes(
        Ruleset ruleset,
        RuleDescriptor rule,
        Func<CodePolicy, IEnumerable<(string Subject, (Severity? Severity, string? Rationale) Setting)>> requirements)
    {
        var ruleSeverity = ruleset.SeverityOf(rule.Id, rule.DefaultSeverity);
        return ruleset.Codes
            .OrderBy(entry => entry.Key, StatusCodes.Order)
            .SelectMany(entry => requirements(entry.Value).Select(requirement => (entry.Key, requirement.Subject, requirement.Setting)))
            .Where(requirement => requirement.Setting.Rationale is not null)
            .Select(requirement =>
            {
                var severity = ruleSeverity == Severity.Off ? Severity.Off : requirement.Setting.Severity ?? ruleSeverity;
                return new RuleRationale($"{requirement.Key} {requirement.Subject} ({severity.ToName()})", requirement.Setting.Rationale!);
            });
    }
}
