namespace Journeyscope.Kpis;

/// <summary>The result of <see cref="KpiEngine.Compute(Journeyscope.EventLogs.EventLog, IEnumerable{Journeyscope.Journeys.JourneyKpi}, Journeyscope.Journeys.DesignedJourney?, KpiOptions?, CancellationToken)"/>.</summary>
/// <param name="Kpis">The KPIs, in the order they were given.</param>
/// <param name="Tree">The KPI tree's links with their associations, parents in KPI order; empty when no KPI has drivers.</param>
/// <param name="CaseCount">The cases of the (filtered) log the KPIs were computed over.</param>
public sealed record KpiReport(IReadOnlyList<KpiResult> Kpis, IReadOnlyList<KpiAssociation> Tree, int CaseCount);
