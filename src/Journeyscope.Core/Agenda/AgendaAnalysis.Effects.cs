using Journeyscope.EventLogs;
using Journeyscope.Journeys;
using Journeyscope.Kpis;
using Journeyscope.Statistics;

namespace Journeyscope.Agenda;

public static partial class AgendaAnalysis
{
    /// <summary>One tested difference before the multiple-testing control.</summary>
    private sealed record Test(int Kpi, string Basis, DifferenceEstimate Estimate)
    {
        public double? QValue { get; set; }
    }

    /// <summary>Every KPI with a per-case value, as numerators and denominators per case.</summary>
    internal static List<KpiCaseValues> Measures(EventLog log, DesignedJourney journey, List<string> notes)
    {
        var values = new List<KpiCaseValues>();
        if (journey.Kpis.Count == 0)
        {
            return values;
        }

        var definitions = KpiEngine.Validate([.. journey.Kpis], journey);
        var asOf = KpiEngine.AsOf(log, KpiOptions.Default);
        foreach (var definition in definitions)
        {
            if (definition.Kind is null || definition.Kind.Aggregation == KpiAggregation.Stock)
            {
                notes.Add($"KPI '{definition.Kpi.Id}' has no per-case value (custom expression or stock): not compared.");
                continue;
            }

            var perCase = KpiMeasure.Create(log, journey, definition, KpiOptions.Default, asOf).PerCase();
            var numerator = new double[log.CaseCount];
            var denominator = new double[log.CaseCount];
            var aggregation = definition.Kind.Aggregation;
            for (var c = 0; c < perCase.Length; c++)
            {
                var s = perCase[c];
                (numerator[c], denominator[c]) = aggregation switch
                {
                    KpiAggregation.Quotient => (s.A, s.B),
                    KpiAggregation.NetScore => (100 * (s.A - s.B), s.C),
                    _ => s.Count > 0 ? (s.A, 1.0) : (0.0, 0.0),
                };
            }

            var unit = definition.Kind.Unit;
            var method = aggregation == KpiAggregation.NetScore ? "NPS difference" : unit == KpiUnit.Ratio ? "risk difference" : "mean difference";
            var higher = definition.Target is { } target
                ? target.Comparison is TargetComparison.AtLeast or TargetComparison.Above
                : unit != KpiUnit.Duration;
            values.Add(new KpiCaseValues(definition.Kpi, method, higher, unit == KpiUnit.Duration, numerator, denominator, definition.Target));
        }

        return values;
    }

    /// <summary>The KPIs a gap is linked to: its touchpoint's and stage's KPIs, their ancestors in the KPI tree, and the tree's roots.</summary>
    private static List<int> Linked(Candidate candidate, List<KpiCaseValues> kpis, DesignedJourney journey)
    {
        var at = candidate.Touchpoint ?? candidate.Near;
        var stage = at is null ? null : journey.FindTouchpoint(at)?.Stage;
        var linked = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        var drivenBy = new HashSet<string>(StringComparer.Ordinal);
        foreach (var kpi in journey.Kpis)
        {
            drivenBy.UnionWith(kpi.Drivers);
        }

        foreach (var kpi in journey.Kpis)
        {
            var own = (candidate.Touchpoint is not null && kpi.Touchpoints.Contains(candidate.Touchpoint))
                || (stage is not null && kpi.Stages.Contains(stage));
            if (own || !drivenBy.Contains(kpi.Id))
            {
                queue.Enqueue(kpi.Id);
            }
        }

        while (queue.Count > 0)
        {
            var id = queue.Dequeue();
            if (!linked.Add(id))
            {
                continue;
            }

            foreach (var parent in journey.Kpis)
            {
                if (parent.Drivers.Contains(id))
                {
                    queue.Enqueue(parent.Id);
                }
            }
        }

        var indexes = new List<int>();
        for (var k = 0; k < kpis.Count; k++)
        {
            if (linked.Contains(kpis[k].Kpi.Id))
            {
                indexes.Add(k);
            }
        }

        return indexes;
    }

