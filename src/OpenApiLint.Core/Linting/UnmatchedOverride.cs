using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Rulesets;

namespace OpenApiLint.Core.Linting;

/// <summary>
/// An override of a ruleset file that matched no operation of any document linted with it: usually a typo or a route
/// that moved, which would otherwise go unnoticed because an override that matches nothing changes nothing.
/// </summary>
/// <param name="Override">The override, with where it is written.</param>
/// <param name="RulesetName">The ruleset it belongs to, as messages name it.</param>
public sealed record UnmatchedOverride(RulesetOverride Override, string RulesetName)
{
    /// <summary>Where the override is written: the ruleset file, line and column.</summary>
    public SourceLocation Location => Override.Source!;

    /// <summary>One line saying what happened.</summary>
    public string Message => $"{Override.DisplayName} of {RulesetName} matches no operation of the linted documents";

    /// <summary>
    /// The overrides written in ruleset files (built-in ones are not the team's to fix) that no operation of the
    /// documents linted with their ruleset matches, in file and position order. Results whose ruleset or document
    /// did not load say nothing either way, so a ruleset with such results is not judged.
    /// </summary>
    public static IReadOnlyList<UnmatchedOverride> Find(IEnumerable<LintResult> results)
    {
        var unmatched = new Dictionary<(string File, string Pointer), UnmatchedOverride>();
        var matched = new HashSet<(string File, string Pointer)>();
        foreach (var group in results.Where(result => result.Ruleset is not null).GroupBy(result => result.Ruleset!))
        {
            if (group.Any(result => result.Document is null))
            {
                foreach (var item in group.Key.Overrides.Where(item => item.Source is not null))
                {
                    matched.Add((item.Source!.File, item.Source.Pointer));
                }

                continue;
            }

            var operations = group.SelectMany(result => result.Document!.Operations).ToArray();
            foreach (var item in group.Key.Overrides.Where(item => item.Source is not null))
            {
                var key = (item.Source!.File, item.Source.Pointer);
                if (operations.Any(operation => item.Matches(operation.Path, operation.Method)))
                {
                    matched.Add(key);
                }
                else
                {
                    unmatched.TryAdd(key, new UnmatchedOverride(item, group.Key.Name));
                }
            }
        }

        return unmatched
            .Where(entry => !matched.Contains(entry.Key))
            .Select(entry => entry.Value)
            .OrderBy(item => item.Location.File, StringComparer.Ordinal)
            .ThenBy(item => item.Location.Line)
            .ThenBy(item => item.Location.Column)
            .ToArray();
    }
}
