namespace Journeyscope.Server.Api.Dtos;

/// <summary>A KPI's value in one period.</summary>
/// <param name="Label">The period label (<c>2024-03</c>, <c>2024-W09</c>, <c>2024-Q1</c>, <c>2024-03-01</c>, <c>2024</c>).</param>
/// <param name="Start">The first moment of the period, in the log's time basis.</param>
/// <param name="Value">The value, or null when nothing was measured in the period.</param>
/// <param name="FormattedValue">The value as people read it.</param>
/// <param name="Status"><c>met</c>, <c>missed</c>, <c>noData</c> or <c>noTarget</c>.</param>
/// <param name="SampleSize">What the value rests on.</param>
public sealed record KpiPeriodValue(string Label, DateTimeOffset? Start, double? Value, string FormattedValue, string Status, int SampleSize);
