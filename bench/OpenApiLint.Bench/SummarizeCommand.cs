using System.Text.Json;
using System.Text.RegularExpressions;

namespace OpenApiLint.Bench;

/// <summary>Turns the JSON lines of a corpus <c>lint</c> run into the report a person reads.</summary>
internal static partial class SummarizeCommand
{
    public static int Run(string[] args)
    {
        if (args.Length == 0 || !File.Exists(args[0]))
        {
            Console.Error.WriteLine("summarize: give the JSON lines file written by 'lint'");
            return 2;
        }

        var root = args is [_, "--root", var dir] ? Path.GetFullPath(dir) + Path.DirectorySeparatorChar : "";
        var files = new List<FileResult>();
        Summary? summary = null;
        foreach (var line in File.ReadLines(args[0]).Where(line => line.StartsWith('{')))
        {
            if (line.Contains("\"isSummary\":true", StringComparison.Ordinal))
            {
                summary = JsonSerializer.Deserialize<Summary>(line, JsonLines.Options);
            }
            else
            {
                files.Add(JsonSerializer.Deserialize<FileResult>(line, JsonLines.Options)!);
            }
        }

        string Name(string file) => root.Length > 0 && file.StartsWith(root, StringComparison.Ordinal) ? file[root.Length..] : file;

        var byStatus = files.GroupBy(file => file.Status).ToDictionary(group => group.Key, group => group.Count());
        var megabytes = files.Sum(file => file.Bytes) / (1024.0 * 1024.0);
        Console.WriteLine($"documents      {files.Count}");
        Console.WriteLine($"linted         {byStatus.GetValueOrDefault("linted")}");
        Console.WriteLine($"refused        {byStatus.GetValueOrDefault("refused")} (clean one-line load error)");
        Console.WriteLine($"crashes        {byStatus.GetValueOrDefault("crash")}");
        Console.WriteLine($"hangs          {byStatus.GetValueOrDefault("hang")}");
        Console.WriteLine($"diagnostics    {files.Sum(file => file.Diagnostics ?? 0)}");
        Console.WriteLine($"input          {megabytes:F1} MB");
        if (summary is not null)
        {
            Console.WriteLine($"lint wall      {summary.LintWallMs / 1000:F2} s ({summary.Parallelism} workers)");
            Console.WriteLine($"process wall   {summary.Process.SinceProcessStartMs / 1000:F2} s (runtime start to last file)");
            Console.WriteLine($"throughput     {summary.MbPerSecond:F1} MB/s");
            Console.WriteLine($"peak memory    {summary.Process.PeakWorkingSetMb:F0} MB working set; {summary.Process.TotalAllocatedMb / 1024:F1} GB allocated; " +
                $"GCs {summary.Process.Gen0Collections}/{summary.Process.Gen1Collections}/{summary.Process.Gen2Collections} (gen0/1/2), pauses {summary.Process.GcPauseMs / 1000:F2} s");
        }
        else
        {
            Console.WriteLine("summary        missing: the lint process died before it finished (a crash the runtime cannot catch, such as a stack overflow)");
        }

        var refused = files.Where(file => file.Status == "refused").ToList();
        if (refused.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine("refused, by reason:");
            foreach (var group in refused.GroupBy(file => Normalize(file.Reason ?? "")).OrderByDescending(group => group.Count()).ThenBy(group => group.Key, StringComparer.Ordinal))
            {
                Console.WriteLine($"  {group.Count(),5}  {group.Key}");
                foreach (var example in group.Take(3))
                {
                    Console.WriteLine($"         e.g. {Name(example.Error ?? example.File)}");
                }
            }
        }

        foreach (var failed in files.Where(file => file.Status is "crash" or "hang"))
        {
            Console.WriteLine($"{failed.Status.ToUpperInvariant(),-6} {Name(failed.File)}: {failed.Exception} {failed.Reason} {failed.At}");
        }

        Console.WriteLine();
        Console.WriteLine("slowest ten:");
        foreach (var slow in files.OrderByDescending(file => file.Ms).Take(10))
        {
            Console.WriteLine($"  {slow.Ms / 1000,7:F2} s  {slow.Bytes / (1024.0 * 1024.0),6:F1} MB  {slow.Status,-7}  {Name(slow.File)}");
        }

        return byStatus.GetValueOrDefault("crash") + byStatus.GetValueOrDefault("hang") > 0 || summary is null ? 1 : 0;
    }

    /// <summary>Groups messages that differ only in quoted names and numbers.</summary>
    private static string Normalize(string reason) => Numbers().Replace(Quoted().Replace(reason, "'…'"), "N");

    [GeneratedRegex("'[^']*'")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\b\d+\b")]
    private static partial Regex Numbers();
}
