using Journeyscope.Discovery;
using Journeyscope.EventLogs;
using Journeyscope.Journeys;

namespace Journeyscope.Performance;

/// <summary>
/// The value stream: the one result of <c>journeyscope performance --format json</c>, <c>GET …/performance</c> and the
/// value stream page. Durations are seconds; shares are fractions.
/// </summary>
/// <param name="TimeBasis">The time basis of the log.</param>
/// <param name="Version">The workspace version the figures were computed at.</param>
/// <param name="Cases">Cases of the (filtered) log.</param>
/// <param name="ProcessingFrom">Where processing time comes from; <see cref="ProcessingTimeSource.None"/> makes it unknown.</param>
/// <param name="UsesCalendar">Whether times count working time only.</param>
/// <param name="LeadTimeSeconds">Lead time (first to last event of a case).</param>
/// <param name="ProcessingTimeSeconds">Processing time; <c>null</c> when unknown (the log has no start times).</param>
/// <param name="WaitingTimeSeconds">Waiting time.</param>
/// <param name="FlowEfficiency">Total processing / total lead time; <c>null</c> when unknown.</param>
/// <param name="MeanFlowEfficiency">Mean of the cases' flow efficiencies; <c>null</c> when unknown.</param>
/// <param name="CaseDurationSeconds">Case duration statistics.</param>
/// <param name="StepOrder">Where the order of <paramref name="Activities"/> comes from (<see cref="ProcessOrder"/>).</param>
/// <param name="Journey">The id of the designed journey given for the order, or <c>null</c>.</param>
/// <param name="Activities">The steps, in process order (not frequency order).</param>
/// <param name="Handovers">Per hand-over, by from then to.</param>
/// <param name="Granularity">The length of the throughput periods.</param>
/// <param name="Throughput">Cases started, completed and in progress per period.</param>
public sealed record PerformanceResult(
    TimeBasis TimeBasis,
    long Version,
    long Cases,
    ProcessingTimeSource ProcessingFrom,
    bool UsesCalendar,
    TimeTotals LeadTimeSeconds,
    TimeTotals? ProcessingTimeSeconds,
    TimeTotals WaitingTimeSeconds,
    double? FlowEfficiency,
    double? MeanFlowEfficiency,
    DurationSummary CaseDurationSeconds,
    StepOrder StepOrder,
    string? Journey,
    IReadOnlyList<ValueStreamStep> Activities,
    IReadOnlyList<HandoverTime> Handovers,
    Granularity Granularity,
    IReadOnlyList<ThroughputCount> Throughput)
{
    /// <summary>Analyses <paramref name="log"/>: value stream, case durations, throughput, steps in process order.</summary>
    /// <param name="log">The (filtered) log.</param>
    /// <param name="version">The workspace version the log was read at.</param>
    /// <param name="options">Value stream options (calendar, processing-time source); the defaults when null.</param>
    /// <param name="granularity">The throughput periods.</param>
    /// <param name="journey">The designed journey whose order the steps follow, or <c>null</c> for the dominant variant's.</param>
    /// <param name="cancellationToken">Cancels the analyses.</param>
    public static PerformanceResult Analyze(
        EventLog log, long version, ValueStreamOptions? options = null, Granularity granularity = Granularity.Week, DesignedJourney? journey = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        var stream = ValueStream.Analyze(log, options, cancellationToken);
        var durations = CaseDurations.Discover(log, cancellationToken: cancellationToken);
        var throughput = Performance.Throughput.Analyze(log, granularity, cancellationToken);
        return From(log, version, stream, durations, throughput, ProcessOrder.Of(log, journey, cancellationToken), journey?.Id);
    }

    /// <summary>The record of analyses already run on <paramref name="log"/> (a command that also prints them runs them once).</summary>
    /// <param name="log">The (filtered) log the analyses ran on.</param>
    /// <param name="version">The workspace version the log was read at.</param>
    /// <param name="stream">Its value stream.</param>
    /// <param name="durations">Its case durations.</param>
    /// <param name="throughput">Its throughput.</param>
    /// <param name="order">Its process order.</param>
    /// <param name="journeyId">The id of the journey <paramref name="order"/> was asked with, or <c>null</c>.</param>
    public static PerformanceResult From(
        EventLog log, long version, ValueStreamResult stream, CaseDurations durations, ThroughputResult throughput, ProcessOrder order, string? journeyId)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(durations);
        ArgumentNullException.ThrowIfNull(throughput);
        ArgumentNullException.ThrowIfNull(order);
        var events = new long[log.ActivityCount];
        foreach (var a in log.Activities)
        {
            events[a]++;
        }

        var eventsByName = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var a = 0; a < events.Length; a++)
        {
            eventsByName[log.ActivityNames[a]] = events[a];
        }

        return Build(log.TimeBasis, version, log.CaseCount, eventsByName, stream, DurationSummary.From(durations), throughput, order, journeyId);
    }

    /// <summary>The record of figures already computed, whole-log or finished from partials.</summary>
    internal static PerformanceResult Build(
        TimeBasis timeBasis,
        long version,
        long cases,
        IReadOnlyDictionary<string, long> eventsByName,
        ValueStreamResult stream,
        DurationSummary durations,
        ThroughputResult throughput,
        ProcessOrder order,
        string? journeyId)
    {
        var known = stream.Source != ProcessingTimeSource.None;
        var steps = order.Sort(stream.Activities, a => a.Activity)
            .Select(a => new ValueStreamStep(
                a.Activity,
                eventsByName.GetValueOrDefault(a.Activity),
                a.Count,
                known ? a.TotalProcessingTime.TotalSeconds : null,
                known ? a.MeanProcessingTime.TotalSeconds : null,
                a.WaitCount,
                a.TotalWaitingTime.TotalSeconds,
                a.MeanWaitingTime.TotalSeconds))
            .ToList();

        return new PerformanceResult(
            timeBasis,
            version,
            cases,
            stream.Source,
            stream.UsesCalendar,
            TimeTotals.From(stream.TotalLeadTime, stream.MeanLeadTime),
            known ? TimeTotals.From(stream.TotalProcessingTime, stream.MeanProcessingTime) : null,
            TimeTotals.From(stream.TotalWaitingTime, stream.MeanWaitingTime),
            stream.FlowEfficiency,
            stream.MeanFlowEfficiency,
            durations,
            order.Basis,
            order.Basis == StepOrder.DesignedJourney ? journeyId : null,
            steps,
            stream.Edges.Select(HandoverTime.Of).ToList(),
            throughput.Granularity,
            throughput.Periods.Select(p => new ThroughputCount(DateOnly.FromDateTime(p.Start), p.Started, p.Completed, p.WorkInProgress)).ToList());
    }
}
