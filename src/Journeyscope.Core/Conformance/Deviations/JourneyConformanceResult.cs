using Journeyscope.EventLogs;

namespace Journeyscope.Conformance;

/// <summary>
/// How the cases conform to a designed journey: the one result of <c>journeyscope conformance --journey … --format json</c>,
/// <c>GET …/journeys/{id}/conformance</c> and the journey page (docs/deviations.md).
/// </summary>
/// <param name="JourneyId">The journey id.</param>
/// <param name="TimeBasis">The time basis of the log.</param>
/// <param name="Version">The workspace version the figures were computed at.</param>
/// <param name="Cases">Cases checked.</param>
/// <param name="FittingCases">Cases with no deviation (alignment cost 0).</param>
/// <param name="ConformanceRate">FittingCases / Cases.</param>
/// <param name="MeanFitness">The mean trace fitness.</param>
/// <param name="AverageTraceFitness">PM4Py's average trace fitness of the alignments.</param>
/// <param name="LogFitness">PM4Py's log fitness of the alignments.</param>
/// <param name="PercentageOfFittingTraces">PM4Py's percentage of fitting traces (0..100).</param>
/// <param name="Touchpoints">Deviations per touchpoint with rate and status.</param>
/// <param name="Stages">Deviations per stage.</param>
/// <param name="UnmappedSteps">Activities no touchpoint rule maps (unexpected steps).</param>
/// <param name="ChannelMismatches">Touchpoints done in a channel the design does not plan.</param>
/// <param name="ChannelSwitches">Unplanned channel switches inside a stage.</param>
/// <param name="TimeTargets">The journey's time targets with breaches.</param>
/// <param name="PatternCount">How many distinct deviation patterns there are.</param>
/// <param name="Patterns">The most common deviation patterns.</param>
/// <param name="Segments">Conformance per segment and period.</param>
/// <param name="Undesigned">Transitions between touchpoints that happen but are not designed.</param>
/// <param name="NeverTaken">Designed transitions that never happen.</param>
/// <param name="Warnings">What the check could not do.</param>
public sealed record JourneyConformanceResult(
    string JourneyId,
    TimeBasis TimeBasis,
    long Version,
    int Cases,
    int FittingCases,
    double ConformanceRate,
    double MeanFitness,
    double AverageTraceFitness,
    double LogFitness,
    double PercentageOfFittingTraces,
    IReadOnlyList<TouchpointConformance> Touchpoints,
    IReadOnlyList<StageDeviations> Stages,
    IReadOnlyList<UnmappedStep> UnmappedSteps,
    IReadOnlyList<ChannelMismatch> ChannelMismatches,
    IReadOnlyList<ChannelSwitch> ChannelSwitches,
    IReadOnlyList<TimeTargetResult> TimeTargets,
    int PatternCount,
    IReadOnlyList<DeviationPatternFigure> Patterns,
    IReadOnlyList<SegmentConformance> Segments,
    IReadOnlyList<TransitionEdge> Undesigned,
    IReadOnlyList<TransitionEdge> NeverTaken,
    IReadOnlyList<string> Warnings)
{
    /// <summary>How many deviation patterns a result lists when none is asked for, on every surface.</summary>
    public const int DefaultTop = 10;

    /// <summary>The options of a check listing <paramref name="top"/> patterns, optionally broken down by case attributes.</summary>
    public static JourneyConformanceOptions Options(int top = DefaultTop, IReadOnlyList<string>? segmentAttributes = null) => new()
    {
        Deviations = new DeviationOptions { TopPatterns = top, SegmentAttributes = segmentAttributes },
    };

    /// <summary>The result of a check made with <see cref="Options"/>.</summary>
    public static JourneyConformanceResult From(JourneyCheck check, long version)
    {
        ArgumentNullException.ThrowIfNull(check);
        var a = check.Alignments;
        return From(check.Report, check.Mapped.Log.TimeBasis, a.AverageTraceFitness, a.LogFitness, a.PercentageOfFittingTraces, version);
    }

    /// <summary>The result of a deviation report and PM4Py's log-level alignment figures (also the partitioned check's finish).</summary>
    internal static JourneyConformanceResult From(
        DeviationReport r, TimeBasis timeBasis, double averageTraceFitness, double logFitness, double percentageOfFittingTraces, long version)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var t in r.Touchpoints)
        {
            names.TryAdd(t.TouchpointId, t.Name);
        }

        return new JourneyConformanceResult(
            r.JourneyId, timeBasis, version, r.CaseCount, r.FittingCases, r.ConformanceRate, r.MeanFitness,
            averageTraceFitness, logFitness, percentageOfFittingTraces,
            [.. r.Touchpoints.Select(t => TouchpointConformance.From(t, r.CaseCount))], r.Stages, r.UnmappedSteps, r.ChannelMismatches,
            r.ChannelSwitches, r.TimeTargets, r.PatternCount, [.. r.Patterns.Select(p => DeviationPatternFigure.From(p, names))], r.Segments,
            r.Transitions?.Undesigned ?? [], r.Transitions?.NeverTaken ?? [], r.Warnings);
    }
}
