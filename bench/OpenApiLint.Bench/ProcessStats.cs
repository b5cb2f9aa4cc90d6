using System.Diagnostics;

namespace OpenApiLint.Bench;

/// <summary>What the process has cost so far: peak memory as the OS sees it, and the GC's own account.</summary>
internal sealed record ProcessStats(
    double PeakWorkingSetMb,
    double TotalAllocatedMb,
    double GcHeapPeakMb,
    int Gen0Collections,
    int Gen1Collections,
    int Gen2Collections,
    double GcPauseMs,
    double ProcessCpuMs,
    double SinceProcessStartMs)
{
    public static ProcessStats Capture()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        return new ProcessStats(
            Mb(process.PeakWorkingSet64),
            Mb(GC.GetTotalAllocatedBytes(precise: false)),
            Mb(info.HeapSizeBytes > info.TotalCommittedBytes ? info.HeapSizeBytes : info.TotalCommittedBytes),
            GC.CollectionCount(0),
            GC.CollectionCount(1),
            GC.CollectionCount(2),
            Math.Round(GC.GetTotalPauseDuration().TotalMilliseconds, 1),
            Math.Round(process.TotalProcessorTime.TotalMilliseconds, 1),
            Math.Round((DateTime.Now - process.StartTime).TotalMilliseconds, 1));
    }

    private static double Mb(long bytes) => Math.Round(bytes / (1024.0 * 1024.0), 1);
}
