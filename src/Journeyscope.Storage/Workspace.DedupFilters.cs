namespace Journeyscope.Storage;

public sealed partial class Workspace
{
    /// <summary>How the filter of stored event ids (the duplicate check of appends) was loaded in this process.</summary>
    public DedupFilterLoads EventIdFilterLoads => _shared.EventIds.Loads;

    /// <summary>How the filter of stored collector message ids was loaded in this process.</summary>
    public DedupFilterLoads MessageFilterLoads => _shared.MessageIds.Loads;

    /// <summary>
    /// Starts loading the two dedup filters (stored event ids, collector message ids) in the background, so that the first
    /// append or collector batch does not pay their scans; a host calls it when it opens a workspace it keeps open.
    /// </summary>
    /// <param name="includeEventIds">
    /// Whether to load the event-id filter too. Only file imports check event ids (collector batches dedup on message ids),
    /// and a loaded event-id filter costs about 20 bytes a stored event and one query of the new rows per commit; a host that
    /// expects collector batches only passes <c>false</c>, and the first import loads it on demand.
    /// </param>
    /// <returns>
    /// A task that completes when both scans have ended (it never faults: a failed scan leaves the filter to be loaded by the
    /// first append that needs it).
    /// </returns>
    /// <remarks>
    /// The load is marked under the workspace's gate and the scans run on connections of their own, without the gate, so
    /// appends and reads go on meanwhile. An append that needs a filter while its scan runs waits for it; every write after
    /// the mark adds its ids beside the scan, so no stored id is missing from the filter (docs/storage.md). Without this call
    /// (the CLI: one operation per process) the first append that needs a filter loads it on its own connection.
    /// Closing the last instance on the database cancels the scans and waits for them.
    /// </remarks>
    public Task PreloadDedupFilters(bool includeEventIds = true)
    {
        Enter();
        try
        {
            var token = _shared.LoadsToken;
            var events = includeEventIds ? _shared.EventIds.BeginLoad(ScanAside(_shared.EventIds), token) : Task.CompletedTask;
            var messages = _shared.MessageIds.BeginLoad(ScanAside(_shared.MessageIds), token);
            return Task.WhenAll(events, messages).ContinueWith(
                static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A scan of <paramref name="filter"/>'s table on a connection of its own (DuckDB shares the database instance).</summary>
    internal Func<CancellationToken, HashSet<ulong>> ScanAside(StoredIdFilter filter)
    {
        var database = DatabasePath;
        return cancellationToken =>
        {
            using var connection = Connect(database);
            return filter.Scan(connection, cancellationToken);
        };
    }
}
