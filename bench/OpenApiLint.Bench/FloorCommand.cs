using System.Diagnostics;
using System.Text.Json;

namespace OpenApiLint.Bench;

/// <summary>
/// The floor a lint is measured against: reading the file and parsing it with <see cref="JsonDocument"/>, which
/// builds no tree of objects. No linter that reads the whole document can be faster than this.
/// </summary>
internal static class FloorCommand
{
    public static int Run(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("floor: no file given");
            return 2;
        }

        var file = args[0];
        var repeat = args is [_, "--repeat", var n] ? int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : 1;
        var readMs = new List<double>();
        var parseMs = new List<double>();
        long bytes = 0;
        for (var i = 0; i < repeat; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var content = File.ReadAllBytes(file);
            readMs.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            bytes = content.Length;

            start = Stopwatch.GetTimestamp();
            using (var document = JsonDocument.Parse(content, new JsonDocumentOptions { MaxDepth = 256, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip }))
            {
                GC.KeepAlive(document.RootElement.ValueKind);
            }

            parseMs.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        JsonLines.Write(new
        {
            file,
            bytes,
            readMs = Stats.Median(readMs),
            parseMs = Stats.Median(parseMs),
            firstParseMs = Math.Round(parseMs[0], 2),
            process = ProcessStats.Capture(),
        });
        return 0;
    }
}

internal static class Stats
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return 0;
        }

        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return Math.Round(median, 2);
    }
}
