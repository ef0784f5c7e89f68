namespace Journeyscope.Monitoring;

/// <summary>One value of a KPI series: the period's start (it decides the seasonal slot) and the value.</summary>
/// <param name="Start">The period's first instant.</param>
/// <param name="Value">The value; NaN when nothing was measured (skipped by the baseline).</param>
public readonly record struct SeriesPoint(DateTimeOffset Start, double Value);
