namespace Journeyscope.EventLogs;

public sealed partial class EventLogBuilder
{
    /// <summary>Builds the immutable log. The builder can keep collecting afterwards.</summary>
    /// <remarks>Cases registered through attributes only, with no events, are not part of the log.</remarks>
    public EventLog Build()
    {
        var n = EventCount;
        var caseCount = _cases.Count;
        var eventsPerCase = new int[caseCount + 1];
        for (var i = 0; i < n; i++)
        {
            eventsPerCase[_caseOfEvent[i]]++;
        }

        // Cases without events (attributes only) are dropped; the rest keep their order of first appearance.
        var newCaseIndex = new int[caseCount];
        var keptCases = new List<int>(caseCount);
        for (var c = 0; c < caseCount; c++)
        {
            newCaseIndex[c] = eventsPerCase[c] > 0 ? keptCases.Count : -1;
            if (eventsPerCase[c] > 0)
            {
                keptCases.Add(c);
            }
        }

        var caseStarts = new int[keptCases.Count + 1];
        for (var k = 0; k < keptCases.Count; k++)
        {
            caseStarts[k + 1] = caseStarts[k] + eventsPerCase[keptCases[k]];
        }

        // Counting sort by case keeps source order inside each case; then a stable sort by time per case.
        var cursor = new int[keptCases.Count];
        Array.Copy(caseStarts, cursor, keptCases.Count);
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[cursor[newCaseIndex[_caseOfEvent[i]]]++] = i;
        }

        var timestamps = _timestamps.AsSpan(0, n);
        CaseSorting.SortWithinCases(timestamps, caseStarts, order);

        var activities = new int[n];
        var sortedTimestamps = new long[n];
        short[]? offsets = _offsets is null ? null : new short[n];
        for (var i = 0; i < n; i++)
        {
            var source = order[i];
            activities[i] = _activityOfEvent[source];
            sortedTimestamps[i] = _timestamps[source];
            if (offsets is not null)
            {
                offsets[i] = _offsets![source];
            }
        }

        var caseIds = new string[keptCases.Count];
        for (var k = 0; k < keptCases.Count; k++)
        {
            caseIds[k] = _cases[keptCases[k]];
        }

        var standard = new EventLogStandardColumns(
            (StringColumn?)_lifecycle?.Build(n, order),
            (StringColumn?)_resource?.Build(n, order),
            (StringColumn?)_channel?.Build(n, order),
            (TimestampColumn?)_start?.Build(n, order));
        var eventAttributes = new AttributeColumn[_eventAttributes.Count];
        for (var a = 0; a < eventAttributes.Length; a++)
        {
            eventAttributes[a] = _eventAttributes[a].Build(n, order);
        }

        var caseOrder = keptCases.ToArray();
        var caseAttributes = new AttributeColumn[_caseAttributes.Count];
        for (var a = 0; a < caseAttributes.Length; a++)
        {
            caseAttributes[a] = _caseAttributes[a].Build(caseOrder.Length, caseOrder);
        }

        return new EventLog(
            caseIds, caseStarts, activities, _activities.ToArray(), sortedTimestamps, offsets, standard,
            eventAttributes, caseAttributes, TimeBasis.Utc);
    }
}
