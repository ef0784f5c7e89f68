using Journeyscope.EventLogs;
using Journeyscope.Journeys;

namespace Journeyscope.Conformance;

/// <summary>
/// Checks a log against a designed journey end to end: maps events to touchpoints, turns the designed flow into a
/// Petri net, aligns every variant with it, and aggregates the alignments into a <see cref="DeviationReport"/>.
/// </summary>
public static class JourneyConformance
{
    /// <summary>The deviation report of <paramref name="log"/> against <paramref name="journey"/>.</summary>
    /// <exception cref="ArgumentException">The journey has no flow to check against.</exception>
    /// <exception cref="InvalidOperationException">The flow's net cannot reach its final marking, or its state space is too large.</exception>
    public static JourneyCheck Check(EventLog log, DesignedJourney journey, JourneyConformanceOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(journey);
        options ??= JourneyConformanceOptions.Default;
        if (journey.Flow is null)
        {
            throw new ArgumentException($"Journey '{journey.Id}' has no flow: add a 'flow' to check cases against it.", nameof(journey));
        }

        if (options.Alignment.TimeBasis is { } basis)
        {
            log = log.ToTimeBasis(basis);
        }

        var mapped = TouchpointMapping.Map(log, journey);
        var net = ProcessTreeConversion.ToPetriNet(journey.Flow, journey.Id);
        var alignments = Alignments.Compute(mapped.Log, net, options.Alignment, cancellationToken);
        var report = DeviationAnalysis.Analyze(mapped.Log, journey, alignments, options.Deviations, cancellationToken);
        return new JourneyCheck(mapped, alignments, report);
    }
}
