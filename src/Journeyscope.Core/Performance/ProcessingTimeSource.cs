namespace Journeyscope.Performance;

/// <summary>Where processing time comes from.</summary>
public enum ProcessingTimeSource
{
    /// <summary>No start times: every event is an instant, processing time is zero and flow efficiency unknown.</summary>
    None,

    /// <summary>Each event's own start timestamp (start to completion of the same event).</summary>
    StartTimestamps,

    /// <summary><c>start</c> and <c>complete</c> lifecycle events paired per activity inside each case.</summary>
    LifecyclePairs,
}
