using Journeyscope.Journeys;

namespace Journeyscope.Agenda;

public static partial class AgendaAnalysis
{
    /// <summary>The value unit without a <c>value:</c> section: customers, each weighted by the harm in standard deviations.</summary>
    internal const string StandardisedUnit = "SD × customers";

    private sealed record Ranked(int Index, AgendaOpportunity Opportunity);

    private static List<Ranked> Rank(
        List<Candidate> candidates, List<Test>[] effects, List<KpiCaseValues> kpis, DesignedJourney journey, double periods, int caseCount,
        double level)
    {
        var rows = new List<(int Index, AgendaOpportunity Opportunity, int Order)>();
        var spreads = new double[kpis.Count];
        for (var k = 0; k < kpis.Count; k++)
        {
            spreads[k] = journey.Value is null ? Spread(kpis[k]) : 1;
        }

        for (var i = 0; i < candidates.Count; i++)
        {
            var candidate = candidates[i];
            var list = new List<AgendaEffect>();
            double value = 0, low = 0, high = 0;
            var adjusted = effects[i].Any(t => t.Basis == "adjusted");
            foreach (var test in effects[i])
            {
                var kpi = kpis[test.Kpi];
                var e = test.Estimate;
                var harmful = e.Value is { } v && (kpi.HigherIsBetter ? v < 0 : v > 0);
                var significant = test.QValue <= level && e.ExcludesZero;
                list.Add(new AgendaEffect(kpi.Kpi.Id, e.Value, e.Low, e.High, kpi.Method, test.Basis, e.PValue, test.QValue,
                    significant, harmful, e.Exposed, e.Unexposed));
                if (!significant || !harmful || (adjusted && test.Basis != "adjusted"))
                {
                    continue;
                }

                var sign = kpi.HigherIsBetter ? -1 : 1;
                double a = sign * e.Low!.Value, b = sign * e.High!.Value;
                if (journey.Value is null)
                {
                    // Without prices: the harm in standard deviations of the KPI's per-case values, the largest over the
                    // linked KPIs (a KPI tree's parent and child measure one harm twice; the largest does not add them up).
                    var spread = spreads[test.Kpi];
                    if (spread > 0 && sign * e.Value!.Value / spread > value)
                    {
                        value = sign * e.Value!.Value / spread;
                        low = Math.Max(0, Math.Min(a, b)) / spread;
                        high = Math.Max(0, Math.Max(a, b)) / spread;
                    }

                    continue;
                }

                var amount = Amount(journey, kpi);
                value += amount * sign * e.Value!.Value;
                low += amount * Math.Max(0, Math.Min(a, b));
                high += amount * Math.Max(0, Math.Max(a, b));
            }

            var perPeriod = candidate.Cases.Length / periods;
            var worth = new AgendaValue(value * perPeriod, low * perPeriod, high * perPeriod, ValueUnit(journey));

            var solution = journey.Solutions.FirstOrDefault(s =>
                candidate.Touchpoint is not null && s.Touchpoints.Contains(candidate.Touchpoint)
                && (s.Kinds.Count == 0 || s.Kinds.Contains(candidate.Kind)));
            double effort = solution?.Effort ?? 1, share = solution?.Share ?? 1, confidence = solution?.Confidence ?? 1;
            var owner = solution?.Owner ?? (candidate.Touchpoint is null ? null : journey.FindTouchpoint(candidate.Touchpoint)?.Owner);
            var opportunity = new AgendaOpportunity(
                0, candidate.Id, candidate.Kind, candidate.Title, candidate.Touchpoint, candidate.Segment, candidate.Cases.Length,
                caseCount == 0 ? 0 : candidate.Cases.Length / (double)caseCount, perPeriod, list, worth, effort, solution?.Id, owner,
                worth.Low * share / effort, worth.Value * confidence / effort)
            {
                ExplainsBreaches = [.. candidate.ExplainsBreaches],
            };
            rows.Add((i, opportunity, candidate.Order));
        }

        // Ties (above all the gaps without a significant harm, whose score is 0) go to the larger value, then keep the order of
        // the source analysis (deviations, time targets, ..., bottlenecks in the order of `bottlenecks`).
        return [.. rows
            .OrderByDescending(r => r.Opportunity.Score)
            .ThenByDescending(r => r.Opportunity.ValuePerPeriod.Value)
            .ThenBy(r => r.Order)
            .Select((r, rank) => new Ranked(r.Index, r.Opportunity with { Rank = rank + 1 }))];
    }

    /// <summary>The unit of the value: the journey's currency, else standard-deviation customers (docs/agenda.md, "Value per period").</summary>
    internal static string ValueUnit(DesignedJourney journey) => journey.Value?.Unit ?? StandardisedUnit;

    /// <summary>
    /// The standard deviation of a KPI's per-case values (numerator / denominator, weighted by the denominator, as the KPI is a
    /// ratio of sums): the yardstick that makes a harm on NPS points, a share and seconds comparable without prices.
    /// </summary>
    internal static double Spread(KpiCaseValues kpi)
    {
        double weight = 0, sum = 0;
        for (var c = 0; c < kpi.Numerator.Length; c++)
        {
            (weight, sum) = (weight + kpi.Denominator[c], sum + kpi.Numerator[c]);
        }

        if (weight <= 0)
        {
            return 0;
        }

        double mean = sum / weight, squares = 0;
        for (var c = 0; c < kpi.Numerator.Length; c++)
        {
            var d = kpi.Denominator[c];
            if (d > 0)
            {
                var deviation = (kpi.Numerator[c] / d) - mean;
                squares += d * deviation * deviation;
            }
        }

        return Math.Sqrt(squares / weight);
    }

    /// <summary>What one unit of the KPI (as measured: seconds, a share of 1, a point) is worth per customer.</summary>
    internal static double Amount(DesignedJourney journey, KpiCaseValues kpi)
    {
        var rate = journey.Value?.Kpis.FirstOrDefault(r => string.Equals(r.Kpi, kpi.Kpi.Id, StringComparison.Ordinal));
        if (rate is null)
        {
            return journey.Value is null ? 1 : 0;
        }

        return kpi.IsDuration ? rate.Amount / (rate.Per ?? TimeSpan.FromHours(1)).TotalSeconds : rate.Amount;
    }
}
