using Journeyscope.Conformance;

namespace Journeyscope.Server.Api.Dtos;

/// <summary>How the workspace's cases conform to a designed journey (optimal alignments), for the journey page.</summary>
/// <param name="JourneyId">The journey id.</param>
/// <param name="Cases">Cases checked.</param>
/// <param name="FittingCases">Cases with no deviation (alignment cost 0).</param>
/// <param name="ConformanceRate">FittingCases / Cases.</param>
/// <param name="MeanFitness">The mean trace fitness.</param>
/// <param name="LogFitness">PM4Py's log fitness of the alignments.</param>
/// <param name="Touchpoints">Deviations per touchpoint with a status for the blueprint overlay.</param>
/// <param name="Stages">Deviations per stage.</param>
/// <param name="Patterns">The most common deviation patterns with example cases.</param>
/// <param name="Undesigned">Transitions between touchpoints that happen but are not designed.</param>
/// <param name="NeverTaken">Designed transitions that never happen.</param>
/// <param name="Warnings">What the check could not do (for example a journey without a flow).</param>
public sealed record JourneyConformanceResponse(
    string JourneyId,
    int Cases,
    int FittingCases,
    double ConformanceRate,
    double MeanFitness,
    double LogFitness,
    IReadOnlyList<TouchpointConformance> Touchpoints,
    IReadOnlyList<StageDeviations> Stages,
    IReadOnlyList<DeviationPatternItem> Patterns,
    IReadOnlyList<TransitionEdge> Undesigned,
    IReadOnlyList<TransitionEdge> NeverTaken,
    IReadOnlyList<string> Warnings);
