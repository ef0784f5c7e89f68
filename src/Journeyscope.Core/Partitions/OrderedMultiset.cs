namespace Journeyscope.Partitions;

/// <summary>
/// A sorted multiset of 64-bit values (durations in ticks, case keys) that supports adding and removing single values and
/// selecting the k-th smallest, so exact medians and quantiles can follow a log that grows in place.
/// </summary>
/// <remarks>
/// Sorted runs ("chunks") of at most <see cref="MaxChunk"/> values: adding or removing finds its chunk by binary search over
/// the chunks' last values and shifts at most one chunk, O(log(n / chunk) + chunk); selecting walks the chunk counts,
/// O(n / chunk). Not thread-safe.
/// </remarks>
internal sealed class OrderedMultiset
{
    /// <summary>Most values one chunk holds; a full chunk is split in two on the next insert into it.</summary>
    public const int MaxChunk = 1024;

    private readonly List<long[]> _chunks = [];
    private readonly List<int> _counts = [];

    /// <summary>Number of values held.</summary>
    public long Count { get; private set; }

    /// <summary>The multiset of <paramref name="values"/> (sorted in place; the array is not kept).</summary>
    public static OrderedMultiset Of(long[] values)
    {
        Array.Sort(values);
        var set = new OrderedMultiset();
        for (var start = 0; start < values.Length; start += MaxChunk / 2)
        {
            var length = Math.Min(MaxChunk / 2, values.Length - start);
            var chunk = new long[length];
            Array.Copy(values, start, chunk, 0, length);
            set._chunks.Add(chunk);
            set._counts.Add(length);
        }

        set.Count = values.Length;
        return set;
    }

    /// <summary>Adds one occurrence of <paramref name="value"/>.</summary>
    public void Add(long value)
    {
        if (_chunks.Count == 0)
        {
            _chunks.Add([value, 0, 0, 0]);
            _counts.Add(1);
            Count++;
            return;
        }

        var c = ChunkFor(value);
        if (c == _chunks.Count)
        {
            c--;
        }

        if (_counts[c] == MaxChunk)
        {
            // Split the full chunk in two halves and insert into the half the value belongs to.
            var upper = new long[MaxChunk];
            Array.Copy(_chunks[c], MaxChunk / 2, upper, 0, MaxChunk / 2);
            _chunks.Insert(c + 1, upper);
            _counts.Insert(c + 1, MaxChunk / 2);
            _counts[c] = MaxChunk / 2;
            if (value > _chunks[c][(MaxChunk / 2) - 1])
            {
                c++;
            }
        }

        var chunk = _chunks[c];
        var count = _counts[c];
        if (chunk.Length == count)
        {
            // Chunks start small (a variant or edge with few values holds little) and grow up to MaxChunk.
            Array.Resize(ref chunk, Math.Min(MaxChunk, count * 2));
            _chunks[c] = chunk;
        }

        var at = UpperBound(chunk, count, value);
        Array.Copy(chunk, at, chunk, at + 1, count - at);
        chunk[at] = value;
        _counts[c] = count + 1;
        Count++;
    }

    /// <summary>Removes one occurrence of <paramref name="value"/>; false when it is not held.</summary>
    public bool Remove(long value)
    {
        var c = ChunkFor(value);
        if (c == _chunks.Count)
        {
            return false;
        }

        var chunk = _chunks[c];
        var count = _counts[c];
        var at = LowerBound(chunk, count, value);
        if (at == count || chunk[at] != value)
        {
            return false;
        }

        Array.Copy(chunk, at + 1, chunk, at, count - at - 1);
        if (count == 1)
        {
            _chunks.RemoveAt(c);
            _counts.RemoveAt(c);
        }
        else
        {
            _counts[c] = count - 1;
        }

        Count--;
        return true;
    }

    /// <summary>The <paramref name="k"/>-th smallest value (0-based).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is not below <see cref="Count"/>.</exception>
    public long Select(long k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(k, Count);
        for (var c = 0; c < _counts.Count; c++)
        {
            if (k < _counts[c])
            {
                return _chunks[c][k];
            }

            k -= _counts[c];
        }

        throw new InvalidOperationException("The chunk counts disagree with the count.");
    }

    /// <summary>The first chunk whose last value is not less than <paramref name="value"/>; the chunk count when none is.</summary>
    private int ChunkFor(long value)
    {
        var lo = 0;
        var hi = _chunks.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_chunks[mid][_counts[mid] - 1] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static int LowerBound(long[] chunk, int count, long value)
    {
        var lo = 0;
        var hi = count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (chunk[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static int UpperBound(long[] chunk, int count, long value)
    {
        var lo = 0;
        var hi = count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (chunk[mid] <= value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
