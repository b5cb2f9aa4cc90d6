using System.Diagnostics;
using OpenApiLint.Core.Documents;
using OpenApiLint.Core.Linting;

namespace OpenApiLint.Bench;

/// <summary>
/// Where a single load's memory peaks, stage by stage, in a fresh process as the tool runs it: the resident set is
/// sampled every millisecond on another thread, and each stage reports the highest it reached, what is resident at
/// its end and the GC's heap. With <c>--live</c> a full blocking collection ends each stage, so its end figures are
/// what is really alive then (the collections change the run: compare runs of the same mode only).
/// </summary>
internal static class MemoryCommand
{
    public static int Run(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("memory: no file given");
            return 2;
        }

        var file = args[0];
        var live = args.Contains("--live");
        // --pause-after STAGE: 20 s of sleep after that stage, to take a heap dump (dotnet-gcdump collect -p PID).
        var pauseAfter = args.SkipWhile(arg => arg != "--pause-after").Skip(1).FirstOrDefault();
        using var sampler = new ResidentSetSampler();
        var stages = new List<object>();
        var currentStage = "start";
        using var collections = args.Contains("--gc-events") ? new CollectionListener(() => currentStage) : null;
        var clock = Stopwatch.StartNew();

        T Stage<T>(string name, Func<T> work)
        {
            sampler.ResetPeak();
            currentStage = name;
            var start = clock.Elapsed.TotalMilliseconds;
            var result = work();
            var ms = clock.Elapsed.TotalMilliseconds - start;
            var peak = sampler.Peak;
            long? liveBytes = live ? GC.GetTotalMemory(forceFullCollection: true) : null;
            stages.Add(new
            {
                stage = name,
                ms = Math.Round(ms, 1),
                peakRssMb = Mb(peak),
                endRssMb = Mb(ResidentSetSampler.Current()),
                gcHeapMb = Mb(GC.GetGCMemoryInfo(GCKind.Any).HeapSizeBytes),
                liveMb = liveBytes is { } bytes ? Mb(bytes) : (double?)null,
            });
            if (name == pauseAfter)
            {
                Console.Error.WriteLine($"memory: paused after {name}, pid {Environment.ProcessId}");
                Thread.Sleep(20_000);
            }

            return result;
        }

        if (args.Contains("--runner"))
        {
            // The tool's own path: one LintRunner over the file, the text let go once the findings are positioned.
            var runner = new LintRunner(new RulesetResolver("recommended")) { KeepSourceText = false };
            Stage("lint-file", () => runner.LintFile(file));
        }
        else
        {
            var bytes = Stage("read", () => File.ReadAllBytes(file));
            var parsed = Stage("syntax", () => SyntaxReader.Read(file, bytes, DocumentFormats.Detect(file, bytes)));
            // The text is the parsed file's alone from here, which lets go of it after the walk as the loader does.
            bytes = null!;
            var bundle = Stage("bundle", () => ReferenceBundler.Bundle(parsed, OpenApiDocumentLoader.ReadReferencedFile));
            var version = parsed.Root.TryGetProperty("swagger"u8, out _) ? "2.0" : "3.0.0";
            Stage("release-parse", () =>
            {
                parsed.Dispose();
                bundle.Dispose();
                parsed.Text.Release();
                foreach (var external in bundle.ExternalFiles)
                {
                    external.Text.Release();
                }

                if (args.Contains("--collect-after-walk"))
                {
                    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                }

                return 0;
            });
            var model = Stage("openapi-reader+model", () => ModelReader.Read(bundle.ReaderTree, version, file, bundle.BodyPropertySets, "webhooks"));
            GC.KeepAlive(model);
        }

        JsonLines.Write(new { file, live, stages, collections = collections?.Collections, process = ProcessStats.Capture() });
        return 0;
    }

    /// <summary>Every collection the runtime reports (--gc-events): its generation, reason, stage and the heap after it.</summary>
    private sealed class CollectionListener(Func<string> stage) : System.Diagnostics.Tracing.EventListener
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<object> _collections = new();
        private (string Stage, int Generation, string Reason) _pending;

        public IReadOnlyList<object> Collections => [.. _collections];

        protected override void OnEventSourceCreated(System.Diagnostics.Tracing.EventSource source)
        {
            if (source.Name == "Microsoft-Windows-DotNETRuntime")
            {
                // The GC keyword, informational: GCStart and GCHeapStats.
                EnableEvents(source, System.Diagnostics.Tracing.EventLevel.Informational, (System.Diagnostics.Tracing.EventKeywords)0x1);
            }
        }

        protected override void OnEventWritten(System.Diagnostics.Tracing.EventWrittenEventArgs data)
        {
            if (data.EventName is null || data.Payload is null)
            {
                return;
            }

            object? Field(string name)
            {
                var index = data.PayloadNames?.IndexOf(name) ?? -1;
                return index >= 0 ? data.Payload[index] : null;
            }

            if (data.EventName.StartsWith("GCStart", StringComparison.Ordinal))
            {
                _pending = (stage(), Convert.ToInt32(Field("Depth"), System.Globalization.CultureInfo.InvariantCulture), Field("Reason")?.ToString() ?? "");
            }
            else if (data.EventName.StartsWith("GCHeapStats", StringComparison.Ordinal))
            {
                long Size(string name) => Convert.ToInt64(Field(name), System.Globalization.CultureInfo.InvariantCulture);
                _collections.Enqueue(new
                {
                    stage = _pending.Stage,
                    gen = _pending.Generation,
                    reason = _pending.Reason,
                    afterMb = Mb(Size("GenerationSize0") + Size("GenerationSize1") + Size("GenerationSize2") + Size("GenerationSize3") + Size("GenerationSize4")),
                    gen2Mb = Mb(Size("GenerationSize2")),
                    lohMb = Mb(Size("GenerationSize3")),
                    rssMb = Mb(ResidentSetSampler.Current()),
                });
            }
        }
    }

    private static double Mb(long bytes) => Math.Round(bytes / (1024.0 * 1024.0), 1);

    /// <summary>Reads the resident set size from <c>/proc/self/statm</c> every millisecond and keeps the highest seen.</summary>
    private sealed class ResidentSetSampler : IDisposable
    {
        private readonly Thread _thread;
        private volatile bool _stopped;
        private long _peak;

        public ResidentSetSampler()
        {
            _thread = new Thread(() =>
            {
                while (!_stopped)
                {
                    var current = Current();
                    if (current > Interlocked.Read(ref _peak))
                    {
                        Interlocked.Exchange(ref _peak, current);
                    }

                    Thread.Sleep(1);
                }
            }) { IsBackground = true, Priority = ThreadPriority.Highest };
            _thread.Start();
        }

        public long Peak => Math.Max(Interlocked.Read(ref _peak), Current());

        public void ResetPeak() => Interlocked.Exchange(ref _peak, Current());

        public static long Current()
        {
            var fields = File.ReadAllText("/proc/self/statm").Split(' ');
            return long.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture) * Environment.SystemPageSize;
        }

        public void Dispose()
        {
            _stopped = true;
            _thread.Join();
        }
    }
}
