namespace Journeyscope.Conformance;

/// <summary>Conformance of the cases of one segment.</summary>
/// <param name="Dimension">
/// What the segment is cut by: <c>case:&lt;attribute&gt;</c>, <c>persona</c>, <c>channel</c> (cases that used the channel
/// at least once, so a case can count under several channels) or <c>period</c> (the period of the case's first event).
/// </param>
/// <param name="Value">The segment: the attribute value (<c>(missing)</c> when none), persona id, channel or period key.</param>
/// <param name="Cases">Cases in the segment.</param>
/// <param name="FittingCases">Cases in the segment whose alignment cost is zero.</param>
/// <param name="MeanFitness">Mean trace fitness of the segment's cases.</param>
public sealed record SegmentConformance(string Dimension, string Value, int Cases, int FittingCases, double MeanFitness)
{
    /// <summary>The share of fitting cases, in [0, 1]; 0 for an empty segment.</summary>
    public double ConformanceRate => Cases == 0 ? 0 : (double)FittingCases / Cases;
}
