namespace Journeyscope.Conformance;

/// <summary>Settings of <see cref="JourneyConformance.Check"/>.</summary>
public sealed class JourneyConformanceOptions
{
    /// <summary>The defaults: default alignment and deviation options.</summary>
    public static JourneyConformanceOptions Default { get; } = new();

    /// <summary>How the alignments are computed (time basis, parallelism, state-space bound).</summary>
    public AlignmentOptions Alignment { get; init; } = AlignmentOptions.Default;

    /// <summary>How the alignments are aggregated into the report.</summary>
    public DeviationOptions Deviations { get; init; } = DeviationOptions.Default;
}
