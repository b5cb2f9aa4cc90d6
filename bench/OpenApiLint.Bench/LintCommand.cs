using System.Collections.Concurrent;
using System.Diagnostics;
using OpenApiLint.Core.Documents;
using OpenApiLint.Core.Linting;

namespace OpenApiLint.Bench;

/// <summary>
/// Lints files the way the tool will (<see cref="LintRunner"/>, the ruleset resolver, thread-pool parallelism) and
/// prints one JSON line per file, then one summary line. A file that takes longer than the timeout is reported as a
/// hang and ends the process, since a running lint cannot be aborted.
/// </summary>
internal static class LintCommand
{
    public static int Run(string[] args)
    {
        var startedAt = Stopwatch.GetTimestamp();
        var options = Options.Parse(args);
        if (options is null)
        {
            return 2;
        }

        var files = options.Files();
        // Largest first: on two cores, a 47 MB document started last would leave one core idle at the end.
        var sizes = files.ToDictionary(file => file, file => new FileInfo(file).Length, StringComparer.Ordinal);
        var ordered = files.OrderByDescending(file => sizes[file]).ToList();
        var runner = new LintRunner(new RulesetResolver(options.Ruleset));
        var inFlight = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var results = new ConcurrentBag<FileResult>();
        using var watchdog = new Timer(_ => CheckForHangs(inFlight, options, results, startedAt), null, 1000, 1000);

        var lintStart = Stopwatch.GetTimestamp();
        Parallel.ForEach(
            ordered,
            new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism },
            file =>
            {
                inFlight[file] = Stopwatch.GetTimestamp();
                var result = LintOne(runner, file, sizes[file]);
                inFlight.TryRemove(file, out _);
                results.Add(result);
                if (!options.SummaryOnly)
                {
                    JsonLines.Write(result);
                }
            });
        var lintMs = Stopwatch.GetElapsedTime(lintStart).TotalMilliseconds;

        var summary = Summary.Of(results, lintMs, Stopwatch.GetElapsedTime(startedAt).TotalMilliseconds, options.Parallelism);
        JsonLines.Write(summary);
        return summary.Crashes > 0 ? 1 : 0;
    }

    private static FileResult LintOne(LintRunner runner, string file, long bytes)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            var result = runner.LintFile(file);
            var ms = Math.Round(Stopwatch.GetElapsedTime(start).TotalMilliseconds, 2);
            return result.Linted
                ? new FileResult(file, "linted", bytes, ms, Diagnostics: result.Diagnostics.Count)
                : new FileResult(file, "refused", bytes, ms, Error: result.Errors[0].ToString(), Reason: result.Errors[0].Message);
        }
        catch (Exception crash)
        {
            var ms = Math.Round(Stopwatch.GetElapsedTime(start).TotalMilliseconds, 2);
            var frame = crash.StackTrace?.Split('\n', StringSplitOptions.TrimEntries).FirstOrDefault();
            return new FileResult(file, "crash", bytes, ms, Exception: crash.GetType().FullName, Reason: crash.Message, At: frame);
        }
    }

    private static void CheckForHangs(ConcurrentDictionary<string, long> inFlight, Options options, ConcurrentBag<FileResult> results, long startedAt)
    {
        var hung = inFlight.Where(entry => Stopwatch.GetElapsedTime(entry.Value).TotalSeconds > options.TimeoutSeconds).ToList();
        if (hung.Count == 0)
        {
            return;
        }

        foreach (var (file, since) in hung)
        {
            var result = new FileResult(file, "hang", new FileInfo(file).Length, Math.Round(Stopwatch.GetElapsedTime(since).TotalMilliseconds, 2),
                Reason: $"still running after {options.TimeoutSeconds} s");
            results.Add(result);
            JsonLines.Write(result);
        }

        var elapsed = Stopwatch.GetElapsedTime(startedAt).TotalMilliseconds;
        JsonLines.Write(Summary.Of(results, elapsed, elapsed, options.Parallelism));
        Environment.Exit(3);
    }

    private sealed record Options(List<string> Paths, int Parallelism, int TimeoutSeconds, bool SummaryOnly, string? Ruleset)
    {
        public static Options? Parse(string[] args)
        {
            var paths = new List<string>();
            var parallelism = Environment.ProcessorCount;
            var timeout = 120;
            var summaryOnly = false;
            string? ruleset = null;
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--parallel" when i + 1 < args.Length:
                        parallelism = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
                        break;
                    case "--timeout" when i + 1 < args.Length:
                        timeout = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
                        break;
                    case "--list" when i + 1 < args.Length:
                        paths.AddRange(File.ReadAllLines(args[++i]).Where(line => line.Length > 0));
                        break;
                    case "--ruleset" when i + 1 < args.Length:
                        ruleset = args[++i];
                        break;
                    case "--summary-only":
                        summaryOnly = true;
                        break;
                    default:
                        paths.Add(args[i]);
                        break;
                }
            }

            if (paths.Count == 0)
            {
                Console.Error.WriteLine("lint: no files given");
                return null;
            }

            return new Options(paths, Math.Max(1, parallelism), timeout, summaryOnly, ruleset);
        }

        public List<string> Files() =>
            Paths.SelectMany<string, string>(path => Directory.Exists(path)
                    ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                        .Where(file => DocumentFormats.Extensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
                        .Order(StringComparer.Ordinal)
                    : [path])
                .Distinct(StringComparer.Ordinal)
                .ToList();
    }
}

/// <summary>The outcome for one file: <c>Status</c> is linted, refused (a clean load error), crash (an exception escaped Core) or hang.</summary>
internal sealed record FileResult(
    string File,
    string Status,
    long Bytes,
    double Ms,
    int? Diagnostics = null,
    string? Error = null,
    string? Reason = null,
    string? Exception = null,
    string? At = null);

/// <summary>The last line of a lint run.</summary>
internal sealed record Summary(
    bool IsSummary,
    int Documents,
    int Linted,
    int Refused,
    int Crashes,
    int Hangs,
    long Bytes,
    double LintWallMs,
    double ProcessWallMs,
    double MbPerSecond,
    int Parallelism,
    ProcessStats Process)
{
    public static Summary Of(IReadOnlyCollection<FileResult> results, double lintMs, double processMs, int parallelism)
    {
        var bytes = results.Sum(result => result.Bytes);
        return new Summary(
            true,
            results.Count,
            results.Count(result => result.Status == "linted"),
            results.Count(result => result.Status == "refused"),
            results.Count(result => result.Status == "crash"),
            results.Count(result => result.Status == "hang"),
            bytes,
            Math.Round(lintMs, 1),
            Math.Round(processMs, 1),
            Math.Round(bytes / (1024.0 * 1024.0) / Math.Max(lintMs / 1000.0, 1e-9), 2),
            parallelism,
            ProcessStats.Capture());
    }
}
