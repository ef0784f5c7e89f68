namespace Journeyscope.Server.Services;

/// <summary>
/// A least-recently-used cache of computations, bounded by the total weight of its values. Concurrent requests for the
/// same key share one computation.
/// </summary>
/// <remarks>
/// Thread-safe. A computation runs on the thread pool and is not cancelled when a caller's token is (other callers may
/// be waiting for it); each caller stops waiting when its own token is cancelled. A value is weighed when its
/// computation finishes; then least recently used finished values are dropped until the total fits the budget again
/// (the newest value always stays, even alone over budget). A failed computation is forgotten, so the next request
/// tries again.
/// </remarks>
internal sealed class SharedLruCache<TKey, TValue>
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, LinkedListNode<Entry>> _entries = [];
    private readonly LinkedList<Entry> _recency = new(); // most recently used first
    private readonly long _budget;
    private readonly Func<TValue, long> _weigh;
    private long _weight;
    private long _computations;

    public SharedLruCache(long budget, Func<TValue, long> weigh)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(budget, 1);
        _budget = budget;
        _weigh = weigh;
    }

    /// <summary>Number of values cached or being computed.</summary>
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

    /// <summary>Total weight of the finished values.</summary>
    public long Weight => Interlocked.Read(ref _weight);

    /// <summary>How many computations were started since the cache was created (cache misses).</summary>
    public long Computations => Interlocked.Read(ref _computations);

    /// <summary>The value of <paramref name="key"/>: cached, being computed by another caller, or computed now.</summary>
    public async Task<TValue> GetOrAddAsync(TKey key, Func<TValue> compute, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                entry = node.Value;
            }
            else
            {
                entry = new Entry(key);
                node = _recency.AddFirst(entry);
                _entries.Add(key, node);
                Interlocked.Increment(ref _computations);
                entry.Task = Task.Run(compute, CancellationToken.None);
                _ = entry.Task.ContinueWith(
                    static (task, state) => ((SharedLruCache<TKey, TValue>)((object[])state!)[0]).Finished((LinkedListNode<Entry>)((object[])state)[1], task),
                    new object[] { this, node },
                    CancellationToken.None,
                    TaskContinuationOptions.ExecuteSynchronously,
                    TaskScheduler.Default);
            }
        }

        return await entry.Task!.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Drops every entry whose key matches (finished or not; running computations finish unobserved).</summary>
    public void RemoveWhere(Func<TKey, bool> match)
    {
        lock (_gate)
        {
            var node = _recency.First;
            while (node is not null)
            {
                var next = node.Next;
                if (match(node.Value.Key))
                {
                    Remove(node);
                }

                node = next;
            }
        }
    }

    private void Finished(LinkedListNode<Entry> node, Task<TValue> task)
    {
        lock (_gate)
        {
            if (node.List is null)
            {
                return; // removed while computing
            }

            if (!task.IsCompletedSuccessfully)
            {
                Remove(node);
                return;
            }

            node.Value.Weight = Math.Max(1, _weigh(task.Result));
            _weight += node.Value.Weight;
            var victim = _recency.Last;
            while (_weight > _budget && victim is not null)
            {
                var previous = victim.Previous;
                if (victim != node && victim.Value.Task!.IsCompleted)
                {
                    Remove(victim);
                }

                victim = previous;
            }
        }
    }

    private void Remove(LinkedListNode<Entry> node)
    {
        _recency.Remove(node);
        _entries.Remove(node.Value.Key);
        _weight -= node.Value.Weight;
    }

    private sealed class Entry(TKey key)
    {
        public TKey Key { get; } = key;

        public Task<TValue>? Task { get; set; }

        /// <summary>0 until the computation finished.</summary>
        public long Weight { get; set; }
    }
}
