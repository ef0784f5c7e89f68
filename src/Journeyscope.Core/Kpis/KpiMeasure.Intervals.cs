using Journeyscope.Statistics;

namespace Journeyscope.Kpis;

/// <summary>The 95 % interval of a KPI's value over a group of cases (monitoring snapshots; docs/monitoring.md).</summary>
internal sealed partial class KpiMeasure
{
    /// <summary>Replicates of the seeded case bootstrap.</summary>
    public const int IntervalReplicates = 200;

    /// <summary>Wilson's score interval, for shares.</summary>
    public const string Wilson = "wilson";

    /// <summary>The t interval of a mean of observations.</summary>
    public const string TInterval = "t";

    /// <summary>The percentile interval of the seeded case-level Poisson bootstrap.</summary>
    public const string Bootstrap = "bootstrap";

    /// <summary>
    /// The 95 % interval of the KPI over <paramref name="cases"/> (the whole log period), with its method: Wilson for
    /// shares, a t interval for means (every observation weighs 1: durations, scores, CSAT and CES means), and the seeded
    /// Poisson bootstrap over cases for net scores, other ratios of sums and custom expressions; none for counts, totals
    /// and stocks, or with fewer than 2 observations.
    /// </summary>
    public (double Low, double High, string Method)? Interval(int[] cases, IReadOnlyList<ulong> caseKeys, double? value, int sampleSize, int seed)
    {
        if (value is not { } v || !double.IsFinite(v) || cases.Length == 0)
        {
            return null;
        }

        if (Unit == KpiUnit.Ratio)
        {
            if (sampleSize <= 0 || v < 0 || v > 1)
            {
                return null;
            }

            var (low, high) = Proportions.Wilson((int)Math.Round(v * sampleSize), sampleSize);
            return (low, high, Wilson);
        }

        if (_expression is null && Aggregation is KpiAggregation.Sum or KpiAggregation.Stock)
        {
            return null;
        }

        if (_expression is null && Aggregation == KpiAggregation.Quotient && MeanOfObservations(cases) is { } t)
        {
            return t;
        }

        return Percentile(cases, caseKeys, seed);
    }

    /// <summary>The t interval when every observation of the cases weighs 1 (a plain mean); null otherwise.</summary>
    private (double Low, double High, string Method)? MeanOfObservations(int[] cases)
    {
        var member = new HashSet<int>(cases);
        double sum = 0, squares = 0;
        var count = 0;
        foreach (var o in _observations)
        {
            if (!member.Contains(o.Case))
            {
                continue;
            }

            if (o.B != 1)
            {
                return null;
            }

            sum += o.A;
            squares += o.A * o.A;
            count++;
        }

        if (count < 2)
        {
            return null;
        }

        var mean = sum / count;
        var variance = Math.Max(0, (squares - (count * mean * mean)) / (count - 1));
        var half = StudentT.Quantile975(count - 1) * Math.Sqrt(variance / count);
        return (mean - half, mean + half, TInterval);
    }

    /// <summary>The 2.5 % and 97.5 % percentiles of the KPI over <see cref="IntervalReplicates"/> Poisson-weighted replicates of the cases.</summary>
    private (double Low, double High, string Method)? Percentile(int[] cases, IReadOnlyList<ulong> caseKeys, int seed)
    {
        if (cases.Length < 2)
        {
            return null;
        }

        var weights = new int[cases.Length];
        var estimates = new List<double>(IntervalReplicates);
        for (var r = 1; r <= IntervalReplicates; r++)
        {
            for (var i = 0; i < cases.Length; i++)
            {
                weights[i] = PoissonWeights.Weight(caseKeys[cases[i]], r, seed);
            }

            if (Evaluate(cases, weights).Value is { } estimate && double.IsFinite(estimate))
            {
                estimates.Add(estimate);
            }
        }

        if (estimates.Count < IntervalReplicates / 2)
        {
            return null;
        }

        estimates.Sort();
        return (Quantile(estimates, 0.025), Quantile(estimates, 0.975), Bootstrap);
    }

    private static double Quantile(List<double> sorted, double q)
    {
        var position = q * (sorted.Count - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(sorted.Count - 1, below + 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }
}
