namespace Journeyscope.Partitions;

/// <summary>The log-level KPIs of a <see cref="JourneySnapshot"/>.</summary>
/// <param name="Cases">Number of cases (customers, orders...).</param>
/// <param name="Events">Number of events.</param>
/// <param name="Activities">Number of distinct activities.</param>
/// <param name="Variants">Number of distinct activity sequences.</param>
/// <param name="EventsPerCase">Mean events per case (0 without cases).</param>
/// <param name="ReworkRate">Share of cases in which some activity occurs more than once (0 without cases).</param>
/// <param name="MedianCaseDurationSeconds">Median case duration in seconds (NaN without cases).</param>
/// <param name="MeanCaseDurationSeconds">Mean case duration in seconds (NaN without cases).</param>
public sealed record SnapshotKpis(
    long Cases,
    long Events,
    int Activities,
    int Variants,
    double EventsPerCase,
    double ReworkRate,
    double MedianCaseDurationSeconds,
    double MeanCaseDurationSeconds)
{
    /// <summary>The KPIs from the counts both snapshot builders keep (merged partials and running totals): one definition of the ratios.</summary>
    internal static SnapshotKpis From(long cases, long events, int activities, int variants, long reworkCases, SnapshotDurations durations) =>
        new(cases, events, activities, variants,
            cases == 0 ? 0 : (double)events / cases,
            cases == 0 ? 0 : (double)reworkCases / cases,
            durations.MedianSeconds,
            durations.MeanSeconds);
}
