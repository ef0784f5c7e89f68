namespace Journeyscope.Server.Api.Dtos;

/// <summary>One variant: a distinct activity sequence.</summary>
/// <param name="Rank">1 for the most frequent.</param>
/// <param name="Cases">Number of cases following it.</param>
/// <param name="Share">Its share of all cases.</param>
/// <param name="Coverage">Cumulative share of this and every more frequent variant.</param>
/// <param name="MeanDurationSeconds">Mean case duration.</param>
/// <param name="MedianDurationSeconds">Median case duration.</param>
/// <param name="Activities">The sequence.</param>
/// <param name="ExampleCases">A few of its case ids.</param>
public sealed record VariantItem(
    int Rank,
    long Cases,
    double Share,
    double Coverage,
    double MeanDurationSeconds,
    double MedianDurationSeconds,
    IReadOnlyList<string> Activities,
    IReadOnlyList<string> ExampleCases);
