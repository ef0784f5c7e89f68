namespace Journeyscope.Storage;

/// <summary>
/// The raw case ids each committed version touched, kept in memory for the most recent versions (and persisted with each
/// commit in <c>change_journal</c>, restored on open), so that a cache of the event log at an older version can tell which
/// cases to read again (<see cref="IEventStore.ReadChangesSince"/>).
/// </summary>
/// <remarks>
/// Thread-safe. A commit whose cases are unknown (an erasure, an open) is recorded with null: the caches then reload
/// everything. Only the latest <see cref="Capacity"/> commits are kept; an older version is answered with null too.
/// </remarks>
internal sealed class ChangeJournal
{
    /// <summary>Most commits remembered.</summary>
    public const int Capacity = 4096;

    /// <summary>Most case ids a commit may name and still be persisted (a larger one reads as unknown after a restart).</summary>
    public const int MaxPersistedCaseIds = 100_000;

    /// <summary>Most case ids kept in <c>change_journal</c> over all retained commits (older commits are pruned first).</summary>
    public const int MaxPersistedRows = 1_000_000;

    /// <summary>Every how many versions <c>change_journal</c> is pruned to its retention.</summary>
    public const int PruneEvery = 64;

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

    /// <summary>Replaces what is remembered by <paramref name="entries"/> (read back from the database on open), in version order.</summary>
    public void Restore(IEnumerable<(long From, long To, HashSet<string> Ids)> entries)
    {
        lock (_lock)
        {
            _entries.Clear();
            foreach (var (from, to, ids) in entries)
            {
                _entries.AddLast(new Entry(from, to, ids));
                while (_entries.Count > Capacity)
                {
                    _entries.RemoveFirst();
                }
            }
        }
    }

    /// <summary>Forgets every commit (an erasure: the ids of the erased customer must not stay anywhere); readers then reload.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _entries.Clear();
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
