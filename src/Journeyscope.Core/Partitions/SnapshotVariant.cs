namespace Journeyscope.Partitions;

/// <summary>One variant (distinct activity sequence) of a <see cref="JourneySnapshot"/>.</summary>
/// <param name="Rank">1 for the most frequent.</param>
/// <param name="Activities">The activity sequence.</param>
/// <param name="CaseCount">Cases following it.</param>
/// <param name="Share">Its share of all cases.</param>
/// <param name="CumulativeCoverage">The share of cases covered by this and every more frequent variant.</param>
/// <param name="MeanDurationSeconds">Mean case duration of its cases.</param>
/// <param name="MedianDurationSeconds">Median case duration of its cases (exact).</param>
/// <param name="ExampleCaseIds">Its first cases in log order.</param>
public sealed record SnapshotVariant(
    int Rank,
    IReadOnlyList<string> Activities,
    long CaseCount,
    double Share,
    double CumulativeCoverage,
    double MeanDurationSeconds,
    double MedianDurationSeconds,
    IReadOnlyList<string> ExampleCaseIds);
