namespace Journeyscope.Statistics;

/// <summary>
/// The seeded case-level bootstrap for statistics that are not ratios of sums (a KPI expression over a multiset of
/// cases): every replicate weights each case by its <see cref="PoissonWeights"/> weight and re-evaluates the statistic.
/// </summary>
/// <remarks>
/// The same weights as <see cref="BootstrapPartial"/>, so a figure computed either way from the same cases and seed gets the
/// same replicates. Cost: one evaluation per replicate and group. Thread-safe when the statistic is.
/// </remarks>
public static class CaseBootstrap
{
    /// <summary>
    /// The difference statistic(<paramref name="exposed"/>) − statistic(<paramref name="unexposed"/>) with its percentile interval.
    /// </summary>
    /// <param name="exposed">Case indexes of the exposed group.</param>
    /// <param name="unexposed">Case indexes of the unexposed group.</param>
    /// <param name="caseKeys">The stable key of every case, by case index (<see cref="PoissonWeights.CaseKeys"/>).</param>
    /// <param name="statistic">The statistic over cases and their integer weights, or <c>null</c> when undefined.</param>
    /// <param name="options">Replicates, seed, confidence.</param>
    public static DifferenceEstimate Difference(
        int[] exposed, int[] unexposed, IReadOnlyList<ulong> caseKeys, Func<int[], int[], double?> statistic, BootstrapOptions options)
    {
        ArgumentNullException.ThrowIfNull(exposed);
        ArgumentNullException.ThrowIfNull(unexposed);
        ArgumentNullException.ThrowIfNull(caseKeys);
        ArgumentNullException.ThrowIfNull(statistic);
        ArgumentNullException.ThrowIfNull(options);
        if (exposed.Length == 0 || unexposed.Length == 0)
        {
            return DifferenceEstimate.None(exposed.Length, unexposed.Length);
        }

        var estimates = new double[options.Replicates + 1];
        var exposedWeights = new int[exposed.Length];
        var unexposedWeights = new int[unexposed.Length];
        for (var r = 0; r <= options.Replicates; r++)
        {
            Weights(exposed, caseKeys, r, options.Seed, exposedWeights);
            Weights(unexposed, caseKeys, r, options.Seed, unexposedWeights);
            estimates[r] = statistic(exposed, exposedWeights) is { } a && statistic(unexposed, unexposedWeights) is { } b ? a - b : double.NaN;
        }

        return Differences.Finish(estimates, exposed.Length, unexposed.Length, options.Confidence);
    }

    private static void Weights(int[] cases, IReadOnlyList<ulong> keys, int replicate, int seed, int[] weights)
    {
        for (var i = 0; i < cases.Length; i++)
        {
            weights[i] = replicate == 0 ? 1 : PoissonWeights.Weight(keys[cases[i]], replicate, seed);
        }
    }
}
