using Journeyscope.EventLogs;
using Journeyscope.Journeys;

namespace Journeyscope.Kpis;

/// <summary>
/// The KPI tree of a journey with the measured associations: the one result of <c>journeyscope kpi --tree --format
/// json</c>, <c>GET …/journeys/{id}/kpis/tree</c> and the KPI page.
/// </summary>
/// <param name="Journey">The journey id.</param>
/// <param name="TimeBasis">The time basis of the log.</param>
/// <param name="Version">The workspace version the figures were computed at.</param>
/// <param name="Cases">Cases of the (filtered) log.</param>
/// <param name="Links">The links in the journey's order.</param>
public sealed record JourneyKpiTree(string Journey, TimeBasis TimeBasis, long Version, int Cases, IReadOnlyList<KpiTreeFigure> Links)
{
    /// <summary>Computes the tree (seeded bootstrap, so the figures repeat).</summary>
    /// <exception cref="KpiException">A KPI cannot be computed.</exception>
    public static JourneyKpiTree Compute(EventLog log, DesignedJourney journey, long version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(journey);
        if (journey.Kpis.Count == 0)
        {
            return new JourneyKpiTree(journey.Id, log.TimeBasis, version, log.CaseCount, []);
        }

        var report = KpiEngine.Compute(log, journey, Options, cancellationToken);
        return From(journey, log.TimeBasis, version, report);
    }

    /// <summary>The engine's options for the tree.</summary>
    internal static KpiOptions Options => new() { Associations = true };

    /// <summary>The record of the engine's report with <see cref="Options"/>.</summary>
    internal static JourneyKpiTree From(DesignedJourney journey, TimeBasis timeBasis, long version, KpiReport report)
    {
        var byId = report.Kpis.ToDictionary(k => k.Id, StringComparer.Ordinal);
        var links = report.Tree.Select(l =>
        {
            var parent = byId[l.ParentId];
            var unit = parent.Unit;
            return new KpiTreeFigure(
                l.ParentId, parent.Name, l.DriverId, byId[l.DriverId].Name, l.Split,
                JourneyKpis.Finite(l.MetValue), l.MetCases, JourneyKpis.Finite(l.MissedValue), l.MissedCases,
                JourneyKpis.Finite(l.Difference), JourneyKpis.Finite(l.Lower), JourneyKpis.Finite(l.Upper), l.Method, l.Significant,
                KpiFormat.Value(l.MetValue, unit), KpiFormat.Value(l.MissedValue, unit), KpiFormat.Value(l.Difference, unit),
                $"[{KpiFormat.Value(l.Lower, unit)}, {KpiFormat.Value(l.Upper, unit)}]");
        }).ToList();
        return new JourneyKpiTree(journey.Id, timeBasis, version, report.CaseCount, links);
    }
}
