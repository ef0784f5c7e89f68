namespace Journeyscope.Conformance;

/// <summary>What a journey manager reads: where and how the cases left the designed journey.</summary>
/// <remarks>Built by <see cref="DeviationAnalysis.Analyze"/>; definitions in docs/deviations.md.</remarks>
/// <param name="JourneyId">The journey's id.</param>
/// <param name="CaseCount">Cases analysed.</param>
/// <param name="FittingCases">Cases whose alignment cost is zero.</param>
/// <param name="MeanFitness">Mean trace fitness over cases (1 when there are none).</param>
/// <param name="Touchpoints">Deviations per touchpoint, in journey order.</param>
/// <param name="Stages">Deviations per stage rolled up, in stage order.</param>
/// <param name="UnmappedSteps">Activities that map to no touchpoint, most events first.</param>
/// <param name="ChannelMismatches">Events on another channel than their touchpoint's designed one, most events first.</param>
/// <param name="ChannelSwitches">Unplanned channel switches within stages, most frequent first.</param>
/// <param name="TimeTargets">Time target results, in journey order.</param>
/// <param name="Patterns">The most common deviation patterns, most cases first.</param>
/// <param name="PatternCount">Number of distinct non-empty patterns (also those not in <paramref name="Patterns"/>).</param>
/// <param name="Segments">Conformance per segment: case attributes, personas, channels, periods.</param>
/// <param name="Transitions">Designed versus actual transitions; <c>null</c> when the journey has no flow.</param>
/// <param name="Warnings">What could not be analysed and why (a persona filter that does not parse, a missing attribute...).</param>
public sealed record DeviationReport(
    string JourneyId,
    int CaseCount,
    int FittingCases,
    double MeanFitness,
    IReadOnlyList<TouchpointDeviations> Touchpoints,
    IReadOnlyList<StageDeviations> Stages,
    IReadOnlyList<UnmappedStep> UnmappedSteps,
    IReadOnlyList<ChannelMismatch> ChannelMismatches,
    IReadOnlyList<ChannelSwitch> ChannelSwitches,
    IReadOnlyList<TimeTargetResult> TimeTargets,
    IReadOnlyList<DeviationPattern> Patterns,
    int PatternCount,
    IReadOnlyList<SegmentConformance> Segments,
    TransitionComparison? Transitions,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The share of fitting cases, in [0, 1]; 1 when there are no cases.</summary>
    public double ConformanceRate => CaseCount == 0 ? 1 : (double)FittingCases / CaseCount;
}
