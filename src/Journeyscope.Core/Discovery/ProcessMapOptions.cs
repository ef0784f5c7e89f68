using Journeyscope.EventLogs;

namespace Journeyscope.Discovery;

/// <summary>Options of <see cref="ProcessMap.Build(EventLog, ProcessMapOptions?, CancellationToken)"/>: how far the activity and path sliders simplify the map.</summary>
public sealed class ProcessMapOptions
{
    /// <summary>The default options: every activity and every path (the full directly-follows graph).</summary>
    public static ProcessMapOptions Default { get; } = new();

    /// <summary>
    /// The activity slider, in [0, 1]: keep the most frequent activities whose events cover at least this share of all
    /// events (at least one activity is always kept). 1 (the default) keeps every activity.
    /// </summary>
    public double ActivityCoverage { get; init; } = 1.0;

    /// <summary>
    /// The path slider, in [0, 1]: keep the most frequent edges (start and end edges included) whose counts cover at
    /// least this share of all edge counts, plus the edges needed to keep every activity connected from start to end.
    /// 1 (the default) keeps every edge.
    /// </summary>
    public double PathCoverage { get; init; } = 1.0;

    /// <summary>
    /// The time basis to compute in. <c>null</c> (the default) uses the log as it is; a value converts the log with
    /// <see cref="EventLog.ToTimeBasis(EventLogs.TimeBasis)"/> first.
    /// </summary>
    public TimeBasis? TimeBasis { get; init; }

    internal void Validate()
    {
        if (!(ActivityCoverage >= 0.0 && ActivityCoverage <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(ActivityCoverage), ActivityCoverage, "Use a share between 0 and 1.");
        }

        if (!(PathCoverage >= 0.0 && PathCoverage <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(PathCoverage), PathCoverage, "Use a share between 0 and 1.");
        }
    }
}
