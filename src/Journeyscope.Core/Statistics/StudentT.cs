namespace Journeyscope.Statistics;

/// <summary>Student's t distribution: the two-sided 95 % quantile, for t intervals of means.</summary>
/// <remarks>Thread-safe: pure functions.</remarks>
public static class StudentT
{
    // Exact two-sided 95 % quantiles for 1 to 5 degrees of freedom, where the series below is least accurate.
    private static readonly double[] Small = [12.706204736, 4.302652730, 3.182446305, 2.776445105, 2.570581836];

    /// <summary>
    /// The 97.5 % quantile of Student's t with <paramref name="degreesOfFreedom"/> degrees of freedom (the half-width
    /// multiple of a 95 % t interval); exact for 1 to 5, the Cornish-Fisher series in 1/ν to the fourth order above
    /// (Abramowitz and Stegun 26.7.5; error below 2e-4 from 6 on); NaN below 1.
    /// </summary>
    public static double Quantile975(int degreesOfFreedom)
    {
        if (degreesOfFreedom < 1)
        {
            return double.NaN;
        }

        if (degreesOfFreedom <= Small.Length)
        {
            return Small[degreesOfFreedom - 1];
        }

        const double z = Proportions.Z95;
        double nu = degreesOfFreedom;
        var z2 = z * z;
        var z3 = z2 * z;
        var z5 = z3 * z2;
        var z7 = z5 * z2;
        var z9 = z7 * z2;
        var g1 = (z3 + z) / 4;
        var g2 = ((5 * z5) + (16 * z3) + (3 * z)) / 96;
        var g3 = ((3 * z7) + (19 * z5) + (17 * z3) - (15 * z)) / 384;
        var g4 = ((79 * z9) + (776 * z7) + (1482 * z5) - (1920 * z3) - (945 * z)) / 92160;
        return z + (g1 / nu) + (g2 / (nu * nu)) + (g3 / (nu * nu * nu)) + (g4 / (nu * nu * nu * nu));
    }
}
