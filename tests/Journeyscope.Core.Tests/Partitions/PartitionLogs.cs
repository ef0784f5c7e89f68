using Journeyscope.EventLogs;
using Journeyscope.Partitions;

namespace Journeyscope.Core.Tests.Partitions;

/// <summary>Random event streams and the logs and partitioned logs built from them, for the partition tests.</summary>
internal static class PartitionLogs
{
    /// <summary>A stream of events (case, activity, minute) with varied case names, lengths, repeats and ties.</summary>
    public static (string Case, string Activity, int Minute)[] Stream(Random random, int events, int cases, int activities)
    {
        var stream = new (string, string, int)[events];
        for (var i = 0; i < events; i++)
        {
            var c = random.Next(cases);
            var name = (c % 3) switch
            {
                0 => $"cust-{c}",
                1 => $"anon_{c * 7919:x}",
                _ => $"Kunde {c} ü",
            };
            stream[i] = (name, $"step {(char)('A' + random.Next(activities))}", random.Next(0, 50) + (i / 10));
        }

        return stream;
    }

    /// <summary>Where a stream of <paramref name="length"/> events is cut into <paramref name="slices"/> appends: a small first one, then equal steps to the end.</summary>
    public static List<int> Cuts(int length, int slices) =>
        [.. Enumerable.Range(1, slices).Select(k => length * k / slices).Prepend(Math.Max(1, length / (slices + 1))).Distinct().Order()];

    /// <summary>The whole log of <paramref name="stream"/>[0..count) and each case's key (index of its first event).</summary>
    public static (EventLog Log, long[] Keys) Build((string Case, string Activity, int Minute)[] stream, int count) =>
        Build(stream, count, null);

    /// <summary>The log of the events of <paramref name="stream"/>[0..count) whose case is in <paramref name="only"/> (all when null).</summary>
    public static (EventLog Log, long[] Keys) Build((string Case, string Activity, int Minute)[] stream, int count, IReadOnlySet<string>? only)
    {
        var builder = new EventLogBuilder();
        var first = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var (c, a, m) = stream[i];
            if (only is not null && !only.Contains(c))
            {
                continue;
            }

            first.TryAdd(c, i);
            builder.AddEvent(c, a, m * TimeSpan.TicksPerMinute);
        }

        var log = builder.Build();
        var keys = new long[log.CaseCount];
        for (var k = 0; k < keys.Length; k++)
        {
            keys[k] = first[log.CaseIds[k]];
        }

        return (log, keys);
    }

    /// <summary>
    /// The partitioned log of <paramref name="stream"/> grown in place: built from the first <paramref name="cuts"/>[0]
    /// events, then updated with each further slice as an append (touched cases removed and re-added whole).
    /// </summary>
    public static PartitionedEventLog Grow(
        (string Case, string Activity, int Minute)[] stream, int partitions, IReadOnlyList<int> cuts, Action<PartitionedEventLog>? afterEach = null) =>
        Grow(stream, partitions, cuts, afterEach, null);

    /// <summary>
    /// As the overload without it,
    /// also handing each append's delta to <paramref name="onDelta"/>: the touched cases as they were, and as they are now.
    /// </summary>
    public static PartitionedEventLog Grow(
        (string Case, string Activity, int Minute)[] stream,
        int partitions,
        IReadOnlyList<int> cuts,
        Action<PartitionedEventLog>? afterEach,
        Action<IReadOnlyList<EventLogSegment>, EventLogSegment>? onDelta)
    {
        var (log, keys) = Build(stream, cuts[0]);
        var partitioned = PartitionedEventLog.Create(log, keys, partitions, 1);
        afterEach?.Invoke(partitioned);
        for (var k = 1; k < cuts.Count; k++)
        {
            var touched = new HashSet<string>(StringComparer.Ordinal);
            for (var i = cuts[k - 1]; i < cuts[k]; i++)
            {
                touched.Add(stream[i].Case);
            }

            var (added, addedKeys) = Build(stream, cuts[k], touched);
            var segment = new EventLogSegment(added, addedKeys);
            partitioned = partitioned.Update(touched, segment, k + 1, out _, out var removed);
            onDelta?.Invoke(removed, segment);
            afterEach?.Invoke(partitioned);
        }

        return partitioned;
    }
}
