using Journeyscope.EventLogs;
using Journeyscope.Partitions;

namespace Journeyscope.Storage;

/// <summary>
/// Joins, in memory, the events appended to a store since a live log's last read with the cases the log already holds
/// (<see cref="IEventStore.ReadAppendedSince"/>), and concatenates small segments for compaction.
/// </summary>
/// <remarks>
/// A case's events in the store are ordered by time, ties by sequence number. The cases held are in that order, and every
/// appended event has a larger sequence number than every held one, so "held events, then appended events" sorted stably
/// by time is the store's order. An identity join puts two held cases together: their events interleave by time, and
/// only a tie between the two (same instant, order known only from sequence numbers the log does not hold) cannot be
/// resolved in memory; the join is then refused and the caller reads the case from the store.
/// </remarks>
internal static class CaseJoin
{
    /// <summary>
    /// The changed cases, whole: each appended case's held events (its own, and those of the anonymous ids
    /// <paramref name="joined"/> to it) followed by its appended events, with its current case attributes, plus the cases
    /// read whole; in key order. Null when a join meets a tie, or (with <paramref name="widened"/>) when the held and read
    /// columns disagree on an attribute's type.
    /// </summary>
    public static EventLogSegment? Join(
        StoredCases appended, IReadOnlyDictionary<string, string> joined, IReadOnlyList<EventLogSegment> held, StoredCases whole, out bool widened)
    {
        widened = false;
        var logs = new List<EventLog>(held.Count + 2) { appended.Log, whole.Log };
        var heldCases = new Dictionary<string, (EventLogSegment Segment, int Case)>(StringComparer.Ordinal);
        var capacity = appended.Log.EventCount + whole.Log.EventCount;
        foreach (var segment in held)
        {
            logs.Add(segment.Log);
            capacity += segment.Log.EventCount;
            for (var c = 0; c < segment.Log.CaseCount; c++)
            {
                heldCases[segment.Log.CaseIds[c]] = (segment, c);
            }
        }

        if (CaseAssembler.For(logs, capacity) is not { } assembler)
        {
            widened = true;
            return null;
        }

        var joins = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (anonymous, customer) in joined)
        {
            if (heldCases.ContainsKey(anonymous))
            {
                (joins.TryGetValue(customer, out var list) ? list : joins[customer] = []).Add(anonymous);
            }
        }

        // Every output case: (key, id, index in the appended log or -1, index in the whole read or -1).
        var cases = new List<(long Key, string Id, int Appended, int Whole)>(appended.Log.CaseCount + joins.Count + whole.Log.CaseCount);
        var named = new HashSet<string>(StringComparer.Ordinal);
        for (var c = 0; c < appended.Log.CaseCount; c++)
        {
            var id = appended.Log.CaseIds[c];
            named.Add(id);
            cases.Add((KeyOf(id, appended.CaseKeys[c], heldCases, joins), id, c, -1));
        }

        foreach (var customer in joins.Keys)
        {
            if (named.Add(customer))
            {
                cases.Add((KeyOf(customer, long.MaxValue, heldCases, joins), customer, -1, -1));
            }
        }

        for (var c = 0; c < whole.Log.CaseCount; c++)
        {
            cases.Add((whole.CaseKeys[c], whole.Log.CaseIds[c], -1, c));
        }

        cases.Sort((a, b) => a.Key != b.Key ? a.Key.CompareTo(b.Key) : string.CompareOrdinal(a.Id, b.Id));
        var keys = new long[cases.Count];
        for (var i = 0; i < cases.Count; i++)
        {
            var (key, id, a, w) = cases[i];
            keys[i] = key;
            assembler.AddCase(id);
            if (w >= 0)
            {
                assembler.AddEvents(id, whole.Log, w);
                assembler.SetCaseAttributes(id, whole.Log, w);
                continue;
            }

            if (!AddHeld(assembler, id, heldCases, joins))
            {
                return null;
            }

            if (a >= 0)
            {
                assembler.AddEvents(id, appended.Log, a);
                assembler.SetCaseAttributes(id, appended.Log, a);
            }
            else if (heldCases.TryGetValue(id, out var own))
            {
                assembler.SetCaseAttributes(id, own.Segment.Log, own.Case);
            }
        }

