namespace Journeyscope.Discovery;

/// <summary>One variant as results show it.</summary>
/// <param name="Rank">1 = the most frequent.</param>
/// <param name="Cases">Cases that follow it.</param>
/// <param name="Share">Cases / all cases.</param>
/// <param name="Coverage">The share of cases covered by this variant and every more frequent one.</param>
/// <param name="MeanDurationSeconds">The mean case duration.</param>
/// <param name="MedianDurationSeconds">The median case duration.</param>
/// <param name="Activities">The activity sequence.</param>
/// <param name="ExampleCases">Example case ids.</param>
public sealed record VariantSummary(
    int Rank,
    long Cases,
    double Share,
    double Coverage,
    double MeanDurationSeconds,
    double MedianDurationSeconds,
    IReadOnlyList<string> Activities,
    IReadOnlyList<string> ExampleCases);
