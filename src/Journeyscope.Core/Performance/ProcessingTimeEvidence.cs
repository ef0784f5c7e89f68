using Journeyscope.EventLogs;
using Journeyscope.Partitions;

namespace Journeyscope.Performance;

/// <summary>
/// What some cases tell about where processing time can come from: whether they have a start timestamp column (and a
/// valid start in it) and a lifecycle column (and a <c>start</c> transition in it). Merged over every segment, it decides
/// the <see cref="ProcessingTimeSource"/> exactly as <see cref="ValueStream.Analyze"/> decides it for the whole log.
/// </summary>
/// <remarks>
/// Immutable; a tiny partial (four flags) whose merge is an or, so any partitioning and order give the same evidence.
/// The source is decided before the value stream partials are mapped (<see cref="PerformancePartial.Map"/> measures under
/// one source), so a partition that brings the first start timestamp changes the source and every partial is mapped again.
/// </remarks>
/// <param name="HasStartColumn">Some case comes from a log with a start timestamp column.</param>
/// <param name="HasValidStart">Some event has a valid start timestamp.</param>
/// <param name="HasLifecycleColumn">Some case comes from a log with a lifecycle column.</param>
/// <param name="HasLifecycleStart">Some event's lifecycle transition is <c>start</c>.</param>
public sealed record ProcessingTimeEvidence(bool HasStartColumn, bool HasValidStart, bool HasLifecycleColumn, bool HasLifecycleStart)
{
    /// <summary>No evidence: the merge of no partials.</summary>
    public static ProcessingTimeEvidence None { get; } = new(false, false, false, false);

    /// <summary>The evidence of <paramref name="segment"/>'s cases (the map step).</summary>
    public static ProcessingTimeEvidence Map(EventLogSegment segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        return Of(segment.Log);
    }

    /// <summary>The evidence of every event of <paramref name="log"/>.</summary>
    public static ProcessingTimeEvidence Of(EventLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var starts = log.StartTimestamps;
        var lifecycle = log.Lifecycle;
        var lifecycleStart = false;
        if (lifecycle is not null)
        {
            var kinds = ValueStream.LifecycleKinds(lifecycle);
            foreach (var code in lifecycle.Codes)
            {
                if (code >= 0 && kinds[code] == ValueStream.LifecycleKind.Start)
                {
                    lifecycleStart = true;
                    break;
                }
            }
        }

        return new ProcessingTimeEvidence(starts is not null, starts is not null && starts.Validity.CountValid() > 0, lifecycle is not null, lifecycleStart);
    }

    /// <summary>The evidence of all <paramref name="parts"/> together.</summary>
    public static ProcessingTimeEvidence Merge(IReadOnlyList<ProcessingTimeEvidence> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var merged = None;
        foreach (var part in parts)
        {
            merged = new ProcessingTimeEvidence(
                merged.HasStartColumn || part.HasStartColumn,
                merged.HasValidStart || part.HasValidStart,
                merged.HasLifecycleColumn || part.HasLifecycleColumn,
                merged.HasLifecycleStart || part.HasLifecycleStart);
        }

        return merged;
    }

    /// <summary>The source <see cref="ValueStream.Analyze"/> uses with <paramref name="options"/> on the cases of this evidence.</summary>
    /// <exception cref="ArgumentException">A forced <see cref="ValueStreamOptions.Source"/> the cases cannot provide (as the engine throws).</exception>
    public ProcessingTimeSource Resolve(ValueStreamOptions? options = null)
    {
        var source = options?.Source ?? (HasValidStart ? ProcessingTimeSource.StartTimestamps
            : HasLifecycleStart ? ProcessingTimeSource.LifecyclePairs
            : ProcessingTimeSource.None);
        if (source == ProcessingTimeSource.StartTimestamps && !HasStartColumn)
        {
            throw new ArgumentException("The log has no start timestamps.", nameof(options));
        }

        if (source == ProcessingTimeSource.LifecyclePairs && !HasLifecycleColumn)
        {
            throw new ArgumentException("The log has no lifecycle transitions.", nameof(options));
        }

        return source;
    }
}
