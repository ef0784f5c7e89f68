namespace Journeyscope.Statistics;

/// <summary>
/// Differences of ratios of sums (mean difference, risk difference, NPS difference) from a <see cref="BootstrapPartial"/>:
/// crude (associational) or stratified (adjusted, Mantel-Haenszel weights), each with a percentile interval.
/// </summary>
/// <remarks>Thread-safe: pure functions over the partial.</remarks>
public static class Differences
{
    /// <summary>The crude difference ratio(<paramref name="exposed"/>) − ratio(<paramref name="unexposed"/>) with its interval.</summary>
    public static DifferenceEstimate Crude(BootstrapPartial partial, int exposed = 1, int unexposed = 0, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(partial);
        var estimates = new double[partial.Replicates + 1];
        for (var r = 0; r <= partial.Replicates; r++)
        {
            estimates[r] = partial.Ratio(r, exposed) - partial.Ratio(r, unexposed);
        }

        return Finish(estimates, partial.Denominator(0, exposed), partial.Denominator(0, unexposed), confidence);
    }

    /// <summary>
    /// The difference adjusted for strata: groups are <c>2 × stratum + 1</c> (exposed) and <c>2 × stratum</c> (unexposed);
    /// per stratum the difference of ratios, averaged with Mantel-Haenszel weights <c>n₁ₛ n₀ₛ / (n₁ₛ + n₀ₛ)</c>.
    /// </summary>
    /// <remarks>
    /// A stratum with only exposed or only unexposed cases carries no information on the difference and gets weight zero.
    /// When the exposure is concentrated in one stratum whose outcome differs for other reasons (confounding), the crude
    /// difference shows it and this one does not. Each replicate recomputes the weights from its own sums.
    /// </remarks>
    public static DifferenceEstimate Stratified(BootstrapPartial partial, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(partial);
        var strata = partial.Groups / 2;
        var estimates = new double[partial.Replicates + 1];
        for (var r = 0; r <= partial.Replicates; r++)
        {
            double weighted = 0, weights = 0;
            for (var s = 0; s < strata; s++)
            {
                double n0 = partial.Denominator(r, 2 * s), n1 = partial.Denominator(r, (2 * s) + 1);
                if (n0 <= 0 || n1 <= 0)
                {
                    continue;
                }

                var w = n1 * n0 / (n1 + n0);
                weighted += w * ((partial.Numerator(r, (2 * s) + 1) / n1) - (partial.Numerator(r, 2 * s) / n0));
                weights += w;
            }

            estimates[r] = weights == 0 ? double.NaN : weighted / weights;
        }

        double exposed = 0, unexposed = 0;
        for (var s = 0; s < strata; s++)
        {
            unexposed += partial.Denominator(0, 2 * s);
            exposed += partial.Denominator(0, (2 * s) + 1);
        }

        return Finish(estimates, exposed, unexposed, confidence);
    }

    /// <summary>
    /// The difference of weighted medians (exposed − unexposed) with a percentile interval from the same seeded
    /// case-level Poisson weights. Not mergeable (it keeps the values); for durations where a few long cases dominate the mean.
    /// </summary>
    public static DifferenceEstimate Median(
        ReadOnlySpan<double> exposed, ReadOnlySpan<ulong> exposedKeys,
        ReadOnlySpan<double> unexposed, ReadOnlySpan<ulong> unexposedKeys, BootstrapOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (exposed.Length == 0 || unexposed.Length == 0)
        {
            return DifferenceEstimate.None(exposed.Length, unexposed.Length);
        }

        var (a, aKeys) = Sorted(exposed, exposedKeys);
        var (b, bKeys) = Sorted(unexposed, unexposedKeys);
        var estimates = new double[options.Replicates + 1];
        for (var r = 0; r <= options.Replicates; r++)
        {
            estimates[r] = WeightedMedian(a, aKeys, r, options.Seed) - WeightedMedian(b, bKeys, r, options.Seed);
        }

        return Finish(estimates, exposed.Length, unexposed.Length, options.Confidence);
    }

    /// <summary>The observed estimate (index 0) with the percentile interval and p-value of the replicates (1..).</summary>
    public static DifferenceEstimate Finish(double[] estimates, double exposed, double unexposed, double confidence)
    {
        ArgumentNullException.ThrowIfNull(estimates);
        if (estimates.Length == 0 || double.IsNaN(estimates[0]))
        {
            return DifferenceEstimate.None(exposed, unexposed);
        }

        var valid = new List<double>(estimates.Length - 1);
        for (var r = 1; r < estimates.Length; r++)
        {
            if (!double.IsNaN(estimates[r]))
            {
                valid.Add(estimates[r]);
            }
        }

        if (valid.Count < 10 || valid.Count < (estimates.Length - 1) / 2)
        {
            return new DifferenceEstimate(estimates[0], null, null, null, exposed, unexposed);
        }

        valid.Sort();
        var alpha = 1 - confidence;
        double mean = 0;
        foreach (var v in valid)
        {
            mean += v;
        }

        mean /= valid.Count;
        double squares = 0;
        foreach (var v in valid)
        {
            squares += (v - mean) * (v - mean);
        }

        var se = Math.Sqrt(squares / (valid.Count - 1));
        double p = se > 0 ? Normal.TwoSidedP(estimates[0] / se) : (estimates[0] == 0 ? 1 : 0);
        return new DifferenceEstimate(estimates[0], Quantile(valid, alpha / 2), Quantile(valid, 1 - (alpha / 2)), p, exposed, unexposed);
    }

    /// <summary>Linear-interpolated quantile of a sorted list.</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double q)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        var position = q * (sorted.Count - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Count - 1);
        return sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower]));
    }

    private static (double[] Values, ulong[] Keys) Sorted(ReadOnlySpan<double> values, ReadOnlySpan<ulong> keys)
    {
        var v = values.ToArray();
        var k = keys.ToArray();
        Array.Sort(v, k);
        return (v, k);
    }

    private static double WeightedMedian(double[] sorted, ulong[] keys, int replicate, int seed)
    {
        long total = 0;
        var weights = new int[sorted.Length];
        for (var i = 0; i < sorted.Length; i++)
        {
            weights[i] = replicate == 0 ? 1 : PoissonWeights.Weight(keys[i], replicate, seed);
            total += weights[i];
        }

        if (total == 0)
        {
            return double.NaN;
        }

        long seen = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            seen += weights[i];
            if (2 * seen >= total)
            {
                return sorted[i];
            }
        }

        return sorted[^1];
    }
}
