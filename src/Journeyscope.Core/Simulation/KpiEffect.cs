namespace Journeyscope.Simulation;

/// <summary>The designed effect of an injected problem on one KPI.</summary>
/// <param name="Kpi">The KPI id (as in the retail journey: <c>nps</c>, <c>csat</c>, <c>ces</c>, <c>order-cycle-time</c>...).</param>
/// <param name="Direction"><c>up</c> or <c>down</c>: where the problem moves the KPI's value.</param>
/// <param name="Description">The mechanism in one sentence.</param>
public sealed record KpiEffect(string Kpi, string Direction, string Description);
