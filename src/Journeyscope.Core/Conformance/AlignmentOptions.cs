using Journeyscope.EventLogs;

namespace Journeyscope.Conformance;

/// <summary>Options of <see cref="Alignments.Compute"/> and <see cref="TokenReplay.Compute"/>.</summary>
public sealed class AlignmentOptions
{
    /// <summary>The default options: the log's own time basis, all cores, up to 2,000,000 reachable markings explored up front.</summary>
    public static AlignmentOptions Default { get; } = new();

    /// <summary>
    /// The time basis to order events in. <c>null</c> (the default) uses the log as it is; a value converts the log with
    /// <see cref="EventLog.ToTimeBasis(EventLogs.TimeBasis)"/> first (use <see cref="EventLogs.TimeBasis.WallClock"/> to
    /// reproduce PM4Py).
    /// </summary>
    public TimeBasis? TimeBasis { get; init; }

    /// <summary>Most variants aligned at once; -1 (the default) uses every core.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>
    /// The most reachable markings of the model explored up front to build the search heuristic (default 2,000,000).
    /// Larger state spaces are explored lazily per variant with a weaker heuristic (up to 8,000,000 markings per search, or
    /// this limit when higher); results are the same, only slower.
    /// </summary>
    public int MaxMarkings { get; init; } = 2_000_000;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxMarkings, 1, nameof(MaxMarkings));
        if (MaxDegreeOfParallelism == 0 || MaxDegreeOfParallelism < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "Use -1 or a positive number.");
        }
    }
}
