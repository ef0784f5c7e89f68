using System.IO.Hashing;
using System.Text;
using DuckDB.NET.Data;

namespace Journeyscope.Storage;

/// <summary>
/// The 64-bit hashes of the ids one table stores: a filter with no false negatives while this process is the only writer,
/// so an id whose hash it lacks is certainly not stored and only hits are checked exactly in SQL. The event-id filter
/// (<c>hash(case_id, event_id)</c> of <c>events</c>) and the collector's message-id filter are two instances.
/// </summary>
/// <remarks>
/// Loaded by one scan of the table, either on demand by the first operation that needs it (<see cref="Get"/>, on the
/// operation's connection) or in the background (<see cref="BeginLoad"/>, on a connection of its own, without the gate).
/// Every member except the background scan runs under the store's gate. Correctness of a background load: it is marked
/// under the gate, when no write is in progress, and its scan starts after that, so it sees every row committed before
/// the mark; every write after the mark adds its hashes through <see cref="Add"/>, which keeps them beside the scan
/// (<c>_arrived</c>) until the scan's set is taken. An operation that needs the filter while the scan runs waits for it
/// (a reload after a prune keeps answering from the previous set, a superset of the stored ids). Stale hashes (rows
/// erased, pruned or rolled back) only cost an exact check.
/// </remarks>
internal sealed class StoredIdFilter
{
    private const int CancellationStride = 65_536;

    private readonly string _query;
    private readonly bool _textIds;
    private HashSet<ulong>? _hashes;
    private Task<HashSet<ulong>>? _loading;
    private List<ulong>? _arrived;
    private long _backgroundLoads;
    private long _loadsOnDemand;
    private long _waits;

    /// <summary>A filter over what <paramref name="query"/> returns (one column).</summary>
    /// <param name="query">The scan: one column per stored row, a hash (<c>UBIGINT</c>) or an id to hash (<paramref name="textIds"/>).</param>
    /// <param name="textIds">The column holds ids (text), hashed here with <see cref="HashOf"/>.</param>
    public StoredIdFilter(string query, bool textIds)
    {
        _query = query;
        _textIds = textIds;
    }

    /// <summary>The loaded set (null until loaded); for tests.</summary>
    public HashSet<ulong>? Loaded => _hashes;

    /// <summary>Whether a background scan was started and its set not taken yet.</summary>
    public bool IsLoading => _loading is not null;

    /// <summary>Whether writes must report their hashes (<see cref="Add"/>): a set is loaded or being loaded.</summary>
    public bool Wanted => _hashes is not null || _loading is not null;

    /// <summary>How this filter was loaded so far in the process.</summary>
    public DedupFilterLoads Loads =>
        new(Interlocked.Read(ref _backgroundLoads), Interlocked.Read(ref _loadsOnDemand), Interlocked.Read(ref _waits),
            _hashes is not null || _loading is { IsCompletedSuccessfully: true });

    /// <summary>The hash of a text id, as a filter over text ids holds it (XxHash3 of its UTF-8 bytes).</summary>
    public static ulong HashOf(string id) => XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(id));

    /// <summary>
    /// The loaded set: the one held, else the background scan's (waited for when still running) with the hashes written
    /// since its mark, else one scanned here on <paramref name="connection"/> (also when the background scan failed).
    /// </summary>
    public HashSet<ulong> Get(DuckDBConnection connection, CancellationToken cancellationToken)
    {
        if (_loading is { } loading && (_hashes is null || loading.IsCompleted))
        {
            TakeLoaded(loading);
        }

        if (_hashes is null)
        {
            _hashes = Scan(connection, cancellationToken);
            Interlocked.Increment(ref _loadsOnDemand);
        }

        return _hashes;
    }

    /// <summary>
    /// Marks a background load and starts <paramref name="scan"/> on the thread pool, unless the set is loaded or loading
    /// (then the task of the load in progress, or a completed one). The caller holds the gate.
    /// </summary>
    /// <returns>A task that completes when the scan ends (faulted or cancelled when it failed: operations then load on demand).</returns>
    public Task BeginLoad(Func<CancellationToken, HashSet<ulong>> scan, CancellationToken cancellationToken)
    {
        if (_loading is { } running)
        {
            return running;
        }

        return _hashes is not null ? Task.CompletedTask : Start(scan, cancellationToken);
    }

    /// <summary>
    /// After a prune: scans the table again in the background to shed the stale hashes, answering from the held set (a
    /// superset) until the new one is taken. Nothing to do when no set is held (the next use loads one).
    /// </summary>
    public void Reload(Func<CancellationToken, HashSet<ulong>> scan, CancellationToken cancellationToken)
    {
        if (_hashes is not null && _loading is null)
        {
            Start(scan, cancellationToken);
        }
    }

    /// <summary>Adds the hash of a row just written (to the held set, and beside a running scan).</summary>
    public void Add(ulong hash)
    {
        _hashes?.Add(hash);
        _arrived?.Add(hash);
    }

    /// <summary>Forgets the set and any running scan's result: another process may have written the table meanwhile.</summary>
    public void Drop()
    {
        _hashes = null;
        _loading = null;
        _arrived = null;
    }

    /// <summary>Waits for a running scan to end (its token cancelled by the caller) and forgets it; the file is being closed.</summary>
    public void Stop()
    {
        if (_loading is { } loading)
        {
            try
            {
                loading.Wait();
            }
            catch (AggregateException)
            {
                // Cancelled or failed: nothing to keep.
            }
        }

        _loading = null;
        _arrived = null;
    }

    /// <summary>Reads the table into a set on <paramref name="connection"/>, checking the token every 65,536 rows.</summary>
    public HashSet<ulong> Scan(DuckDBConnection connection, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM (" + _query + ")";
        var count = Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        var hashes = new HashSet<ulong>((int)Math.Min(count, int.MaxValue / 2));
        command.CommandText = _query;
        using var reader = command.ExecuteReader();
        var rows = 0L;
        while (reader.Read())
        {
            if ((++rows & (CancellationStride - 1)) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            hashes.Add(_textIds ? HashOf(reader.GetString(0)) : reader.GetFieldValue<ulong>(0));
        }

        return hashes;
    }

    private Task Start(Func<CancellationToken, HashSet<ulong>> scan, CancellationToken cancellationToken)
    {
        _arrived = [];
        var loading = Task.Run(() => scan(cancellationToken), cancellationToken);
        _loading = loading;
        Interlocked.Increment(ref _backgroundLoads);

        // A scan whose result nobody takes (dropped, or the file closed) must not leave an unobserved exception behind.
        _ = loading.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return loading;
    }

    /// <summary>Takes a background scan's set (waiting for it) with the hashes written since its mark; nothing when it failed.</summary>
    private void TakeLoaded(Task<HashSet<ulong>> loading)
    {
        if (!loading.IsCompleted)
        {
            Interlocked.Increment(ref _waits);
        }

        HashSet<ulong>? loaded = null;
        try
        {
            loaded = loading.GetAwaiter().GetResult();
        }
        catch (Exception)
        {
            // Whatever failed the scan (cancelled, the file closing, a DuckDB error): the held set (if any) stays valid,
            // otherwise the caller scans on its own connection, which reports a lasting error as its own.
        }

        if (loaded is not null)
        {
            loaded.UnionWith(_arrived!);
            _hashes = loaded;
        }

        _loading = null;
        _arrived = null;
    }
}
