namespace Journeyscope.Statistics;

/// <summary>The standard normal distribution's tail, for p-values.</summary>
public static class Normal
{
    /// <summary>P(|Z| ≥ |z|) for a standard normal Z.</summary>
    /// <remarks>erfc by the Numerical Recipes Chebyshev fit (relative error below 1.2e-7 everywhere).</remarks>
    public static double TwoSidedP(double z) => double.IsNaN(z) ? double.NaN : Erfc(Math.Abs(z) / Math.Sqrt(2));

    private static double Erfc(double x)
    {
        var t = 1 / (1 + (0.5 * x));
        double[] c = [-1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277];
        var poly = c[^1];
        for (var i = c.Length - 2; i >= 0; i--)
        {
            poly = c[i] + (t * poly);
        }

        var y = t * Math.Exp((-x * x) + poly);
        return Math.Min(1, y);
    }
}
