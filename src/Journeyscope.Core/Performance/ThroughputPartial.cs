using Journeyscope.EventLogs;
using Journeyscope.Partitions;

namespace Journeyscope.Performance;

/// <summary>
/// The mergeable partial of <see cref="Throughput"/> over some cases: per day (in the log's time basis), the cases that
/// started and completed on it. Days, not periods, so one partial finishes at any granularity (an ISO week is seven
/// whole days from day 0, a Monday).
/// </summary>
/// <remarks>
/// Immutable. Counts add and subtract exactly, so <see cref="Merge"/> in any order and <see cref="Apply"/> (a running
/// total: old cases out, new cases in) give the same result as <see cref="Throughput.Analyze"/> of the whole log.
/// O(cases) to map, O(days) to merge and finish.
/// </remarks>
public sealed class ThroughputPartial
{
    private static readonly ThroughputPartial Empty = new(new Dictionary<long, DayCounts>(), null, 0);

    private readonly Dictionary<long, DayCounts> _days;

    private ThroughputPartial(Dictionary<long, DayCounts> days, TimeBasis? timeBasis, int cases)
    {
        _days = days;
        TimeBasis = timeBasis;
        CaseCount = cases;
    }

    /// <summary>The time basis of the days; null when no log was mapped.</summary>
    public TimeBasis? TimeBasis { get; }

    /// <summary>Cases with at least one event covered.</summary>
    public int CaseCount { get; }

    /// <summary>The partial of every case of <paramref name="segment"/> (the map step).</summary>
    public static ThroughputPartial Map(EventLogSegment segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        return Map(segment.Log);
    }

    /// <summary>The partial of every case of <paramref name="log"/>.</summary>
    public static ThroughputPartial Map(EventLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var starts = log.CaseStarts;
        var times = log.Timestamps;
        var days = new Dictionary<long, DayCounts>();
        var cases = 0;
        for (var c = 0; c < log.CaseCount; c++)
        {
            if (starts[c + 1] > starts[c])
            {
                cases++;
                Add(days, times[starts[c]] / TimeSpan.TicksPerDay, 1, 0);
                Add(days, times[starts[c + 1] - 1] / TimeSpan.TicksPerDay, 0, 1);
            }
        }

        return new ThroughputPartial(days, log.TimeBasis, cases);
    }

    /// <summary>One partial of <paramref name="partials"/> (none gives the empty partial).</summary>
    /// <exception cref="ArgumentException">The partials come from logs of different time bases.</exception>
    public static ThroughputPartial Merge(IReadOnlyList<ThroughputPartial> partials) => Apply(Empty, [], partials);

    /// <summary>
    /// The running total <paramref name="total"/> with the cases of <paramref name="removed"/> taken out and those of
    /// <paramref name="added"/> put in: a changed case is removed as it was and added as it is.
    /// </summary>
    /// <exception cref="InvalidOperationException">A removed case is not in the total (a count would go negative).</exception>
    public static ThroughputPartial Apply(ThroughputPartial total, IReadOnlyList<ThroughputPartial> removed, IReadOnlyList<ThroughputPartial> added)
    {
        ArgumentNullException.ThrowIfNull(total);
        ArgumentNullException.ThrowIfNull(removed);
        ArgumentNullException.ThrowIfNull(added);
        var days = new Dictionary<long, DayCounts>(total._days);
        var basis = total.TimeBasis;
        var cases = total.CaseCount;
        foreach (var partial in removed)
        {
            foreach (var (day, counts) in partial._days)
            {
                Add(days, day, -counts.Started, -counts.Completed);
            }

            cases -= partial.CaseCount;
        }

        foreach (var partial in added)
        {
            if (basis is { } b && partial.TimeBasis is { } p && b != p)
            {
                throw new ArgumentException("Partials of logs with different time bases do not merge.", nameof(added));
            }

            basis ??= partial.TimeBasis;
            foreach (var (day, counts) in partial._days)
            {
                Add(days, day, counts.Started, counts.Completed);
            }

            cases += partial.CaseCount;
        }

        if (cases < 0)
        {
            throw new InvalidOperationException("More cases were removed than the total holds.");
        }

        return new ThroughputPartial(days, cases == 0 ? null : basis, cases);
    }

    /// <summary>The throughput at <paramref name="granularity"/>: equal to <see cref="Throughput.Analyze"/> of the covered cases.</summary>
    public ThroughputResult Finish(Granularity granularity = Granularity.Day)
    {
        if (!Enum.IsDefined(granularity))
        {
            throw new ArgumentOutOfRangeException(nameof(granularity), granularity, "Unknown granularity.");
        }

        var daysPerPeriod = granularity == Granularity.Day ? 1 : 7;
        long firstPeriod = long.MaxValue, lastPeriod = long.MinValue;
        foreach (var day in _days.Keys)
        {
            firstPeriod = Math.Min(firstPeriod, day / daysPerPeriod);
            lastPeriod = Math.Max(lastPeriod, day / daysPerPeriod);
        }

        if (firstPeriod > lastPeriod)
        {
            return new ThroughputResult(granularity, []);
        }

        var periods = checked((int)(lastPeriod - firstPeriod + 1));
        var started = new int[periods];
        var completed = new int[periods];
        foreach (var (day, counts) in _days)
        {
            var p = (int)((day / daysPerPeriod) - firstPeriod);
            started[p] += counts.Started;
            completed[p] += counts.Completed;
        }

        return Throughput.Result(granularity, TimeBasis, firstPeriod, TimeSpan.TicksPerDay * daysPerPeriod, started, completed);
    }

    private static void Add(Dictionary<long, DayCounts> days, long day, int started, int completed)
    {
        days.TryGetValue(day, out var counts);
        counts = new DayCounts(counts.Started + started, counts.Completed + completed);
        if (counts.Started < 0 || counts.Completed < 0)
        {
            throw new InvalidOperationException($"Day {day} would count fewer than no cases: a removed case is not in the total.");
        }

        if (counts.Started == 0 && counts.Completed == 0)
        {
            days.Remove(day);
        }
        else
        {
            days[day] = counts;
        }
    }

    private readonly record struct DayCounts(int Started, int Completed);
}
