namespace Journeyscope.Performance;

/// <summary>The value stream (lean) measures of a log: per case, per activity, per hand-over, and the bottleneck ranking.</summary>
/// <remarks>Definitions: docs/performance.md. Immutable.</remarks>
public sealed class ValueStreamResult
{
    internal ValueStreamResult(
        ProcessingTimeSource source,
        bool usesCalendar,
        CaseValueStream[] cases,
        ActivityPerformance[] activities,
        HandoverWaitingTime[] edges,
        Bottleneck[] bottlenecks)
    {
        Source = source;
        UsesCalendar = usesCalendar;
        Cases = cases;
        Activities = activities;
        Edges = edges;
        Bottlenecks = bottlenecks;

        var measured = 0;
        long lead = 0, processing = 0, waiting = 0;
        double efficiencySum = 0;
        var efficiencyCount = 0;
        foreach (var c in cases)
        {
            measured++;
            lead += c.LeadTime.Ticks;
            processing += c.ProcessingTime.Ticks;
            waiting += c.WaitingTime.Ticks;
            if (c.FlowEfficiency is { } efficiency)
            {
                efficiencySum += efficiency;
                efficiencyCount++;
            }
        }

        TotalLeadTime = TimeSpan.FromTicks(lead);
        TotalProcessingTime = TimeSpan.FromTicks(processing);
        TotalWaitingTime = TimeSpan.FromTicks(waiting);
        MeanLeadTime = Mean(lead, measured);
        MeanProcessingTime = Mean(processing, measured);
        MeanWaitingTime = Mean(waiting, measured);
        FlowEfficiency = source == ProcessingTimeSource.None || lead == 0 ? null : processing / (double)lead;
        MeanFlowEfficiency = efficiencyCount == 0 ? null : efficiencySum / efficiencyCount;
    }

    /// <summary>Where processing time came from.</summary>
    public ProcessingTimeSource Source { get; }

    /// <summary>Whether time measures count working time of a <see cref="BusinessCalendar"/>.</summary>
    public bool UsesCalendar { get; }

    /// <summary>Per case, in log order (cases with no measurable step are left out).</summary>
    public IReadOnlyList<CaseValueStream> Cases { get; }

    /// <summary>Sum of the cases' lead times.</summary>
    public TimeSpan TotalLeadTime { get; }

    /// <summary>Sum of the cases' processing times.</summary>
    public TimeSpan TotalProcessingTime { get; }

    /// <summary>Sum of the cases' waiting times.</summary>
    public TimeSpan TotalWaitingTime { get; }

    /// <summary>Mean lead time per case.</summary>
    public TimeSpan MeanLeadTime { get; }

    /// <summary>Mean processing time per case.</summary>
    public TimeSpan MeanProcessingTime { get; }

    /// <summary>Mean waiting time per case.</summary>
    public TimeSpan MeanWaitingTime { get; }

    /// <summary>Total processing / total lead time (time-weighted); <c>null</c> when unknown.</summary>
    public double? FlowEfficiency { get; }

    /// <summary>Mean of the cases' flow efficiencies (each case weighs the same); <c>null</c> when unknown.</summary>
    public double? MeanFlowEfficiency { get; }

    /// <summary>Per activity, ordered by activity name (ordinal).</summary>
    public IReadOnlyList<ActivityPerformance> Activities { get; }

    /// <summary>Per hand-over (directly-follows pair of steps), ordered by from then to (ordinal).</summary>
    public IReadOnlyList<HandoverWaitingTime> Edges { get; }

    /// <summary>Hand-overs by total waiting time, costliest first (ties by mean waiting time, then names).</summary>
    public IReadOnlyList<Bottleneck> Bottlenecks { get; }

    private static TimeSpan Mean(long total, int count) =>
        count == 0 ? TimeSpan.Zero : TimeSpan.FromTicks((long)Math.Round(total / (double)count));
}
