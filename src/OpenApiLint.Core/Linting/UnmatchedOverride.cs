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
        // Keyed by strings, not value tuples: generic code over value tuples is never precompiled, and was JIT-compiled
        // in every fresh MSBuild node. A few keys per ruleset file.
        var unmatched = new Dictionary<string, UnmatchedOverride>(StringComparer.Ordinal);
        var matched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in results.Where(result => result.Ruleset is not null).GroupBy(result => result.Ruleset!))
        {
            if (group.Any(result => result.Document is null))
            {
                foreach (var item in group.Key.Overrides.Where(item => item.Source is not null))
                {
                    matched.Add(KeyOf(item.Source!));
                }

                continue;
            }

            var operations = group.SelectMany(result => result.Document!.Operations).ToArray();
            foreach (var item in group.Key.Overrides.Where(item => item.Source is not null))
            {
                var key = KeyOf(item.Source!);
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

        var found = new List<UnmatchedOverride>();
        foreach (var (key, item) in unmatched)
        {
            if (!matched.Contains(key))
            {
                found.Add(item);
            }
        }

        return found.Order(ByPosition).ToArray();
    }

    /// <summary>The override's file and pointer; a file name holds no NUL, so the first one ends it.</summary>
    private static string KeyOf(SourceLocation source) => string.Concat(source.File, "\0", source.Pointer);

    /// <summary>File (ordinal), then line, then column.</summary>
    private static readonly IComparer<UnmatchedOverride> ByPosition = Comparer<UnmatchedOverride>.Create((a, b) =>
    {
        var byFile = string.CompareOrdinal(a.Location.File, b.Location.File);
        if (byFile != 0)
        {
            return byFile;
        }

        return a.Location.Line != b.Location.Line ? a.Location.Line.CompareTo(b.Location.Line) : a.Location.Column.CompareTo(b.Location.Column);
    });
}