        return new EventLogSegment(assembler.Build(), keys);
    }

    /// <summary>The cases of <paramref name="segments"/> in one segment, in key order; null when their columns disagree on a type.</summary>
    public static EventLogSegment? Concatenate(IReadOnlyList<EventLogSegment> segments)
    {
        var logs = new List<EventLog>(segments.Count);
        var cases = new List<(long Key, EventLogSegment Segment, int Case)>();
        var capacity = 0;
        foreach (var segment in segments)
        {
            logs.Add(segment.Log);
            capacity += segment.Log.EventCount;
            for (var c = 0; c < segment.Log.CaseCount; c++)
            {
                cases.Add((segment.CaseKeys[c], segment, c));
            }
        }

        if (CaseAssembler.For(logs, capacity) is not { } assembler)
        {
            return null;
        }

        cases.Sort((a, b) => a.Key != b.Key ? a.Key.CompareTo(b.Key) : string.CompareOrdinal(a.Segment.Log.CaseIds[a.Case], b.Segment.Log.CaseIds[b.Case]));
        var keys = new long[cases.Count];
        for (var i = 0; i < cases.Count; i++)
        {
            var (key, segment, c) = cases[i];
            var id = segment.Log.CaseIds[c];
            keys[i] = key;
            assembler.AddCase(id);
            assembler.AddEvents(id, segment.Log, c);
            assembler.SetCaseAttributes(id, segment.Log, c);
        }

        return new EventLogSegment(assembler.Build(), keys);
    }

    private static long KeyOf(
        string id, long appendedKey, Dictionary<string, (EventLogSegment Segment, int Case)> held, Dictionary<string, List<string>> joins)
    {
        // A case's key is the sequence number of its first event: held events all come before appended ones.
        var key = appendedKey;
        if (held.TryGetValue(id, out var own) && own.Segment.Log.CaseLength(own.Case) > 0)
        {
            key = Math.Min(key, own.Segment.CaseKeys[own.Case]);
        }

        if (joins.TryGetValue(id, out var anonymous))
        {
            foreach (var other in anonymous)
            {
                var (segment, c) = held[other];
                if (segment.Log.CaseLength(c) > 0)
                {
                    key = Math.Min(key, segment.CaseKeys[c]);
                }
            }
        }

        return key;
    }

    /// <summary>Adds the held events of <paramref name="id"/> and of the anonymous ids joined to it, interleaved by time; false on a tie between two of them.</summary>
    private static bool AddHeld(
        CaseAssembler assembler, string id, Dictionary<string, (EventLogSegment Segment, int Case)> held, Dictionary<string, List<string>> joins)
    {
        var sources = new List<(EventLog Log, int Case)>();
        if (held.TryGetValue(id, out var own))
        {
            sources.Add((own.Segment.Log, own.Case));
        }

        if (joins.TryGetValue(id, out var anonymous))
        {
            foreach (var other in anonymous)
            {
                var (segment, c) = held[other];
                sources.Add((segment.Log, c));
            }
        }

        if (sources.Count == 1)
        {
            assembler.AddEvents(id, sources[0].Log, sources[0].Case);
            return true;
        }

        // Merge the sorted sources by time; an instant shared by two sources has no order the log can tell.
        var events = new List<(long Time, int Source, int Event)>();
        for (var s = 0; s < sources.Count; s++)
        {
            var (log, c) = sources[s];
            for (var e = log.CaseStarts[c]; e < log.CaseStarts[c + 1]; e++)
            {
                events.Add((log.Timestamps[e], s, e));
            }
        }

        events.Sort((a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : a.Source != b.Source ? a.Source.CompareTo(b.Source) : a.Event.CompareTo(b.Event));
        for (var i = 1; i < events.Count; i++)
        {
            if (events[i].Time == events[i - 1].Time && events[i].Source != events[i - 1].Source)
            {
                return false;
            }
        }

        foreach (var (_, s, e) in events)
        {
            assembler.AddEvent(id, sources[s].Log, e);
        }

        return true;
    }
}
