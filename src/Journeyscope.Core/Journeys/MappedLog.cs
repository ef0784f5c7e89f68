using Journeyscope.EventLogs;

namespace Journeyscope.Journeys;

/// <summary>
/// An event log seen through a designed journey: the same cases and events, with each event's activity replaced by the
/// id of the touchpoint it maps to (unmapped events keep their original activity).
/// </summary>
/// <remarks>Made by <see cref="TouchpointMapping.Map"/>. Immutable; do not write to <see cref="EventTouchpoint"/>.</remarks>
public sealed class MappedLog
{
    internal MappedLog(
        DesignedJourney journey,
        EventLog log,
        int[] eventTouchpoint,
        IReadOnlyList<int> touchpointEventCounts,
        IReadOnlyDictionary<string, int> unmappedActivityCounts,
        int unmappedEventCount)
    {
        Journey = journey;
        Log = log;
        EventTouchpoint = eventTouchpoint;
        TouchpointEventCounts = touchpointEventCounts;
        UnmappedActivityCounts = unmappedActivityCounts;
        UnmappedEventCount = unmappedEventCount;
    }

    /// <summary>The journey the log was mapped with.</summary>
    public DesignedJourney Journey { get; }

    /// <summary>
    /// The mapped log: same cases, events, order, timestamps, attributes and channel as the original; the activity of a
    /// mapped event is its touchpoint's id, the activity of an unmapped event its original activity name.
    /// </summary>
    public EventLog Log { get; }

    /// <summary>For each event, the index of its touchpoint in <see cref="DesignedJourney.Touchpoints"/>, or -1 when unmapped.</summary>
    public int[] EventTouchpoint { get; }

    /// <summary>For each touchpoint (in journey order), how many events map to it.</summary>
    public IReadOnlyList<int> TouchpointEventCounts { get; }

    /// <summary>For each original activity with unmapped events, how many of its events map to no touchpoint.</summary>
    public IReadOnlyDictionary<string, int> UnmappedActivityCounts { get; }

    /// <summary>How many events map to no touchpoint.</summary>
    public int UnmappedEventCount { get; }

    /// <summary>How many events map to a touchpoint.</summary>
    public int MappedEventCount => EventTouchpoint.Length - UnmappedEventCount;

    /// <summary>True when event <paramref name="eventIndex"/> maps to a touchpoint.</summary>
    public bool IsMapped(int eventIndex) => EventTouchpoint[eventIndex] >= 0;
}
