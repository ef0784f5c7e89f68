using Journeyscope.Statistics;

namespace Journeyscope.Agenda;

/// <summary>The small, closed-form statistics root cause needs: score intervals, a two-proportion test, Benjamini–Hochberg.</summary>
/// <remarks>
/// The normal tail, Benjamini–Hochberg, the score intervals and the two-proportion test come from the shared
/// <c>Journeyscope.Statistics</c> (<see cref="Proportions"/>; formulas in docs/rootcause.md); this class only names them for root cause.
/// </remarks>
internal static class RootCauseStatistics
{
    /// <summary>The two-sided 95 % normal quantile.</summary>
    public const double Z95 = Proportions.Z95;

    /// <summary>Wilson's score interval (the shared <see cref="Proportions.Wilson"/>).</summary>
    public static (double Low, double High) Wilson(int x, int n, double z = Z95) => Proportions.Wilson(x, n, z);

    /// <summary>Newcombe's interval of p1 − p0 (the shared <see cref="Proportions.NewcombeDifference"/>).</summary>
    public static (double Low, double High) NewcombeDifference(int x1, int n1, int x0, int n0) => Proportions.NewcombeDifference(x1, n1, x0, n0);

    /// <summary>The pooled two-proportion z-test (the shared <see cref="Proportions.TwoProportionPValue"/>).</summary>
    public static double TwoProportionPValue(int x1, int n1, int x0, int n0) => Proportions.TwoProportionPValue(x1, n1, x0, n0);

    /// <summary>Two-sided p-value of a standard normal statistic (the shared <see cref="Normal"/>).</summary>
    public static double TwoSidedNormalPValue(double z) => Math.Min(1, Normal.TwoSidedP(z));

    /// <summary>Benjamini–Hochberg adjusted p-values (q-values), in the order of <paramref name="pValues"/> (the shared <see cref="BenjaminiHochberg"/>).</summary>
    public static double[] BenjaminiHochbergAdjust(IReadOnlyList<double> pValues) => BenjaminiHochberg.Adjust([.. pValues]);

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
}
