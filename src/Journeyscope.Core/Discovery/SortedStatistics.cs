namespace Journeyscope.Discovery;

/// <summary>Exact statistics over an ascending run of durations in ticks, reported in seconds.</summary>
/// <remarks>
/// Definitions follow numpy/pandas as PM4Py uses them: the median averages the two middle values, percentiles
/// interpolate linearly between closest ranks (numpy's default), the standard deviation is the sample one (n - 1).
/// </remarks>
internal static class SortedStatistics
{
    public const double TicksPerSecond = TimeSpan.TicksPerSecond;

    public static double Seconds(long ticks) => ticks / TicksPerSecond;

    /// <summary>The <paramref name="fraction"/> quantile (0..1) with linear interpolation; NaN when empty.</summary>
    public static double Percentile(ReadOnlySpan<long> sorted, double fraction)
    {
        if (sorted.IsEmpty)
        {
            return double.NaN;
        }

        var position = (sorted.Length - 1) * fraction;
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        var low = Seconds(sorted[lower]);
        var high = Seconds(sorted[upper]);
        return low + ((position - lower) * (high - low));
    }

    /// <summary>The median: the middle value, or the mean of the two middle values.</summary>
    public static double Median(ReadOnlySpan<long> sorted)
    {
        if (sorted.IsEmpty)
        {
            return double.NaN;
        }

        var mid = sorted.Length / 2;
        return (sorted.Length & 1) == 1
            ? Seconds(sorted[mid])
            : (Seconds(sorted[mid - 1]) + Seconds(sorted[mid])) / 2;
    }

    /// <summary>The exact sum in ticks (durations of one log cannot overflow a 64-bit tick count in practice).</summary>
    public static long SumTicks(ReadOnlySpan<long> values)
    {
        long sum = 0;
        foreach (var value in values)
        {
            sum += value;
        }

        return sum;
    }

    /// <summary>The sample standard deviation (n - 1) in seconds; null for fewer than two values.</summary>
    /// <remarks>
    /// Exact up to the final rounding and independent of the order of <paramref name="values"/>: squared deviations
    /// from the integer part of the mean are summed in 128-bit integers, so every chunking gives the same bits.
    /// </remarks>
    public static double? SampleStandardDeviation(ReadOnlySpan<long> values, long sumTicks)
    {
        var n = values.Length;
        if (n < 2)
        {
            return null;
        }

        var shift = sumTicks / n;
        Int128 squares = 0;
        foreach (var value in values)
        {
            var d = value - shift;
            squares += (Int128)d * d;
        }

        // The deviations sum to sumTicks - n * shift, an integer smaller than n in magnitude.
        var residual = (double)(sumTicks - (shift * n));
        var variance = ((double)squares - (residual * residual / n)) / (n - 1);
        return Math.Sqrt(Math.Max(0, variance)) / TicksPerSecond;
    }
}
