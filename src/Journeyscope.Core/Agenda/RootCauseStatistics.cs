namespace Journeyscope.Agenda;

/// <summary>The small, closed-form statistics root cause needs: score intervals, a two-proportion test, Benjamini–Hochberg.</summary>
/// <remarks>
/// Kept internal to root cause on purpose: the agenda's shared statistics (bootstrap, stratified differences) live in
/// <c>Journeyscope.Statistics</c>; these are the exact textbook formulas, documented in docs/rootcause.md.
/// </remarks>
internal static class RootCauseStatistics
{
    /// <summary>The two-sided 95 % normal quantile.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>Wilson's score interval for <paramref name="x"/> successes out of <paramref name="n"/>.</summary>
    public static (double Low, double High) Wilson(int x, int n, double z = Z95)
    {
        if (n <= 0)
        {
            return (0, 1);
        }

        var p = (double)x / n;
        var z2 = z * z;
        var denominator = 1 + (z2 / n);
        var centre = (p + (z2 / (2.0 * n))) / denominator;
        var half = z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4.0 * n * n))) / denominator;
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    /// <summary>Newcombe's hybrid score interval (method 10) for the difference of two independent proportions, p1 − p0.</summary>
    public static (double Low, double High) NewcombeDifference(int x1, int n1, int x0, int n0)
    {
        var p1 = (double)x1 / n1;
        var p0 = (double)x0 / n0;
        var (l1, u1) = Wilson(x1, n1);
        var (l0, u0) = Wilson(x0, n0);
        var d = p1 - p0;
        var low = d - Math.Sqrt(((p1 - l1) * (p1 - l1)) + ((u0 - p0) * (u0 - p0)));
        var high = d + Math.Sqrt(((u1 - p1) * (u1 - p1)) + ((p0 - l0) * (p0 - l0)));
        return (Math.Max(-1, low), Math.Min(1, high));
    }

    /// <summary>Two-sided p-value of the pooled two-proportion z-test; 1 when the pooled rate is 0 or 1.</summary>
    public static double TwoProportionPValue(int x1, int n1, int x0, int n0)
    {
        var pooled = (double)(x1 + x0) / (n1 + n0);
        var variance = pooled * (1 - pooled) * ((1.0 / n1) + (1.0 / n0));
        if (variance <= 0)
        {
            return 1;
        }

        var z = (((double)x1 / n1) - ((double)x0 / n0)) / Math.Sqrt(variance);
        return TwoSidedNormalPValue(z);
    }

    /// <summary>Two-sided p-value of a standard normal statistic.</summary>
    public static double TwoSidedNormalPValue(double z) => Math.Min(1, Erfc(Math.Abs(z) / Math.Sqrt(2)));

    /// <summary>Benjamini–Hochberg adjusted p-values (q-values), in the order of <paramref name="pValues"/>.</summary>
    public static double[] BenjaminiHochberg(IReadOnlyList<double> pValues)
    {
        var m = pValues.Count;
        var order = new int[m];
        for (var i = 0; i < m; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) => pValues[a].CompareTo(pValues[b]));
        var q = new double[m];
        var running = 1.0;
        for (var rank = m; rank >= 1; rank--)
        {
            var i = order[rank - 1];
            running = Math.Min(running, pValues[i] * m / rank);
            q[i] = Math.Min(1, running);
        }

        return q;
    }

    /// <summary>How far an interval lies from zero: its low end when above, minus its high end when below, else 0.</summary>
    public static double DistanceFromZero(double low, double high) => low > 0 ? low : high < 0 ? -high : 0;

    /// <summary>The median of <paramref name="values"/> (sorted in place); mean of the two middle values for an even count.</summary>
    public static double Median(Span<double> values)
    {
        if (values.IsEmpty)
        {
            return double.NaN;
        }

        values.Sort();
        var mid = values.Length / 2;
        return values.Length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    // Complementary error function, Numerical Recipes' Chebyshev fit (fractional error below 1.2e-7 everywhere).
    private static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + (0.5 * z));
        var poly = 0.17087277;
        foreach (var c in (double[])[-0.82215223, 1.48851587, -1.13520398, 0.27886807, -0.18628806, 0.09678418, 0.37409196, 1.00002368])
        {
            poly = c + (t * poly);
        }

        var r = t * Math.Exp(-(z * z) - 1.26551223 + (t * poly));
        return x >= 0 ? r : 2 - r;
    }
}
