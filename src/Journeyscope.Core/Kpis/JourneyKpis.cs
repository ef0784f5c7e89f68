using Journeyscope.EventLogs;
using Journeyscope.Journeys;

namespace Journeyscope.Kpis;

/// <summary>
/// Every KPI of a journey: the one result of <c>journeyscope kpi --format json</c>, <c>GET …/journeys/{id}/kpis</c>
/// and the KPI page (docs/kpis.md).
/// </summary>
/// <param name="Journey">The journey id.</param>
/// <param name="TimeBasis">The time basis of the log.</param>
/// <param name="Version">The workspace version the figures were computed at.</param>
/// <param name="Cases">Cases of the (filtered) log the KPIs were computed over.</param>
/// <param name="Period">The trend's period.</param>
/// <param name="By">The segment attribute, or null.</param>
/// <param name="Kpis">The KPIs in the order the journey defines them; empty when it defines none.</param>
public sealed record JourneyKpis(string Journey, TimeBasis TimeBasis, long Version, int Cases, KpiPeriod Period, string? By, IReadOnlyList<KpiFigure> Kpis)
{
    /// <summary>The trend's period when none is asked for, on every surface: a month.</summary>
    public const KpiPeriod DefaultPeriod = KpiPeriod.Month;

    /// <summary>Computes every KPI overall, per <paramref name="period"/> and, when <paramref name="by"/> is given, per segment.</summary>
    /// <exception cref="KpiException">A KPI cannot be computed.</exception>
    /// <exception cref="KpiExpressionException">A custom KPI's expression is invalid.</exception>
    public static JourneyKpis Compute(
        EventLog log, DesignedJourney journey, long version, KpiPeriod period = DefaultPeriod, string? by = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(journey);
        var segmentBy = SegmentBy(by);
        if (journey.Kpis.Count == 0)
        {
            return new JourneyKpis(journey.Id, log.TimeBasis, version, log.CaseCount, period, segmentBy, []);
        }

        var trend = KpiEngine.Compute(log, journey, TrendOptions(period), cancellationToken);
        var segments = segmentBy is null ? null : KpiEngine.Compute(log, journey, SegmentOptions(segmentBy), cancellationToken);
        return From(journey, log.TimeBasis, version, period, segmentBy, trend, segments);
    }

    /// <summary>The engine's options for the trend.</summary>
    internal static KpiOptions TrendOptions(KpiPeriod period) => new() { Period = period, Associations = false };

    /// <summary>The engine's options for the segments.</summary>
    internal static KpiOptions SegmentOptions(string segmentBy) => new() { SegmentBy = segmentBy, Associations = false };

    /// <summary>The record of the engine's reports: <paramref name="trend"/> (with <see cref="TrendOptions"/>) and, with a segment attribute, <paramref name="segments"/>.</summary>
    internal static JourneyKpis From(
        DesignedJourney journey, TimeBasis timeBasis, long version, KpiPeriod period, string? segmentBy, KpiReport trend, KpiReport? segments)
    {
        var items = new List<KpiFigure>(trend.Kpis.Count);
        for (var i = 0; i < trend.Kpis.Count; i++)
        {
            var kpi = trend.Kpis[i];
            var unit = kpi.Unit;
            items.Add(new KpiFigure(
                kpi.Id, kpi.Name, kpi.Kind, kpi.Category, Definition(journey.Kpis[i]), unit,
                Finite(kpi.Overall.Value), KpiFormat.Value(kpi.Overall.Value, unit), kpi.Target?.Text, kpi.Overall.Status, kpi.Overall.SampleSize,
                [.. kpi.Series.Select(v => new KpiPeriodFigure(v.Period ?? "", Start(v.PeriodStart), Finite(v.Value), KpiFormat.Value(v.Value, unit), v.Status, v.SampleSize))],
                segments is null ? [] : [.. segments.Kpis[i].Series.Select(v => new KpiSegmentFigure(
                    v.Segment ?? "", Finite(v.Value), KpiFormat.Value(v.Value, unit), v.Status, v.SampleSize))],
                kpi.Notes));
        }

        return new JourneyKpis(journey.Id, timeBasis, version, trend.CaseCount, period, segmentBy, items);
    }

    /// <summary>The segment attribute as the engine reads it: trimmed, null when blank.</summary>
    internal static string? SegmentBy(string? by) => string.IsNullOrWhiteSpace(by) ? null : by.Trim();

    /// <summary>A finite number, or null: JSON has no NaN or infinity.</summary>
    internal static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;

    private static string Definition(JourneyKpi kpi) =>
        KpiCatalogue.Find(kpi.Kind) is { } kind ? kind.Definition : "Custom: " + (kpi.Expression ?? "");

    private static DateTimeOffset? Start(DateTime? start) => start is { } s ? new DateTimeOffset(s.Ticks, TimeSpan.Zero) : null;
}
