using System.Globalization;
using Journeyscope.EventLogs;
using Journeyscope.Filters;

namespace Journeyscope.Segments;

/// <summary>Cohorts and retention: which share of each cohort comes back in each later period, and how many churn.</summary>
/// <remarks>
/// A case is one customer. Its first event fixes its start period p0. It is retained in period k when it has a return event
/// (not its first event) whose period is p0 + k. It counts in the denominator of period k only when period p0 + k has begun
/// by the end of observation, so young cohorts are not penalised for periods not yet lived. Churn: an explicit churn
/// activity, or inactivity of at least <see cref="RetentionOptions.ChurnAfter"/> before the end of observation.
/// One pass over the events, O(events); thread-safe.
/// </remarks>
public static class RetentionAnalysis
{
    /// <summary>Computes the retention table of <paramref name="log"/>.</summary>
    /// <exception cref="ArgumentException">Periods is negative, or the cohort attribute does not exist.</exception>
    public static RetentionResult Compute(EventLog log, RetentionOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Periods);
        AttributeColumn? cohortColumn = null;
        if (options.CohortAttribute is { } attribute)
        {
            cohortColumn = log.FindCaseAttribute(attribute)
                ?? throw new ArgumentException($"The cohort attribute '{attribute}' is not a case attribute of this log.", nameof(options));
        }

        var timestamps = log.Timestamps;
        var asOf = options.AsOf ?? Latest(timestamps);
        var asOfPeriod = PeriodIndex(asOf, options.Period);
        var returns = options.ReturnActivities is { Count: > 0 } r ? ActivitySet.Resolve(log, r) : null;
        var churns = options.ChurnActivities is { Count: > 0 } x ? ActivitySet.Resolve(log, x) : null;
        var hasChurnRule = churns is not null || options.ChurnAfter is not null;
        var periods = options.Periods + 1;
        var cohorts = new Dictionary<string, Accumulator>(StringComparer.Ordinal);
        var total = new Accumulator("all", null, periods);
        var seen = new bool[periods];
        var activities = log.Activities;
        for (var c = 0; c < log.CaseCount; c++)
        {
            if ((c & 4095) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var start = log.CaseStart(c);
            var end = log.CaseStart(c + 1);
            if (start == end)
            {
                continue;
            }

            var p0 = PeriodIndex(timestamps[start], options.Period);
            Array.Clear(seen);
            var churned = false;
            for (var e = start; e < end; e++)
            {
                if (churns is not null && churns[activities[e]])
                {
                    churned = true;
                }

                if (e == start || (returns is not null && !returns[activities[e]]))
                {
                    continue;
                }

                var k = PeriodIndex(timestamps[e], options.Period) - p0;
                if (k >= 0 && k < periods)
                {
                    seen[k] = true;
                }
            }

            if (options.ChurnAfter is { } inactivity && asOf - timestamps[end - 1] >= inactivity.Ticks)
            {
                churned = true;
            }

            var label = cohortColumn is null
                ? PeriodLabel(p0, options.Period)
                : cohortColumn.GetValue(c)?.ToString() ?? "(none)";
            if (!cohorts.TryGetValue(label, out var cohort))
            {
                cohort = new Accumulator(label, cohortColumn is null ? PeriodStart(p0, options.Period) : null, periods);
                cohorts.Add(label, cohort);
            }

            var eligible = (int)Math.Min(periods, Math.Max(0, asOfPeriod - p0 + 1));
            cohort.Add(seen, eligible, churned);
            total.Add(seen, eligible, churned);
        }

        var list = new List<Cohort>(cohorts.Count);
        foreach (var cohort in cohorts.Values)
        {
            list.Add(cohort.ToCohort(hasChurnRule));
        }

        list.Sort((a, b) => a.Start is { } sa && b.Start is { } sb
            ? sa.CompareTo(sb)
            : b.Size != a.Size ? b.Size.CompareTo(a.Size) : string.CompareOrdinal(a.Label, b.Label));
        return new RetentionResult(options, asOf, list, total.ToCohort(hasChurnRule));
    }

    /// <summary>The index of the period holding <paramref name="ticks"/>: days or weeks since 0001-01-01 (a Monday), or months.</summary>
    public static long PeriodIndex(long ticks, CohortPeriod period) => period switch
    {
        CohortPeriod.Day => ticks / TimeSpan.TicksPerDay,
        CohortPeriod.Week => ticks / TimeSpan.TicksPerDay / 7,
        _ => MonthIndex(ticks),
    };

    /// <summary>The first instant (ticks) of period <paramref name="index"/>.</summary>
    public static long PeriodStart(long index, CohortPeriod period) => period switch
    {
        CohortPeriod.Day => index * TimeSpan.TicksPerDay,
        CohortPeriod.Week => index * 7 * TimeSpan.TicksPerDay,
        _ => new DateTime((int)(index / 12), (int)(index % 12) + 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks,
    };

    private static long MonthIndex(long ticks)
    {
        var date = new DateTime(ticks, DateTimeKind.Utc);
        return (date.Year * 12L) + date.Month - 1;
    }

    private static string PeriodLabel(long index, CohortPeriod period)
    {
        var start = new DateTime(PeriodStart(index, period), DateTimeKind.Utc);
        return start.ToString(period == CohortPeriod.Month ? "yyyy-MM" : "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private static long Latest(ReadOnlySpan<long> timestamps)
    {
        var latest = 0L;
        foreach (var t in timestamps)
        {
            latest = Math.Max(latest, t);
        }

        return latest;
    }

    private sealed class Accumulator(string label, long? start, int periods)
    {
        private readonly long[] _eligible = new long[periods];
        private readonly long[] _retained = new long[periods];
        private long _size;
        private long _churned;

        public void Add(ReadOnlySpan<bool> seen, int eligible, bool churned)
        {
            _size++;
            if (churned)
            {
                _churned++;
            }

            for (var k = 0; k < eligible; k++)
            {
                _eligible[k]++;
                if (seen[k])
                {
                    _retained[k]++;
                }
            }
        }

        public Cohort ToCohort(bool hasChurnRule)
        {
            var rates = new double[_eligible.Length];
            for (var k = 0; k < rates.Length; k++)
            {
                rates[k] = _eligible[k] == 0 ? double.NaN : (double)_retained[k] / _eligible[k];
            }

            return new Cohort(
                label,
                start,
                _size,
                _eligible,
                _retained,
                rates,
                hasChurnRule ? _churned : null,
                hasChurnRule ? (_size == 0 ? 0 : (double)_churned / _size) : null);
        }
    }
}
