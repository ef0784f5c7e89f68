using System.Diagnostics;

namespace Journeyscope.Cli.Bench;

/// <summary>Times an action after a full GC, with its peak working set.</summary>
/// <remarks>
/// Every side of a comparison is timed with <see cref="Best{T}"/> and the same number of runs: the first run warms up
/// (JIT, caches, DuckDB's buffer pool), and the best run is the least disturbed by other work on a shared machine.
/// </remarks>
internal static class Measure
{
    public static (double Seconds, double PeakMiB, T Result) Run<T>(Func<T> action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var memory = new PeakMemory();
        var watch = Stopwatch.StartNew();
        var result = action();
        watch.Stop();
        return (watch.Elapsed.TotalSeconds, memory.PeakMiB, result);
    }

    /// <summary>The best of <paramref name="runs"/> timings: the least disturbed by other work on a shared machine.</summary>
    public static (double Seconds, double PeakMiB, T Result) Best<T>(int runs, Func<T> action)
    {
        var best = Run(action);
        for (var i = 1; i < runs; i++)
        {
            var next = Run(action);
            if (next.Seconds < best.Seconds)
            {
                best = next;
            }
        }

        return best;
    }
}
