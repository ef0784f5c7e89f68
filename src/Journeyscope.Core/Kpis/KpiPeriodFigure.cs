namespace Journeyscope.Kpis;

/// <summary>A KPI's value in one period of its trend.</summary>
/// <param name="Label">The period's label (<c>2024-03</c>, <c>2024-W09</c>, …).</param>
/// <param name="Start">The period's first instant (UTC), or null.</param>
/// <param name="Value">The value, or null when nothing was measured.</param>
/// <param name="FormattedValue">The value as people read it.</param>
/// <param name="Status">The value against the target.</param>
/// <param name="SampleSize">What the value rests on.</param>
public sealed record KpiPeriodFigure(string Label, DateTimeOffset? Start, double? Value, string FormattedValue, KpiStatus Status, int SampleSize);
