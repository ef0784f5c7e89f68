namespace Journeyscope.Statistics;

/// <summary>
/// Closed-form statistics of proportions: Wilson's score interval, Newcombe's interval of a difference of two proportions and
/// the pooled two-proportion z-test (docs/rootcause.md). Used by root cause and by the agenda's detractor moments.
/// </summary>
/// <remarks>Thread-safe: pure functions.</remarks>
public static class Proportions
{
    /// <summary>The two-sided 95 % normal quantile.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>Wilson's score interval for <paramref name="x"/> successes out of <paramref name="n"/>; (0, 1) when n is 0.</summary>
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
        return Math.Min(1, Normal.TwoSidedP(z));
    }
}
