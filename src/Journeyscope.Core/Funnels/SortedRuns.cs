namespace Journeyscope.Funnels;

/// <summary>
/// Sorted runs of 64-bit values (times to convert in ticks, one run per partition) read as one sorted sequence without
/// merging them: the k-th smallest is found by bisecting the values, counting each run's share by binary search.
/// </summary>
/// <remarks>
/// Selecting costs O(runs x log(values) x 64) whatever the total, so a funnel's quantiles over a partitioned log cost in
/// proportion to its partitions, not its cases. The runs are not copied and must not change. Not thread-safe.
/// </remarks>
internal sealed class SortedRuns
{
    private readonly List<long[]> _runs = [];

    /// <summary>Number of values in all runs.</summary>
    public long Count { get; private set; }

    /// <summary>Adds <paramref name="run"/> (sorted ascending; kept, not copied).</summary>
    public void Add(long[] run)
    {
        if (run.Length > 0)
        {
            _runs.Add(run);
            Count += run.Length;
        }
    }

    /// <summary>The <paramref name="k"/>-th smallest value (0-based) of all runs.</summary>
    public long Select(long k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(k, Count);
        if (_runs.Count == 1)
        {
            return _runs[0][k];
        }

        var lo = long.MaxValue;
        var hi = long.MinValue;
        foreach (var run in _runs)
        {
            lo = Math.Min(lo, run[0]);
            hi = Math.Max(hi, run[^1]);
        }

        // The smallest value v with more than k values <= v is the k-th smallest: it is one of the values.
        while (lo < hi)
        {
            var mid = (lo & hi) + ((lo ^ hi) >> 1); // floor((lo + hi) / 2) without overflow
            if (CountAtMost(mid) > k)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    /// <summary>
    /// Linear interpolation between closest ranks (numpy's default, DuckDB's quantile_cont), rounded to a tick: the same
    /// arithmetic as <see cref="FunnelResult.Quantile(ReadOnlySpan{long}, double)"/> over the merged values.
    /// </summary>
    public TimeSpan? Quantile(double fraction)
    {
        if (Count == 0)
        {
            return null;
        }

        var position = (Count - 1) * fraction;
        var lower = (long)Math.Floor(position);
        var upper = Math.Min(lower + 1, Count - 1);
        var low = Select(lower);
        var high = upper == lower ? low : Select(upper);
        var value = low + ((position - lower) * (high - low));
        return TimeSpan.FromTicks((long)Math.Round(value));
    }

    private long CountAtMost(long value)
    {
        long count = 0;
        foreach (var run in _runs)
        {
            var lo = 0;
            var hi = run.Length;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (run[mid] <= value)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            count += lo;
        }

        return count;
    }
}
