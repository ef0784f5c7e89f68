namespace Journeyscope.Kpis;

/// <summary>One KPI computed: its overall value, its series per period and segment, and notes about the data.</summary>
/// <param name="Id">The KPI's id.</param>
/// <param name="Name">The KPI's display name.</param>
/// <param name="Kind">The kind's id (<c>custom</c> for expressions).</param>
/// <param name="Category">Run, grow, transform or custom.</param>
/// <param name="Unit">The unit of the values.</param>
/// <param name="Target">The target, or <c>null</c>.</param>
/// <param name="Overall">The value over the whole (filtered) log.</param>
/// <param name="Series">One value per period and/or segment, in time then segment order; empty without periods and segments.</param>
/// <param name="Notes">Warnings about the data, for example an activity that never occurs.</param>
public sealed record KpiResult(
    string Id,
    string Name,
    string Kind,
    KpiCategory Category,
    KpiUnit Unit,
    KpiTarget? Target,
    KpiValue Overall,
    IReadOnlyList<KpiValue> Series,
    IReadOnlyList<string> Notes);