    /// <summary>
    /// Every linked KPI's difference for every candidate, from the one-pass <see cref="EffectTable"/>: the totals of each
    /// comparison population and KPI once, then per candidate only its own cases (docs/agenda.md, "Speed").
    /// </summary>
    private static List<Test>[] Effects(
        List<Candidate> candidates, List<KpiCaseValues> kpis, DesignedJourney journey, Dictionary<string, (int[] Stratum, int Count)> allStrata,
        ulong[] keys, EffectTable? table, AgendaOptions options, CancellationToken cancellationToken)
    {
        if (table is null || options.ReferenceEffects)
        {
            return ReferenceEffects(candidates, kpis, journey, allStrata, keys, options, cancellationToken);
        }

        var bootstrap = options.Bootstrap;
        var adjusted = options.AdjustFor.Count > 0;
        var linked = candidates.Select(c => Linked(c, kpis, journey)).ToArray();
        var needs = new List<(string Key, bool[]? Eligible, int Kpi)>();
        var seen = new HashSet<(string, int)>();
        for (var i = 0; i < candidates.Count; i++)
        {
            foreach (var k in linked[i])
            {
                if (seen.Add((candidates[i].EligibleKey, k)))
                {
                    needs.Add((candidates[i].EligibleKey, candidates[i].Eligible, k));
                }
            }
        }

        var parallel = new ParallelOptions { CancellationToken = cancellationToken };
        var sums = new double[needs.Count][];
        Parallel.For(0, needs.Count, parallel, n => sums[n] = needs[n].Eligible is null ? table.Total(needs[n].Kpi) : table.Sums(needs[n].Kpi, null, needs[n].Eligible, true));
        var totals = new Dictionary<(string, int), double[]>();
        for (var n = 0; n < needs.Count; n++)
        {
            totals[(needs[n].Key, needs[n].Kpi)] = sums[n];
        }

        var tests = new List<Test>[candidates.Count];
        Parallel.For(0, candidates.Count, parallel, i =>
        {
            var candidate = candidates[i];
            var scheme = candidate.Segment?.Attribute ?? string.Empty;
            var strata = adjusted ? allStrata[scheme].Count : 0;
            var list = new List<Test>();
            foreach (var k in linked[i])
            {
                var inside = table.Sums(k, candidate.Cases, candidate.Eligible, true);
                var outside = table.Sums(k, candidate.Cases, candidate.Eligible, false);
                var (crude, byStratum) = table.Partials(totals[(candidate.EligibleKey, k)], inside, outside, scheme, strata, bootstrap.Seed);
                list.Add(new Test(k, "associational", Differences.Crude(crude, 1, 0, bootstrap.Confidence)));
                if (byStratum is not null)
                {
                    list.Add(new Test(k, "adjusted", Differences.Stratified(byStratum, bootstrap.Confidence)));
                }
            }

            tests[i] = list;
        });

        return tests;
    }

