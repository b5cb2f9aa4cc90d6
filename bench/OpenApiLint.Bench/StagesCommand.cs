using System.Diagnostics;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
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
        var allocations = new Dictionary<string, long>(StringComparer.Ordinal);

        T Time<T>(string stage, Func<T> work)
        {
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            var result = work();
            var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            (timings.TryGetValue(stage, out var list) ? list : timings[stage] = []).Add(ms);
            allocations[stage] = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            return result;
        }

        for (var i = 0; i < repeat; i++)
        {
            var bytes = Time("read", () => File.ReadAllBytes(file));
            var parsed = Time("syntax", () => SyntaxReader.Read(file, bytes, DocumentFormats.Detect(file, bytes)));
            var bundle = Time("bundle", () => ReferenceBundler.Bundle(parsed, path => throw new InvalidOperationException(path)));
            var read = Time("openapi-reader", () => new OpenApiJsonReader().Read(parsed.Root!, new Uri(Path.GetFullPath(file)), new OpenApiReaderSettings
            {
                RuleSet = ValidationRuleSet.GetEmptyRuleSet(),
                LoadExternalRefs = false,
            }));
            Time("model", () => ApiModelBuilder.Build(read.Document!, "3.0.0", bundle, file));

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
            firstMs = timings.ToDictionary(entry => entry.Key, entry => Math.Round(entry.Value[0], 1)),
            medianMs = timings.ToDictionary(entry => entry.Key, entry => Stats.Median(entry.Value)),
            allocatedMb = allocations.ToDictionary(entry => entry.Key, entry => Math.Round(entry.Value / (1024.0 * 1024.0), 1)),
            process = ProcessStats.Capture(),
        });
        return 0;
    }
}
