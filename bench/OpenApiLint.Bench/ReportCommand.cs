using System.Diagnostics;
using OpenApiLint.Core.Files;
using OpenApiLint.Core.Linting;
using OpenApiLint.Core.Report;

namespace OpenApiLint.Bench;

/// <summary>
/// What the HTML report adds to a lint, stage by stage, in one process as the tool runs it: the lint (keeping the
/// findings' excerpts), the view model, the render into the report file; for each, wall and CPU time, bytes
/// allocated, what stays reachable after it (a forced collection, only with <c>--retained</c>: it changes the peak),
/// and the process's peak working set so far. The report's own cost is the last two stages.
/// </summary>
internal static class ReportCommand
{
    public static int Run(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("report: no file given");
            return 2;
        }

        var file = args[0];
        var ruleset = "recommended";
        var output = Path.Combine(Path.GetTempPath(), $"openapi-lint-bench-{Environment.ProcessId}.html");
        var retained = false;
        var lintOnly = false;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--ruleset" when i + 1 < args.Length:
                    ruleset = args[++i];
                    break;
                case "--out" when i + 1 < args.Length:
                    output = args[++i];
                    break;
                case "--lint-only":
                    lintOnly = true;
                    break;
                case "--retained":
                    retained = true;
                    break;
                default:
                    Console.Error.WriteLine($"report: unknown option {args[i]}");
                    return 2;
            }
        }

        using var process = Process.GetCurrentProcess();
        var stages = new List<object>();

        T Stage<T>(string name, Func<T> work)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var start = Stopwatch.GetTimestamp();
            var result = work();
            var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            process.Refresh();
            var cpuMs = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
            var peak = process.PeakWorkingSet64;
            long? live = retained ? GC.GetTotalMemory(forceFullCollection: true) : null;
            stages.Add(new
            {
                stage = name,
                ms = Math.Round(ms, 1),
                cpuMs = Math.Round(cpuMs, 1),
                allocatedMb = Mb(allocated),
                retainedMb = live is { } bytes ? Mb(bytes) : (double?)null,
                peakWorkingSetMb = Mb(peak),
            });
            return result;
        }

        var runner = new LintRunner(new RulesetResolver(ruleset, Directory.GetCurrentDirectory())) { KeepSourceText = false, KeepExcerpts = !lintOnly };
        var results = Stage("lint", () => runner.LintFiles([file]));
        if (lintOnly)
        {
            JsonLines.Write(new { file, ruleset, stages, process = ProcessStats.Capture() });
            GC.KeepAlive(results);
            return 0;
        }

        var report = new LintReport(results, "openapi-lint", "bench", Directory.GetCurrentDirectory(), DateTimeOffset.UtcNow);
        var template = ReportTemplate.BuiltIn;
        var model = Stage("view-model", () => ReportViewModelBuilder.Build(report));
        Stage("render+write", () =>
        {
            // As the tool writes a report to a file: streamed into it, replacing it only once it is whole.
            AtomicFile.Write(output, writer => template.Render(model, writer));
            return 0;
        });

        JsonLines.Write(new
        {
            file,
            ruleset,
            findings = report.AllFindings.Count,
            operations = model.Summary.Operations,
            htmlBytes = new FileInfo(output).Length,
            stages,
            process = ProcessStats.Capture(),
        });
        return 0;
    }

    private static double Mb(long bytes) => Math.Round(bytes / (1024.0 * 1024.0), 1);
}
