namespace Journeyscope.Discovery;

/// <summary>
/// Exact medians and percentiles of unsorted tick values by selection (quickselect), in O(n) expected time instead of
/// a full sort. The values are reordered in place.
/// </summary>
internal static class OrderStatistics
{
    private const int SmallRun = 16;

    /// <summary>The median (mean of the two middle values for an even count), seconds; NaN when empty.</summary>
    public static double Median(Span<long> values)
    {
        if (values.IsEmpty)
        {
            return double.NaN;
        }

        var mid = values.Length / 2;
        if ((values.Length & 1) == 1)
        {
            return SortedStatistics.Seconds(Kth(values, mid));
        }

        var low = Kth(values, mid - 1);
        var high = Min(values[mid..]);
        return (SortedStatistics.Seconds(low) + SortedStatistics.Seconds(high)) / 2;
    }

    /// <summary>The <paramref name="fraction"/> quantile with linear interpolation (numpy's default), seconds.</summary>
    public static double Percentile(Span<long> values, double fraction)
    {
        if (values.IsEmpty)
        {
            return double.NaN;
        }

        var position = (values.Length - 1) * fraction;
        var lower = (int)Math.Floor(position);
        var low = SortedStatistics.Seconds(Kth(values, lower));
        var high = lower + 1 < values.Length ? SortedStatistics.Seconds(Min(values[(lower + 1)..])) : low;
        return low + ((position - lower) * (high - low));
    }

    /// <summary>
    /// Reorders <paramref name="values"/> so that position <paramref name="k"/> holds the k-th smallest value, every
    /// value before it is not greater and every value after it is not smaller; returns that value.
    /// </summary>
    public static long Kth(Span<long> values, int k)
    {
        var lo = 0;
        var hi = values.Length - 1;
        while (hi - lo >= SmallRun)
        {
            var mid = lo + ((hi - lo) >> 1);
            SortThree(values, lo, mid, hi);
            var pivot = values[mid];
            var i = lo;
            var j = hi;
            while (i <= j)
            {
                while (values[i] < pivot)
                {
                    i++;
                }

                while (values[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                hi = j;
            }
            else if (k >= i)
            {
                lo = i;
            }
            else
            {
                return values[k];
            }
        }

        values[lo..(hi + 1)].Sort();
        return values[k];
    }

    private static long Min(ReadOnlySpan<long> values)
    {
        var min = values[0];
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] < min)
            {
                min = values[i];
            }
        }

        return min;
    }

    private static void SortThree(Span<long> values, int a, int b, int c)
    {
        if (values[b] < values[a])
        {
            (values[a], values[b]) = (values[b], values[a]);
        }

        if (values[c] < values[b])
        {
            (values[b], values[c]) = (values[c], values[b]);
            if (values[b] < values[a])
            {
                (values[a], values[b]) = (values[b], values[a]);
            }
        }
    }
}
