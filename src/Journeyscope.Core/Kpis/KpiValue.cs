namespace Journeyscope.Kpis;

/// <summary>A KPI's value for one period and segment (or for all of them).</summary>
/// <param name="Period">The period label (<c>2024-03</c>, <c>2024-W09</c>, <c>2024-Q1</c>, <c>2024-03-01</c>, <c>2024</c>), or <c>null</c> for the whole log.</param>
/// <param name="PeriodStart">The first moment of the period (in the log's time basis), or <c>null</c>.</param>
/// <param name="Segment">The segment value, or <c>null</c> for all cases.</param>
/// <param name="Value">The value in the KPI's unit (seconds for durations, shares for ratios), or <c>null</c> when nothing was measured.</param>
/// <param name="SampleSize">What the value rests on: answers for scores, cases for case measures, events for event measures.</param>
/// <param name="Status">How the value compares with the target.</param>
public sealed record KpiValue(string? Period, DateTime? PeriodStart, string? Segment, double? Value, int SampleSize, KpiStatus Status);
