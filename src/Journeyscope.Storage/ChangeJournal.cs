namespace Journeyscope.Storage;

/// <summary>
/// The raw case ids each committed version touched, kept in memory for the most recent versions, so that a cache of the
/// event log at an older version can tell which cases to read again (<see cref="IEventStore.ReadChangesSince"/>).
/// </summary>
/// <remarks>
/// Thread-safe. A commit whose cases are unknown (an erasure, an open) is recorded with null: the caches then reload
/// everything. Only the latest <see cref="Capacity"/> commits are kept; an older version is answered with null too.
/// </remarks>
internal sealed class ChangeJournal
{
    /// <summary>Most commits remembered.</summary>
    public const int Capacity = 4096;

    private readonly Lock _lock = new();
    private readonly LinkedList<Entry> _entries = new();

    /// <summary>Records that the commit from <paramref name="from"/> to <paramref name="to"/> touched <paramref name="rawCaseIds"/> (null: unknown).</summary>
    public void Record(long from, long to, IEnumerable<string>? rawCaseIds)
    {
        if (to == from)
        {
            return;
        }

        var ids = rawCaseIds is null ? null : new HashSet<string>(rawCaseIds, StringComparer.Ordinal);
        lock (_lock)
        {
            _entries.AddLast(new Entry(from, to, ids));
            while (_entries.Count > Capacity)
            {
                _entries.RemoveFirst();
            }
        }
    }

    /// <summary>
    /// Every raw case id touched by the commits after <paramref name="since"/> up to <paramref name="current"/>, or null
    /// when some of them are unknown or forgotten.
    /// </summary>
    public HashSet<string>? Since(long since, long current)
    {
        var touched = new HashSet<string>(StringComparer.Ordinal);
        if (since == current)
        {
            return touched;
        }

        lock (_lock)
        {
            // The commits form a chain of versions: walk it from since to current.
            var at = since;
            foreach (var entry in _entries)
            {
                if (entry.To <= at)
                {
                    continue;
                }

                if (entry.From != at || entry.Ids is null)
                {
                    return null;
                }

                touched.UnionWith(entry.Ids);
                at = entry.To;
            }

            return at == current ? touched : null;
        }
    }

    private sealed record Entry(long From, long To, HashSet<string>? Ids);
}
