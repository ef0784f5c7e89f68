namespace Journeyscope.Kpis;

/// <summary>A KPI's value in one segment (a value of the segment attribute).</summary>
/// <param name="Segment">The attribute value.</param>
/// <param name="Value">The value, or null when nothing was measured.</param>
/// <param name="FormattedValue">The value as people read it.</param>
/// <param name="Status">The value against the target.</param>
/// <param name="SampleSize">What the value rests on.</param>
public sealed record KpiSegmentFigure(string Segment, double? Value, string FormattedValue, KpiStatus Status, int SampleSize);
