namespace Journeyscope.Monitoring;

/// <summary>The conformance of a snapshot's cases to the designed journey, for one segment (or all cases).</summary>
/// <param name="Segment">The segment value, or null for all cases of the period.</param>
/// <param name="Cases">Cases checked.</param>
/// <param name="FittingCases">Cases with no deviation.</param>
/// <param name="Rate">FittingCases / Cases, or null without cases.</param>
/// <param name="TopDeviations">The most common deviation patterns (all cases only; empty for segments).</param>
public sealed record ConformanceSnapshot(string? Segment, int Cases, int FittingCases, double? Rate, IReadOnlyList<SnapshotDeviation> TopDeviations);
