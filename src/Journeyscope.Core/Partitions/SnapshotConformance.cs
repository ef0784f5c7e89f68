namespace Journeyscope.Partitions;

/// <summary>Conformance of a <see cref="JourneySnapshot"/>'s cases against a model (optimal alignments, PM4Py's definitions).</summary>
/// <param name="LogFitness">1 - the summed alignment costs over the summed worst-case costs.</param>
/// <param name="AverageTraceFitness">The mean of the per-case fitness.</param>
/// <param name="PercentageOfFittingTraces">Percentage of cases whose alignment has no deviation.</param>
/// <param name="Variants">Number of distinct variants checked.</param>
/// <param name="NewlyAligned">How many of them were aligned by this check (not found in the per-variant cache).</param>
public sealed record SnapshotConformance(double LogFitness, double AverageTraceFitness, double PercentageOfFittingTraces, int Variants, int NewlyAligned);
