namespace Journeyscope.Kpis;

/// <summary>One KPI as every surface shows it: definition, value with target and status, trend and segments.</summary>
/// <param name="Id">The KPI id.</param>
/// <param name="Name">The display name.</param>
/// <param name="Kind">The catalogue kind (<c>nps</c>, <c>order-cycle-time</c>, …) or <c>custom</c>.</param>
/// <param name="Category"><c>run</c>, <c>grow</c>, <c>transform</c> or <c>custom</c>.</param>
/// <param name="Definition">The kind's definition (docs/kpis.md), or the expression of a custom KPI.</param>
/// <param name="Unit"><c>count</c>, <c>number</c>, <c>ratio</c> (a share 0..1), <c>duration</c> (seconds) or <c>netScore</c> (-100..100).</param>
/// <param name="Value">The value over the whole (filtered) log, or null when nothing was measured.</param>
/// <param name="FormattedValue">The value as people read it (<c>72.5%</c>, <c>2d4h</c>, <c>1,204</c>); <c>-</c> without a value.</param>
/// <param name="Target">The target as written (<c>&gt;= 40</c>), or null.</param>
/// <param name="Status"><c>met</c>, <c>missed</c>, <c>noData</c> or <c>noTarget</c>.</param>
/// <param name="SampleSize">What the value rests on: answers, cases or events.</param>
/// <param name="Trend">The value per period, first to last without gaps; empty with period <c>none</c>.</param>
/// <param name="Segments">The value per segment (first appearance order) when a segment attribute is given; otherwise empty.</param>
/// <param name="Notes">Warnings about the data, for example an activity that never occurs.</param>
public sealed record KpiFigure(
    string Id,
    string Name,
    string Kind,
    KpiCategory Category,
    string Definition,
    KpiUnit Unit,
    double? Value,
    string FormattedValue,
    string? Target,
    KpiStatus Status,
    int SampleSize,
    IReadOnlyList<KpiPeriodFigure> Trend,
    IReadOnlyList<KpiSegmentFigure> Segments,
    IReadOnlyList<string> Notes);
