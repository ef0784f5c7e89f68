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
        var segmentBy = string.IsNullOrWhiteSpace(by) ? null : by.Trim();
        if (journey.Kpis.Count == 0)
        {
            return new JourneyKpis(journey.Id, log.TimeBasis, version, log.CaseCount, period, segmentBy, []);
        }

        var trend = KpiEngine.Compute(log, journey, new KpiOptions { Period = period, Associations = false }, cancellationToken);
        var segments = segmentBy is null ? null : KpiEngine.Compute(log, journey, new KpiOptions { SegmentBy = segmentBy, Associations = false }, cancellationToken);
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

        return new JourneyKpis(journey.Id, log.TimeBasis, version, trend.CaseCount, period, segmentBy, items);
    }

    /// <summary>A finite number, or null: JSON has no NaN or infinity.</summary>
    internal static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;

    private static string Definition(JourneyKpi kpi) =>
        KpiCatalogue.Find(kpi.Kind) is { } kind ? kind.Definition : "Custom: " + (kpi.Expression ?? "");

    private static DateTimeOffset? Start(DateTime? start) => start is { } s ? new DateTimeOffset(s.Ticks, TimeSpan.Zero) : null;
}