    /// <summary>The per-test pass: every test re-adds its comparison population's cases (the reference the one-pass table is checked against).</summary>
    private static List<Test>[] ReferenceEffects(
        List<Candidate> candidates, List<KpiCaseValues> kpis, DesignedJourney journey, Dictionary<string, (int[] Stratum, int Count)> allStrata,
        ulong[] keys, AgendaOptions options, CancellationToken cancellationToken)
    {
        var bootstrap = options.Bootstrap;
        var replicates = bootstrap.Replicates;
        var weights = PoissonWeights.Matrix(keys, replicates, bootstrap.Seed);
        var adjusted = options.AdjustFor.Count > 0;

        // Totals per comparison population and KPI: every eligible measured case in group 0 (crude) and 2 × stratum (adjusted).
        // A gap concentrated in a segment is compared with everyone else, adjusted for the other attributes (within its own
        // segment there may be nobody without the gap to compare with).
        var totals = new System.Collections.Concurrent.ConcurrentDictionary<(string, string, int), Lazy<(BootstrapPartial Crude, BootstrapPartial? Strata)>>();
        (BootstrapPartial Crude, BootstrapPartial? Strata) Totals(Candidate candidate, int k) => totals.GetOrAdd((candidate.EligibleKey, candidate.Segment?.Attribute ?? string.Empty, k), _ =>
            new Lazy<(BootstrapPartial, BootstrapPartial?)>(() =>
            {
                var strata = allStrata[candidate.Segment?.Attribute ?? string.Empty];
                var crude = new BootstrapPartial(2, replicates, bootstrap.Seed);
                var byStratum = adjusted && strata.Count > 0 ? new BootstrapPartial(2 * strata.Count, replicates, bootstrap.Seed) : null;
                var kpi = kpis[k];
                for (var c = 0; c < keys.Length; c++)
                {
                    if ((kpi.Denominator[c] == 0 && kpi.Numerator[c] == 0) || (candidate.Eligible is { } eligible && !eligible[c]))
                    {
                        continue;
                    }

                    var row = weights.AsSpan(c * replicates, replicates);
                    crude.Add(row, 0, kpi.Numerator[c], kpi.Denominator[c]);
                    byStratum?.Add(row, 2 * strata.Stratum[c], kpi.Numerator[c], kpi.Denominator[c]);
                }

                return (crude, byStratum);
            })).Value;

        var tests = new List<Test>[candidates.Count];
        Parallel.For(0, candidates.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var candidate = candidates[i];
            var list = new List<Test>();
            foreach (var k in Linked(candidate, kpis, journey))
            {
                var kpi = kpis[k];
                var total = Totals(candidate, k);
                var strata = allStrata[candidate.Segment?.Attribute ?? string.Empty];
                var crude = total.Crude.Clone();
                var byStratum = total.Strata?.Clone();
                foreach (var c in candidate.Cases)
                {
                    if (kpi.Denominator[c] == 0 && kpi.Numerator[c] == 0)
                    {
                        continue;
                    }

                    // Move the case from the unexposed to the exposed group (a case outside the comparison population only joins).
                    var row = weights.AsSpan(c * replicates, replicates);
                    double n = kpi.Numerator[c], d = kpi.Denominator[c];
                    var inTotals = candidate.Eligible is not { } eligible || eligible[c];
                    crude.Add(row, 1, n, d);
                    if (inTotals)
                    {
                        crude.Add(row, 0, -n, -d);
                    }

                    if (byStratum is not null)
                    {
                        var s = 2 * strata.Stratum[c];
                        byStratum.Add(row, s + 1, n, d);
                        if (inTotals)
                        {
                            byStratum.Add(row, s, -n, -d);
                        }
                    }
                }

                list.Add(new Test(k, "associational", Differences.Crude(crude, 1, 0, bootstrap.Confidence)));
                if (byStratum is not null)
                {
                    list.Add(new Test(k, "adjusted", Differences.Stratified(byStratum, bootstrap.Confidence)));
                }
            }

            tests[i] = list;
        });

        return tests;
    }

    /// <summary>Benjamini-Hochberg over every test of the agenda; returns the number of tests.</summary>
    private static int ControlFalseDiscoveries(List<Test>[] effects)
    {
        var all = effects.SelectMany(e => e).ToList();
        var p = all.Select(t => t.Estimate.PValue ?? double.NaN).ToArray();
        var q = BenjaminiHochberg.Adjust(p);
        var tests = 0;
        for (var i = 0; i < all.Count; i++)
        {
            all[i].QValue = double.IsNaN(q[i]) ? null : q[i];
            tests += double.IsNaN(q[i]) ? 0 : 1;
        }

        return tests;
    }
}
