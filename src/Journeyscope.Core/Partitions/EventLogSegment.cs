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
    public EventLogSegment? Without(IReadOnlySet<string> removed)
    {
        ArgumentNullException.ThrowIfNull(removed);
        var ids = Log.CaseIds;
        List<int>? kept = null;
        for (var c = 0; c < ids.Count; c++)
        {
            if (removed.Contains(ids[c]))
            {
                if (kept is null)
                {
                    kept = new List<int>(ids.Count);
                    for (var k = 0; k < c; k++)
                    {
                        kept.Add(k);
                    }
                }
            }
            else
            {
                kept?.Add(c);
            }
        }

        if (kept is null)
        {
            return this;
        }

        if (kept.Count == 0)
        {
            return null;
        }

        var keys = new long[kept.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = _caseKeys[kept[i]];
        }

        return new EventLogSegment(Log.SelectCases(kept.ToArray()), keys);
    }
}
