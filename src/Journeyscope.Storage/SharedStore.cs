using System.Collections.Concurrent;
using Journeyscope.Storage.Collector;

namespace Journeyscope.Storage;

/// <summary>
/// What every <see cref="Workspace"/> opened on one database file in this process shares: the gate serialising their
/// operations and the workspace version, so the version can be read without SQL or the gate.
/// </summary>
internal sealed class SharedStore
{
    private long _version;
    private int _openCount;
    private int _journalRestored;

    /// <summary>When the collector last pruned old message ids (UTC ticks); written only under <see cref="Gate"/>.</summary>
    public long LastMessagePruneTicks { get; set; }

    /// <summary>Collector requests waiting to be written by the next group commit.</summary>
    public ConcurrentQueue<PendingCollect> Collects { get; } = new();

    /// <summary>
    /// Hashes of the message ids in <c>collector_messages</c> (a filter with no false negatives: stale hashes of pruned
    /// ids only cost an exact check), or null until the first collector append loads it; used only under <see cref="Gate"/>.
    /// </summary>
    public HashSet<ulong>? MessageFilter { get; set; }

    /// <summary>
    /// DuckDB's <c>hash(case_id, event_id)</c> of every row of <c>events</c> (a filter with no false negatives: hashes of
    /// erased or rolled-back rows only cost an exact check), or null until the first append that checks stored ids loads
    /// it; used only under <see cref="Gate"/>.
    /// </summary>
    public HashSet<ulong>? EventIdFilter { get; set; }

    /// <summary>Serialises every operation on the database file.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>How many <see cref="Workspace"/> instances of the process have the database open (an erasure needs it alone).</summary>
    public int OpenCount => Volatile.Read(ref _openCount);

    /// <summary>
    /// Counts one more open instance. The first one after none were open drops <see cref="EventIdFilter"/>: while the
    /// file was closed another process may have written to it.
    /// </summary>
    public void Opened()
    {
        if (Interlocked.Increment(ref _openCount) == 1)
        {
            EventIdFilter = null;
        }
    }

    /// <summary>Counts one instance fewer.</summary>
    public void Closed() => Interlocked.Decrement(ref _openCount);

    /// <summary>The raw case ids each recent commit touched (see <see cref="Commit"/>).</summary>
    public ChangeJournal Journal { get; } = new();

    /// <summary>
    /// The committed workspace version; written only under <see cref="Gate"/>, read without it. Setting it records a
    /// change of unknown cases in <see cref="Journal"/> (caches reload everything); <see cref="Commit"/> names them.
    /// </summary>
    public long Version
    {
        get => Interlocked.Read(ref _version);
        set => Journal.Record(Interlocked.Exchange(ref _version, value), value, null);
    }

    /// <summary>
    /// Sets <see cref="Version"/> when a <see cref="Workspace"/> opens the database: the first open of the process restores
    /// the persisted journal (<paramref name="readJournal"/>) instead of recording an unknown change; later opens set the
    /// version as before.
    /// </summary>
    public void Opening(long version, Func<IEnumerable<(long From, long To, HashSet<string> Ids)>> readJournal)
    {
        if (Interlocked.Exchange(ref _journalRestored, 1) == 0)
        {
            Journal.Restore(readJournal());
            Interlocked.Exchange(ref _version, version);
            return;
        }

        Version = version;
    }

    /// <summary>Sets <see cref="Version"/> after a commit that touched (only) the cases <paramref name="rawCaseIds"/>.</summary>
    public void Commit(long version, IEnumerable<string> rawCaseIds) =>
        Journal.Record(Interlocked.Exchange(ref _version, version), version, rawCaseIds);
}
