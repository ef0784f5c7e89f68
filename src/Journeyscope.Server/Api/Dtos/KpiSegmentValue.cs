namespace Journeyscope.Server.Api.Dtos;

/// <summary>A KPI's value for the cases of one segment.</summary>
/// <param name="Segment">The attribute value (<c>(none)</c> for cases without one).</param>
/// <param name="Value">The value, or null when nothing was measured in the segment.</param>
/// <param name="FormattedValue">The value as people read it.</param>
/// <param name="Status"><c>met</c>, <c>missed</c>, <c>noData</c> or <c>noTarget</c>.</param>
/// <param name="SampleSize">What the value rests on.</param>
public sealed record KpiSegmentValue(string Segment, double? Value, string FormattedValue, string Status, int SampleSize);
