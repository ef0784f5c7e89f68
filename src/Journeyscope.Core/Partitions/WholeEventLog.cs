using Journeyscope.EventLogs;

namespace Journeyscope.Partitions;

/// <summary>
/// The whole <see cref="EventLog"/> of a <see cref="PartitionedEventLog"/>, assembled in memory: every case of every
/// segment in the whole log's case order (by case key), with every column. What a server hands to the analyses that are
/// not partitioned when the partitioned log already holds the store's current version, instead of reading the store again.
/// </summary>
/// <remarks>
/// The cases, their order, each case's events in order and every column's values equal a whole read of the store
/// (<c>Workspace.LoadEventLog</c>). Dictionary codes are interned in case order here, in store order there; analyses break
/// ties by activity code, so the activities are renumbered in the order given (the store's), while the codes of other
/// string columns (resources, channels, attributes) may differ. Attribute columns keep the order of
/// the most recently read segment (the store's registry order), then any column only older segments have. O(n) over the
/// events plus O(c log c) to order the cases; checks the token every 1,024 cases.
/// </remarks>
public static class WholeEventLog
{
    /// <summary>
    /// Assembles the whole log of <paramref name="log"/> (UTC, as partitioned logs are), its activities numbered in
    /// <paramref name="activityOrder"/> when given (the store's order of first events, so that every analysis breaks ties as
    /// on a whole read of the store).
    /// </summary>
    public static EventLog Of(PartitionedEventLog log, IReadOnlyList<string>? activityOrder = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        var segments = new List<EventLogSegment>();
        var caseCount = 0;
        foreach (var partition in log.Partitions)
        {
            foreach (var segment in partition.Segments)
            {
                segments.Add(segment);
                caseCount += segment.Log.CaseCount;
            }
        }

        // The newest segment first: its columns are in the store's current registry order.
        segments.Sort((x, y) => y.Id.CompareTo(x.Id));
        var keys = new long[caseCount];
        var owners = new long[caseCount];
        var at = 0;
        for (var s = 0; s < segments.Count; s++)
        {
            var caseKeys = segments[s].CaseKeys;
            for (var c = 0; c < caseKeys.Length; c++)
            {
                keys[at] = caseKeys[c];
                owners[at++] = ((long)s << 32) | (uint)c;
            }
        }

        // Keys are unique per store (a case's first sequence number); the owner breaks ties deterministically anyway.
        Array.Sort(keys, owners);
        SortTies(keys, owners);

        var builder = new EventLogBuilder((int)Math.Min(log.EventCount, Array.MaxLength));
        var copiers = new EventCopier[segments.Count];
        for (var s = 0; s < segments.Count; s++)
        {
            copiers[s] = EventCopier.Of(builder, segments[s].Log);
        }

        var copied = 0;
        for (var i = 0; i < owners.Length; i++)
        {
            var s = (int)(owners[i] >> 32);
            var c = (int)(uint)owners[i];
            if ((copied++ & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            copiers[s].CopyCase(c);
        }

        var whole = builder.Build();
        return activityOrder is null ? whole : whole.WithActivityOrder(activityOrder);
    }

    private static void SortTies(long[] keys, long[] owners)
    {
        var start = 0;
        for (var i = 1; i <= keys.Length; i++)
        {
            if (i == keys.Length || keys[i] != keys[start])
            {
                if (i - start > 1)
                {
                    Array.Sort(owners, start, i - start);
                }

                start = i;
            }
        }
    }
}
