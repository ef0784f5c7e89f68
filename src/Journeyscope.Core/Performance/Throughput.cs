using Journeyscope.EventLogs;

namespace Journeyscope.Performance;

/// <summary>Throughput over time: cases started and completed per day or week, and work in progress.</summary>
/// <remarks>
/// A case starts at its first event and completes at its last (the log holds what happened so far, so a case whose
/// last event is recent may still be running in reality). Periods are read in the log's time basis: UTC days for a
/// <see cref="TimeBasis.Utc"/> log, local days for a <see cref="TimeBasis.WallClock"/> one. O(cases + periods).
/// </remarks>
public static class Throughput
{
    private const int ChunkCases = 65536;

    /// <summary>Analyses <paramref name="log"/>.</summary>
    public static ThroughputResult Analyze(EventLog log, Granularity granularity = Granularity.Day, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (!Enum.IsDefined(granularity))
        {
            throw new ArgumentOutOfRangeException(nameof(granularity), granularity, "Unknown granularity.");
        }

        var periodTicks = granularity == Granularity.Day ? TimeSpan.TicksPerDay : TimeSpan.TicksPerDay * 7;
        var starts = log.CaseStarts;
        var times = log.Timestamps;
        long firstPeriod = long.MaxValue, lastPeriod = long.MinValue;
        for (var c = 0; c < log.CaseCount; c++)
        {
            if (starts[c + 1] > starts[c])
            {
                firstPeriod = Math.Min(firstPeriod, times[starts[c]] / periodTicks);
                lastPeriod = Math.Max(lastPeriod, times[starts[c + 1] - 1] / periodTicks);
            }
        }

        if (firstPeriod > lastPeriod)
        {
            return new ThroughputResult(granularity, []);
        }

        var periods = checked((int)(lastPeriod - firstPeriod + 1));
        var started = new int[periods];
        var completed = new int[periods];
        for (var c = 0; c < log.CaseCount; c++)
        {
            if (c % ChunkCases == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (starts[c + 1] > starts[c])
            {
                started[(int)((times[starts[c]] / periodTicks) - firstPeriod)]++;
                completed[(int)((times[starts[c + 1] - 1] / periodTicks) - firstPeriod)]++;
            }
        }

        return Result(granularity, log.TimeBasis, firstPeriod, periodTicks, started, completed);
    }

    /// <summary>
    /// The periods from the cases started and completed in each (period <paramref name="firstPeriod"/> onwards, each
    /// <paramref name="periodTicks"/> long), with the cases open at the end of each: shared by the whole-log pass and
    /// <see cref="ThroughputPartial"/>'s finish.
    /// </summary>
    internal static ThroughputResult Result(
        Granularity granularity, TimeBasis? timeBasis, long firstPeriod, long periodTicks, int[] started, int[] completed)
    {
        var kind = timeBasis == TimeBasis.Utc ? DateTimeKind.Utc : DateTimeKind.Unspecified;
        var result = new ThroughputPeriod[started.Length];
        var open = 0;
        for (var p = 0; p < result.Length; p++)
        {
            open += started[p] - completed[p];
            result[p] = new ThroughputPeriod(new DateTime((firstPeriod + p) * periodTicks, kind), started[p], completed[p], open);
        }

        return new ThroughputResult(granularity, result);
    }
}
