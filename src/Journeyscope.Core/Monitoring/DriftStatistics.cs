namespace Journeyscope.Monitoring;

/// <summary>The 2x2 chi-square test drift detection runs per feature, and its p-value on a log scale.</summary>
internal static class DriftStatistics
{
    private const double Ln10 = 2.302585092994046;

    /// <summary>
    /// Chi-square (Yates) of a feature present in <paramref name="left"/> of <paramref name="window"/> cases on one side
    /// and <paramref name="right"/> of <paramref name="window"/> on the other.
    /// </summary>
    public static double EqualWindows(int left, int right, int window)
    {
        var total = left + right;
        var difference = Math.Abs(left - right) - 1.0;
        if (difference <= 0)
        {
            return 0;
        }

        return 2.0 * window * difference * difference / ((double)total * ((2.0 * window) - total));
    }

    /// <summary>Chi-square (Yates) of a feature present in <paramref name="a"/> of <paramref name="na"/> cases and <paramref name="b"/> of <paramref name="nb"/>.</summary>
    public static double TwoSamples(long a, long na, long b, long nb)
    {
        double n = na + nb;
        double present = a + b;
        var absent = n - present;
        if (present <= 0 || absent <= 0 || na <= 0 || nb <= 0)
        {
            return 0;
        }

        var cross = Math.Abs(((double)a * (nb - b)) - ((double)b * (na - a))) - (n / 2);
        if (cross <= 0)
        {
            return 0;
        }

        return n * cross * cross / (na * (double)nb * present * absent);
    }

    /// <summary>log10 of the p-value of <paramref name="chiSquare"/> with one degree of freedom (accurate far into the tail).</summary>
    public static double Log10PValue(double chiSquare) => chiSquare <= 0 ? 0 : LogErfc(Math.Sqrt(chiSquare / 2)) / Ln10;

    /// <summary>
    /// ln erfc(x) for x ≥ 0 from the Chebyshev fit of Numerical Recipes (relative error below 1.2e-7), taken in logs so
    /// that it does not underflow for large x.
    /// </summary>
    private static double LogErfc(double x)
    {
        var t = 1.0 / (1.0 + (0.5 * x));
        var poly = -1.26551223 + (t * (1.00002368 + (t * (0.37409196 + (t * (0.09678418 + (t * (-0.18628806 + (t * (0.27886807 +
            (t * (-1.13520398 + (t * (1.48851587 + (t * (-0.82215223 + (t * 0.17087277)))))))))))))))));
        return Math.Log(t) - (x * x) + poly;
    }
}
