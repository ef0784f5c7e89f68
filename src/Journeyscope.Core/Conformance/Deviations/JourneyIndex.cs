using Journeyscope.EventLogs;
using Journeyscope.Journeys;

namespace Journeyscope.Conformance;

/// <summary>The journey's touchpoints and stages by index, and each activity code of the mapped log's touchpoint.</summary>
internal sealed class JourneyIndex
{
    public JourneyIndex(EventLog log, DesignedJourney journey)
    {
        Journey = journey;
        var touchpoints = journey.Touchpoints;
        TouchpointsById = new Dictionary<string, int>(touchpoints.Count, StringComparer.Ordinal);
        for (var t = 0; t < touchpoints.Count; t++)
        {
            TouchpointsById.TryAdd(touchpoints[t].Id, t);
        }

        StagesById = new Dictionary<string, int>(journey.Stages.Count, StringComparer.Ordinal);
        for (var s = 0; s < journey.Stages.Count; s++)
        {
            StagesById.TryAdd(journey.Stages[s].Id, s);
        }

        TouchpointStage = new int[touchpoints.Count];
        for (var t = 0; t < touchpoints.Count; t++)
        {
            TouchpointStage[t] = StagesById.TryGetValue(touchpoints[t].Stage, out var s) ? s : -1;
        }

        ActivityTouchpoint = new int[log.ActivityCount];
        for (var a = 0; a < ActivityTouchpoint.Length; a++)
        {
            ActivityTouchpoint[a] = TouchpointsById.TryGetValue(log.ActivityNames[a], out var t) ? t : -1;
        }

        Channel = log.Channel ?? log.FindEventAttribute("channel") as StringColumn;
    }

    public DesignedJourney Journey { get; }

    public Dictionary<string, int> TouchpointsById { get; }

    public Dictionary<string, int> StagesById { get; }

    /// <summary>The stage index of each touchpoint; -1 when it names an unknown stage.</summary>
    public int[] TouchpointStage { get; }

    /// <summary>The touchpoint index of each activity code of the log; -1 for unmapped activities.</summary>
    public int[] ActivityTouchpoint { get; }

    /// <summary>The event channel: the standard column, else a string event attribute named <c>channel</c>.</summary>
    public StringColumn? Channel { get; }
}
