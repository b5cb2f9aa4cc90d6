using System.Diagnostics;
using OpenApiLint.Core.Documents;
using OpenApiLint.Core.Linting;
using OpenApiLint.Core.Rulesets;

namespace OpenApiLint.Bench;

/// <summary>
/// Where the time of one load goes, stage by stage, with the same internals the loader calls (repeated, medians),
/// then the loader and the linter end to end. Profile with this before changing the loader.
/// </summary>
internal static class StagesCommand
{
    public static int Run(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("stages: no file given");
            return 2;
        }

        var file = args[0];
        var repeat = args is [_, "--repeat", var n] ? int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : 3;
        var ruleset = RulesetLoader.LoadBuiltIn(BuiltInRulesets.DefaultName).Ruleset!;
        var timings = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var cpu = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var allocations = new Dictionary<string, long>(StringComparer.Ordinal);
        using var process = System.Diagnostics.Process.GetCurrentProcess();

        T Time<T>(string stage, Func<T> work)
        {
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var start = Stopwatch.GetTimestamp();
            var result = work();
            var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            process.Refresh();
            (cpu.TryGetValue(stage, out var cpuList) ? cpuList : cpu[stage] = []).Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
            (timings.TryGetValue(stage, out var list) ? list : timings[stage] = []).Add(ms);
            allocations[stage] = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            return result;
        }

        long readerTreeBytes = 0;
        for (var i = 0; i < repeat; i++)
        {
            var bytes = Time("read", () => File.ReadAllBytes(file));
            using var parsed = Time("syntax", () => SyntaxReader.Read(file, bytes, DocumentFormats.Detect(file, bytes)));
            using var bundle = Time("bundle", () => ReferenceBundler.Bundle(parsed, OpenApiDocumentLoader.ReadReferencedFile));
            readerTreeBytes = System.Text.Encoding.UTF8.GetByteCount(bundle.ReaderTree.ToJsonString());
            if (Environment.GetEnvironmentVariable("OPENAPI_LINT_DUMP_READER_TREE") is { Length: > 0 } dumpPath)
            {
                File.WriteAllText(dumpPath, bundle.ReaderTree.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
            }

            // Microsoft.OpenApi reads the tree in parts (components, then path items on every core), each part turned
            // into the rules' operations at once: one stage now, CPU time counting both cores.
            var version = parsed.Root.TryGetProperty("swagger"u8, out _) ? "2.0" : "3.0.0";
            var model = Time("openapi-reader+model", () => ModelReader.Read(bundle.ReaderTree, version, file, bundle.BodyPropertySets, "webhooks"));
            if (model.Model is null)
            {
                Console.Error.WriteLine(model.Error);
            }

            var loaded = Time("loader-total", () => OpenApiDocumentLoader.Load(file));
            if (loaded.Document is { } document)
            {
                Time("lint", () => new Linter().Lint(document, ruleset));
            }
            else
            {
                Console.Error.WriteLine(loaded.Error);
            }
        }

        JsonLines.Write(new
        {
            file,
            bytes = new FileInfo(file).Length,
            repeat,
            // What Microsoft.OpenApi is handed, serialized: the slice of the document the rules read.
            readerTreeBytes,
            firstMs = timings.ToDictionary(entry => entry.Key, entry => Math.Round(entry.Value[0], 1)),
            medianMs = timings.ToDictionary(entry => entry.Key, entry => Stats.Median(entry.Value)),
            // CPU time of the whole process (GC threads included): steadier than wall time on a shared machine.
            medianCpuMs = cpu.ToDictionary(entry => entry.Key, entry => Stats.Median(entry.Value)),
            allocatedMb = allocations.ToDictionary(entry => entry.Key, entry => Math.Round(entry.Value / (1024.0 * 1024.0), 1)),
            process = ProcessStats.Capture(),
        });
        return 0;
    }
}
