using Journeyscope.Statistics;

namespace Journeyscope.Kpis;

/// <summary>
/// Measures the links of the KPI tree: for a parent KPI and each of its drivers, the cases are split by the driver's
/// condition and the parent is compared between the two groups with a 95% confidence interval.
/// </summary>
/// <remarks>
/// The split: a case is "met" when the driver's own value for that case meets the driver's target, "missed" when it
/// does not; without a target, cases at or below the median of the per-case driver values are "met" for drivers whose
/// target direction is unknown. Cases without a driver value are left out. The interval of the difference
/// (missed − met) is the standard NPS variance formula for NPS parents,
/// <c>Var(NPS) = (p + d − (p − d)²) / n</c> (in points², × 100²), and the shared seeded case-level Poisson bootstrap
/// (<see cref="CaseBootstrap"/>, <see cref="KpiOptions.BootstrapSamples"/> replicates, percentile interval) for every other parent.
/// </remarks>
internal static class KpiTree
{
    private const double Z95 = 1.959963984540054;

    /// <summary>Every link of <paramref name="measures"/>' drivers, over cases 0..<paramref name="caseIds"/>.Count − 1 (the ids seed the bootstrap).</summary>
    public static List<KpiAssociation> Measure(IReadOnlyList<string> caseIds, List<KpiMeasure> measures, KpiOptions options, CancellationToken cancellationToken)
    {
        var byId = measures.ToDictionary(m => m.Id, StringComparer.Ordinal);
        var links = new List<KpiAssociation>();
        foreach (var parent in measures)
        {
            foreach (var driverId in parent.Definition.Kpi.Drivers)
            {
                cancellationToken.ThrowIfCancellationRequested();
                links.Add(Link(caseIds, parent, byId[driverId], options));
            }
        }

        return links;
    }

    private static KpiAssociation Link(IReadOnlyList<string> caseIds, KpiMeasure parent, KpiMeasure driver, KpiOptions options)
    {
        var caseCount = caseIds.Count;
        var driverValues = new double[caseCount];
        var known = new List<double>();
        for (var c = 0; c < caseCount; c++)
        {
            driverValues[c] = driver.CaseValue(c) ?? double.NaN;
            if (!double.IsNaN(driverValues[c]))
            {
                known.Add(driverValues[c]);
            }
        }

        string split;
        Func<double, bool> meets;
        if (driver.Definition.Target is { } target)
        {
            split = $"{driver.Id} {target.Text}";
            meets = v => target.Evaluate(v) == KpiStatus.Met;
        }
        else
        {
            known.Sort();
            var median = known.Count == 0 ? 0 : known[(known.Count - 1) / 2];
            split = $"{driver.Id} <= median {Format(median, driver.Unit)}";
            meets = v => v <= median;
        }

        var met = new List<int>();
        var missed = new List<int>();
        for (var c = 0; c < caseCount; c++)
        {
            if (!double.IsNaN(driverValues[c]))
            {
                (meets(driverValues[c]) ? met : missed).Add(c);
            }
        }

        var metCases = met.ToArray();
        var missedCases = missed.ToArray();
        var (metValue, _) = parent.Evaluate(metCases, Ones(metCases.Length));
        var (missedValue, _) = parent.Evaluate(missedCases, Ones(missedCases.Length));
        double? difference = metValue is { } a && missedValue is { } b ? b - a : null;
        if (difference is null)
        {
            return new KpiAssociation(parent.Id, driver.Id, split, metValue, metCases.Length, missedValue, missedCases.Length, null, null, null, "none");
        }

        if (parent.IsNetScore)
        {
            var half = Z95 * Math.Sqrt(NpsVariance(parent, metCases) + NpsVariance(parent, missedCases));
            return new KpiAssociation(parent.Id, driver.Id, split, metValue, metCases.Length, missedValue, missedCases.Length,
                difference, difference - half, difference + half, "nps-variance");
        }

        var (low, high) = Bootstrap(caseIds, parent, metCases, missedCases, options);
        return new KpiAssociation(parent.Id, driver.Id, split, metValue, metCases.Length, missedValue, missedCases.Length,
            difference, low, high, "bootstrap");
    }

    /// <summary>Var(NPS) in points²: (p + d − (p − d)²) / n × 100², with p and d the promoter and detractor shares of the n answers.</summary>
    private static double NpsVariance(KpiMeasure parent, int[] cases)
    {
        var perCase = parent.PerCase();
        double promoters = 0, detractors = 0, answers = 0;
        foreach (var c in cases)
        {
            promoters += perCase[c].A;
            detractors += perCase[c].B;
            answers += perCase[c].C;
        }

        if (answers == 0)
        {
            return double.NaN;
        }

        double p = promoters / answers, d = detractors / answers;
        return (p + d - ((p - d) * (p - d))) / answers * 10000;
    }

    private static (double? Low, double? High) Bootstrap(IReadOnlyList<string> caseIds, KpiMeasure parent, int[] met, int[] missed, KpiOptions options)
    {
        if (met.Length == 0 || missed.Length == 0 || options.BootstrapSamples < 10)
        {
            return (null, null);
        }

        var bootstrap = new BootstrapOptions { Replicates = options.BootstrapSamples, Seed = options.Seed };
        var estimate = CaseBootstrap.Difference(missed, met, PoissonWeights.CaseKeys(caseIds), (cases, weights) => parent.Evaluate(cases, weights).Value, bootstrap);
        return (estimate.Low, estimate.High);
    }

    private static int[] Ones(int length)
    {
        var ones = new int[length];
        Array.Fill(ones, 1);
        return ones;
    }

    private static string Format(double value, KpiUnit unit) => KpiFormat.Value(value, unit);
}
