using Journeyscope.Partitions;

namespace Journeyscope.Server.Services;

/// <summary>
/// The partial caches of one followed workspace, one per parameter set (<see cref="LivePartialAnswer{TPartial, TResult}.Key"/>),
/// least recently used dropped beyond a capacity: each holds a partial per segment of the log, so a cache costs memory in
/// proportion to the log.
/// </summary>
/// <remarks>Thread-safe. Dropped with the workspace's follower (<see cref="LiveLogCache.Forget"/>).</remarks>
internal sealed class LivePartials(int capacity)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<(string Key, object Cache, LiveFinishes Finishes)>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, object Cache, LiveFinishes Finishes)> _recency = new(); // most recently used first

    /// <summary>Number of caches held.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>The cache of <paramref name="key"/> and its finished answers, made by <paramref name="create"/> when none is held.</summary>
    public (IPartialCache<TPartial> Cache, LiveFinishes Finishes) Get<TPartial>(string key, Func<IPartialCache<TPartial>> create)
        where TPartial : class
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                return ((IPartialCache<TPartial>)node.Value.Cache, node.Value.Finishes);
            }

            var cache = create();
            var finishes = new LiveFinishes();
            _entries.Add(key, _recency.AddFirst((key, cache, finishes)));
            while (_entries.Count > capacity && _recency.Last is { } last)
            {
                _recency.RemoveLast();
                _entries.Remove(last.Value.Key);
            }

            return (cache, finishes);
        }
    }
}
