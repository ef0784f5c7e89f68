namespace Journeyscope.Storage;

/// <summary>
/// What every <see cref="Workspace"/> opened on one database file in this process shares: the gate serialising their
/// operations and the workspace version, so the version can be read without SQL or the gate.
/// </summary>
internal sealed class SharedStore
{
    private long _version;
    private int _openCount;

    /// <summary>When the collector last pruned old message ids (UTC ticks); written only under <see cref="Gate"/>.</summary>
    public long LastMessagePruneTicks { get; set; }

    /// <summary>Serialises every operation on the database file.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>How many <see cref="Workspace"/> instances of the process have the database open (an erasure needs it alone).</summary>
    public int OpenCount => Volatile.Read(ref _openCount);

    /// <summary>Counts one more open instance.</summary>
    public void Opened() => Interlocked.Increment(ref _openCount);

    /// <summary>Counts one instance fewer.</summary>
    public void Closed() => Interlocked.Decrement(ref _openCount);

    /// <summary>The committed workspace version; written only under <see cref="Gate"/>, read without it.</summary>
    public long Version
    {
        get => Interlocked.Read(ref _version);
        set => Interlocked.Exchange(ref _version, value);
    }
}
