using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Documents;

namespace OpenApiLint.Core.Linting;

/// <summary>
/// The one entry point the edges (command-line tool, MSBuild task) call: load each file, pick its ruleset, lint,
/// in parallel, with results in the order the files were given. Bad input becomes <see cref="LintResult.Errors"/>.
/// </summary>
public sealed class LintRunner(RulesetResolver rulesets, Linter? linter = null)
{
    private readonly Linter _linter = linter ?? new Linter();

    /// <summary>
    /// Whether each result's document keeps the text of its files (for outputs that quote it: the HTML report's
    /// excerpts). Without it a run over many documents holds only their findings and models: the text of each is
    /// released as soon as its findings are positioned.
    /// </summary>
    public bool KeepSourceText { get; init; } = true;

    /// <summary>Lints one file.</summary>
    public LintResult LintFile(string path)
    {
        var rulesetResult = rulesets.ForDocument(path);
        if (!rulesetResult.Succeeded)
        {
            return new LintResult(path, null, null, [], rulesetResult.Errors);
        }

        var load = OpenApiDocumentLoader.Load(path);
        if (!load.Succeeded)
        {
            return new LintResult(path, null, rulesetResult.Ruleset, [], [load.Error!]);
        }

        var findings = _linter.Findings(load.Document!, rulesetResult.Ruleset!);
        return LintResult.Of(path, KeepSourceText ? load.Document! : load.Document!.WithoutSourceText(), rulesetResult.Ruleset!, findings);
    }

    /// <summary>Lints many files, <paramref name="maxParallelism"/> at a time; results keep the input order.</summary>
    public IReadOnlyList<LintResult> LintFiles(IReadOnlyList<string> paths, int maxParallelism = 0)
    {
        var results = new LintResult[paths.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxParallelism > 0 ? maxParallelism : Environment.ProcessorCount };
        Parallel.For(0, paths.Count, options, index => results[index] = LintFile(paths[index]));
        return results;
    }

    /// <summary>Every reported diagnostic of <paramref name="results"/>, sorted.</summary>
    public static IReadOnlyList<Diagnostic> AllDiagnostics(IEnumerable<LintResult> results)
    {
        var all = results.SelectMany(result => result.Diagnostics).ToList();
        all.Sort(Diagnostic.Order);
        return all;
    }

    /// <summary>Every suppressed (kept, not reported) diagnostic of <paramref name="results"/>, sorted.</summary>
    public static IReadOnlyList<Diagnostic> AllSuppressed(IEnumerable<LintResult> results)
    {
        var all = results.SelectMany(result => result.Suppressed).ToList();
        all.Sort(Diagnostic.Order);
        return all;
    }
}
