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
    private CancellationTokenSource _loads = new();

    /// <summary>When the collector last pruned old message ids (UTC ticks); written only under <see cref="Gate"/>.</summary>
    public long LastMessagePruneTicks { get; set; }

    /// <summary>Collector requests waiting to be written by the next group commit.</summary>
    public ConcurrentQueue<PendingCollect> Collects { get; } = new();

    /// <summary>
    /// Hashes (<see cref="StoredIdFilter.HashOf"/>) of the message ids in <c>collector_messages</c>; stale hashes of pruned
    /// ids only cost an exact check. Used under <see cref="Gate"/>.
    /// </summary>
    public StoredIdFilter MessageIds { get; } = new("SELECT message_id FROM collector_messages", textIds: true);

    /// <summary>
    /// DuckDB's <c>hash(case_id, event_id)</c> of every row of <c>events</c>; hashes of erased or rolled-back rows only cost
    /// an exact check. Used under <see cref="Gate"/>.
    /// </summary>
    public StoredIdFilter EventIds { get; } = new("SELECT hash(case_id, event_id) FROM events", textIds: false);

    /// <summary>Cancelled when the last instance closes the file: background filter loads stop and release their connection.</summary>
    public CancellationToken LoadsToken => _loads.Token;

    /// <summary>Serialises every operation on the database file.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>How many <see cref="Workspace"/> instances of the process have the database open (an erasure needs it alone).</summary>
    public int OpenCount => Volatile.Read(ref _openCount);

    /// <summary>
    /// Counts one more open instance (under <see cref="Gate"/>). The first one after none were open drops both filters
    /// (<see cref="EventIds"/>, <see cref="MessageIds"/>): while the file was closed another process may have written to it.
    /// </summary>
    public void Opened()
    {
        if (Interlocked.Increment(ref _openCount) == 1)
        {
            EventIds.Drop();
            MessageIds.Drop();
            _loads = new CancellationTokenSource();
        }
    }

    /// <summary>
    /// Counts one instance fewer (under <see cref="Gate"/>). The last one stops the background filter loads and waits for
    /// them, so no connection of theirs keeps the file open after it.
    /// </summary>
    public void Closed()
    {
        if (Interlocked.Decrement(ref _openCount) == 0)
        {
            _loads.Cancel();
            EventIds.Stop();
            MessageIds.Stop();
            _loads.Dispose();
        }
    }

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
