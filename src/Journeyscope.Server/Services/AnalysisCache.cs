namespace Journeyscope.Server.Services;

/// <summary>
/// Results of analyses per cached log (<see cref="LogKey"/>) and analysis key, so that repeated requests — a page
/// reloading, a slider moving, two pages asking for the same conformance check — compute once.
/// </summary>
/// <remarks>
/// Thread-safe; concurrent requests for the same result share one computation (see <see cref="SharedLruCache{TKey, TValue}"/>).
/// Least recently used results are dropped beyond <see cref="DefaultCapacity"/> entries, and a request at a newer workspace
/// version drops every result of the older versions of that workspace. Results must be immutable: every caller gets the
/// same object.
/// </remarks>
public sealed class AnalysisCache
{
    /// <summary>Most results kept by default.</summary>
    public const int DefaultCapacity = 256;

    private readonly SharedLruCache<(LogKey Log, string Analysis), object> _results;

    /// <summary>Creates a cache of <see cref="DefaultCapacity"/> results.</summary>
    public AnalysisCache()
        : this(DefaultCapacity)
    {
    }

    /// <summary>Creates a cache of <see cref="DefaultCapacity"/> results that forgets a workspace when <paramref name="host"/> renames or deletes it.</summary>
    public AnalysisCache(WorkspaceHost host)
        : this(DefaultCapacity)
    {
        ArgumentNullException.ThrowIfNull(host);
        host.Closed += Forget;
    }

    /// <summary>Drops every result cached for <paramref name="workspace"/> (it was renamed or deleted).</summary>
    public void Forget(string workspace) =>
        _results.RemoveWhere(k => string.Equals(k.Log.Workspace, workspace, StringComparison.Ordinal));

    internal AnalysisCache(int capacity) => _results = new SharedLruCache<(LogKey, string), object>(capacity, static _ => 1);

    /// <summary>Number of results cached or being computed.</summary>
    public int Count => _results.Count;

    /// <summary>How many results were computed (cache misses) since start, for diagnostics and tests.</summary>
    public long Computations => _results.Computations;

    /// <summary>
    /// The result of <paramref name="analysis"/> on the log of <paramref name="log"/>: cached, being computed by another
    /// request, or computed now by <paramref name="compute"/> on the thread pool.
    /// </summary>
    /// <param name="log">The log the analysis reads.</param>
    /// <param name="analysis">The analysis and every parameter its result depends on, e.g. <c>process-map:all</c>.</param>
    /// <param name="compute">Computes the result; it must not depend on anything but the log and <paramref name="analysis"/>.</param>
    /// <param name="cancellationToken">Stops waiting (the computation goes on for other callers and the cache).</param>
    public async Task<T> GetOrAddAsync<T>(LogKey log, string analysis, Func<T> compute, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(compute);
        _results.RemoveWhere(k => string.Equals(k.Log.Workspace, log.Workspace, StringComparison.Ordinal) && k.Log.Version < log.Version);
        var result = await _results.GetOrAddAsync((log, analysis), compute, cancellationToken).ConfigureAwait(false);
        return (T)result;
    }
}
