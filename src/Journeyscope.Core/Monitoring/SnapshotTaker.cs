using Journeyscope.Conformance;
using Journeyscope.EventLogs;
using Journeyscope.Filters;
using Journeyscope.Journeys;
using Journeyscope.Kpis;

namespace Journeyscope.Monitoring;

/// <summary>Takes the snapshot of one period: every KPI of a journey (overall and per segment), its conformance rate and top deviations.</summary>
/// <remarks>
/// The period's cases are those whose first event lies in [start, end) (a cohort: a case belongs to the period it
/// started in, whatever comes later), and KPIs that look forward (churn, retention) are measured as of the period's end.
/// Every value gets a 95 % interval with its method (<see cref="KpiSnapshot.IntervalMethod"/>): Wilson for shares, t for
/// means, the seeded case bootstrap for net scores, other ratios and custom expressions.
/// Thread-safe: no shared state.
/// </remarks>
public static class SnapshotTaker
{
    /// <summary>How many deviation patterns a snapshot keeps.</summary>
    public const int TopDeviations = 5;

    /// <summary>The snapshot of the period [<paramref name="start"/>, <paramref name="end"/>) of <paramref name="schedule"/>.</summary>
    /// <exception cref="KpiException">A KPI of the journey cannot be computed.</exception>
    public static PeriodSnapshot Take(
        EventLog log, DesignedJourney journey, MonitorSchedule schedule, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(journey);
        ArgumentNullException.ThrowIfNull(schedule);
        var window = new TimeWindowFilter(TimeWindowMode.Started, Ticks(log, start), Ticks(log, end));
        var cases = FilterPipeline.Apply(log, [window], cancellationToken);
        var kpis = new List<KpiSnapshot>();
        var conformance = new List<ConformanceSnapshot>();
        if (cases.CaseCount == 0)
        {
            foreach (var kpi in journey.Kpis)
            {
                kpis.Add(new KpiSnapshot(kpi.Id, null, null, 0, null, null, KpiStatus.NoData, null));
            }

            return new PeriodSnapshot(schedule.Id, journey.Id, start, end, 0, kpis, conformance);
        }

        var asOf = end.AddTicks(-1);
        var overall = KpiEngine.Compute(cases, journey, new KpiOptions { AsOf = asOf, Associations = false }, cancellationToken);
        var intervals = new SnapshotIntervals(cases, journey, new KpiOptions { AsOf = asOf, Associations = false }, schedule.SegmentBy);
        Add(kpis, overall, segmented: false, intervals);
        if (schedule.SegmentBy is { } by)
        {
            var segments = KpiEngine.Compute(cases, journey, new KpiOptions { AsOf = asOf, SegmentBy = by, Associations = false }, cancellationToken);
            Add(kpis, segments, segmented: true, intervals);
        }

        if (journey.Flow is not null)
        {
            var options = JourneyConformanceResult.Options(TopDeviations, schedule.SegmentBy is { } attribute ? [attribute] : null);
            var result = JourneyConformanceResult.From(JourneyConformance.Check(cases, journey, options, cancellationToken), 0);
            conformance.Add(new ConformanceSnapshot(null, result.Cases, result.FittingCases, result.Cases == 0 ? null : result.ConformanceRate,
                [.. result.Patterns.Select(p => new SnapshotDeviation(p.Pattern, p.Description, p.Cases, p.Share))]));
            foreach (var segment in result.Segments)
            {
                if (string.Equals(segment.Dimension, schedule.SegmentBy, StringComparison.Ordinal))
                {
                    conformance.Add(new ConformanceSnapshot(segment.Value, segment.Cases, segment.FittingCases,
                        segment.Cases == 0 ? null : segment.ConformanceRate, []));
                }
            }
        }

        return new PeriodSnapshot(schedule.Id, journey.Id, start, end, cases.CaseCount, kpis, conformance);
    }

    /// <summary>The 95 % Wilson score interval of a share measured on <paramref name="n"/> units, or nulls.</summary>
    public static (double? Low, double? High) Interval(double? value, int n, KpiUnit unit)
    {
        if (unit != KpiUnit.Ratio || value is not { } p || !double.IsFinite(p) || n <= 0 || p < 0 || p > 1)
        {
            return (null, null);
        }

        const double z = 1.959963984540054;
        var z2n = z * z / n;
        var centre = (p + (z2n / 2)) / (1 + z2n);
        var half = z * Math.Sqrt((p * (1 - p) / n) + (z2n / (4 * n))) / (1 + z2n);
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    private static void Add(List<KpiSnapshot> kpis, KpiReport report, bool segmented, SnapshotIntervals intervals)
    {
        foreach (var kpi in report.Kpis)
        {
            var values = segmented ? kpi.Series.Where(v => v.Segment is not null) : [kpi.Overall];
            foreach (var v in values)
            {
                var value = v.Value is { } x && double.IsFinite(x) ? x : (double?)null;
                var segment = segmented ? v.Segment : null;
                var interval = intervals.Interval(kpi.Id, segment, value, v.SampleSize);
                kpis.Add(new KpiSnapshot(kpi.Id, segment, value, v.SampleSize, interval?.Low, interval?.High, v.Status, interval?.Method));
            }
        }
    }

    private static long Ticks(EventLog log, DateTimeOffset instant) =>
        log.TimeBasis == TimeBasis.WallClock ? instant.DateTime.Ticks : instant.UtcTicks;
}
