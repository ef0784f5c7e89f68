using Journeyscope.EventLogs;

namespace Journeyscope.Partitions;

/// <summary>
/// An immutable run of whole cases inside one partition: an <see cref="EventLog"/> and, per case, its key in the store's
/// global order (the sequence number of its first event), which restores the whole log's case order when partials merge.
/// </summary>
/// <remarks>Thread-safe. <see cref="Id"/> is unique in the process, so per-segment partials can be cached by it.</remarks>
public sealed class EventLogSegment
{
    private static long _nextId;
    private readonly long[] _caseKeys;

    // Case id -> position: a removal looks up the ids it names instead of scanning every case of every segment.
    private readonly Dictionary<string, int> _index;

    /// <summary>Creates a segment of <paramref name="log"/> with one key per case.</summary>
    /// <exception cref="ArgumentException">The key count differs from the case count.</exception>
    public EventLogSegment(EventLog log, long[] caseKeys)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(caseKeys);
        if (caseKeys.Length != log.CaseCount)
        {
            throw new ArgumentException("One key per case.", nameof(caseKeys));
        }

        Log = log;
        _caseKeys = caseKeys;
        Id = Interlocked.Increment(ref _nextId);
        _index = new Dictionary<string, int>(log.CaseCount, StringComparer.Ordinal);
        for (var c = 0; c < log.CaseCount; c++)
        {
            _index[log.CaseIds[c]] = c;
        }
    }

    /// <summary>The process-unique id of this segment (partials are cached under it).</summary>
    public long Id { get; }

    /// <summary>The segment's cases and events.</summary>
    public EventLog Log { get; }

    /// <summary>Per case, its position in the whole log's case order (the first event's sequence number in the store).</summary>
    public ReadOnlySpan<long> CaseKeys => _caseKeys;

    /// <summary>
    /// This segment without the cases named in <paramref name="removed"/>; this same segment when none of its cases is named,
    /// null when all are.
    /// </summary>
    public EventLogSegment? Without(IReadOnlySet<string> removed) => Without(removed, out _);

    /// <summary>
    /// This segment without the cases named in <paramref name="removed"/> (this same segment when none is named, null when
    /// all are), and in <paramref name="dropped"/> the named cases it held, as they were (null when none).
    /// </summary>
    /// <remarks>The dropped cases are what a running total subtracts before it adds their new content.</remarks>
    public EventLogSegment? Without(IReadOnlySet<string> removed, out EventLogSegment? dropped)
    {
        ArgumentNullException.ThrowIfNull(removed);
        dropped = null;
        var ids = Log.CaseIds;
        List<int>? gone = null;
        if (removed.Count <= ids.Count)
        {
            foreach (var id in removed)
            {
                if (_index.TryGetValue(id, out var c))
                {
                    (gone ??= []).Add(c);
                }
            }

            gone?.Sort();
        }
        else
        {
            for (var c = 0; c < ids.Count; c++)
            {
                if (removed.Contains(ids[c]))
                {
                    (gone ??= []).Add(c);
                }
            }
        }

        if (gone is null)
        {
            return this;
        }

        dropped = gone.Count == ids.Count ? this : Select(gone);
        if (gone.Count == ids.Count)
        {
            return null;
        }

        var kept = new List<int>(ids.Count - gone.Count);
        var g = 0;
        for (var c = 0; c < ids.Count; c++)
        {
            if (g < gone.Count && gone[g] == c)
            {
                g++;
            }
            else
            {
                kept.Add(c);
            }
        }

        return Select(kept);
    }

    private EventLogSegment Select(List<int> cases)
    {
        var keys = new long[cases.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = _caseKeys[cases[i]];
        }

        return new EventLogSegment(Log.SelectCases(cases.ToArray()), keys);
    }
}
