using System.Collections.Concurrent;
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

    /// <summary>
    /// Without <see cref="KeepSourceText"/>: whether each result's document keeps the excerpts of its findings
    /// (<see cref="OpenApiLintDocument.ExcerptAt"/>) and its operations' responses, for the HTML report, while the
    /// text and the resolved references are released.
    /// </summary>
    public bool KeepExcerpts { get; init; }

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

        try
        {
            var findings = _linter.Findings(load.Document!, rulesetResult.Ruleset!);
            var document = KeepSourceText ? load.Document!
                : KeepExcerpts ? load.Document!.WithExcerptsOf(findings.Select(finding => finding.Location))
                : load.Document!.WithoutSourceText();
            return LintResult.Of(path, document, rulesetResult.Ruleset!, findings);
        }
        catch (SourceChangedException changed)
        {
            // The text is read again to position the findings; positions in another text would be wrong.
            return new LintResult(path, null, rulesetResult.Ruleset, [], [new LoadError(changed.FilePath, 0, 0, changed.Message)]);
        }
    }

    /// <summary>Lints many files, <paramref name="maxParallelism"/> at a time; results keep the input order.</summary>
    public IReadOnlyList<LintResult> LintFiles(IReadOnlyList<string> paths, int maxParallelism = 0)
    {
        var results = new LintResult[paths.Count];
        if (paths.Count == 1)
        {
            // A project's one document (the usual build): no workers to start for it.
            results[0] = LintFile(paths[0]);
            return results;
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = maxParallelism > 0 ? maxParallelism : Environment.ProcessorCount };
        // Largest first, so that a large document does not start last and leave the other workers idle; and one large
        // document at a time: each needs a few times its size while it loads, and two at once set the run's peak.
        var order = new SizedPath[paths.Count];
        for (var index = 0; index < order.Length; index++)
        {
            order[index] = new SizedPath(index, SizeOf(paths[index]));
        }

        Array.Sort(order, static (a, b) => a.Size != b.Size ? b.Size.CompareTo(a.Size) : a.Index.CompareTo(b.Index));
        using var large = new SemaphoreSlim(1);
        Parallel.ForEach(Partitioner.Create(order, EnumerablePartitionerOptions.NoBuffering), options, entry =>
        {
            var isLarge = entry.Size >= LargeDocumentBytes;
            if (isLarge)
            {
                large.Wait();
            }

            try
            {
                results[entry.Index] = LintFile(paths[entry.Index]);
            }
            finally
            {
                if (isLarge)
                {
                    large.Release();
                }
            }
        });
        return results;
    }

    /// <summary>
    /// A path to lint by its place in the input and its size. A class, one per file: the runtime's generic code
    /// (sorting, partitioning, the parallel loop) over a value type of this assembly is never precompiled and was
    /// JIT-compiled in every fresh MSBuild node; over a class it is shared and precompiled.
    /// </summary>
    private sealed record SizedPath(int Index, long Size);

    /// <summary>
    /// Documents this large are loaded one at a time (Microsoft Graph's are 19 and 45 MB; the next is 6 MB): the size
    /// from which the loader also lets a document's text go while it is read.
    /// </summary>
    private const long LargeDocumentBytes = OpenApiDocumentLoader.LargeDocumentBytes;

    private static long SizeOf(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            // The load reports it.
            return 0;
        }
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
