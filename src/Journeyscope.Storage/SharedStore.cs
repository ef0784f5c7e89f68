namespace Journeyscope.Storage;

/// <summary>
/// What every <see cref="Workspace"/> opened on one database file in this process shares: the gate serialising their
/// operations and the workspace version, so the version can be read without SQL or the gate.
/// </summary>
internal sealed class SharedStore
{
    private long _version;

    /// <summary>When the collector last pruned old message ids (UTC ticks); written only under <see cref="Gate"/>.</summary>
    public long LastMessagePruneTicks { get; set; }

    /// <summary>Serialises every operation on the database file.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>The committed workspace version; written only under <see cref="Gate"/>, read without it.</summary>
    public long Version
    {
        get => Interlocked.Read(ref _version);
        set => Interlocked.Exchange(ref _version, value);
    }
}
