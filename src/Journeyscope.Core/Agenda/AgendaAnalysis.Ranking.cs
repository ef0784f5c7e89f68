using Journeyscope.Journeys;

namespace Journeyscope.Agenda;

public static partial class AgendaAnalysis
{
    private sealed record Ranked(int Index, AgendaOpportunity Opportunity);

    private static List<Ranked> Rank(
        List<Candidate> candidates, List<Test>[] effects, List<KpiCaseValues> kpis, DesignedJourney journey, double periods, int caseCount,
        double level)
    {
        var rows = new List<(int Index, AgendaOpportunity Opportunity, int Order)>();
        for (var i = 0; i < candidates.Count; i++)
        {
            var candidate = candidates[i];
            var list = new List<AgendaEffect>();
            double value = 0, low = 0, high = 0;
            var anyHarm = false;
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

                anyHarm = true;
                var amount = Amount(journey, kpi);
                var sign = kpi.HigherIsBetter ? -1 : 1;
                double a = sign * e.Low!.Value, b = sign * e.High!.Value;
                value += amount * sign * e.Value!.Value;
                low += amount * Math.Max(0, Math.Min(a, b));
                high += amount * Math.Max(0, Math.Max(a, b));
            }

            var perPeriod = candidate.Cases.Length / periods;
            AgendaValue worth;
            if (journey.Value is null)
            {
                var customers = anyHarm ? perPeriod : 0;
                worth = new AgendaValue(customers, customers, customers, "customers");
            }
            else
            {
                worth = new AgendaValue(value * perPeriod, low * perPeriod, high * perPeriod, journey.Value.Unit);
            }

            var solution = journey.Solutions.FirstOrDefault(s =>
                candidate.Touchpoint is not null && s.Touchpoints.Contains(candidate.Touchpoint)
                && (s.Kinds.Count == 0 || s.Kinds.Contains(candidate.Kind)));
            double effort = solution?.Effort ?? 1, share = solution?.Share ?? 1, confidence = solution?.Confidence ?? 1;
            var owner = solution?.Owner ?? (candidate.Touchpoint is null ? null : journey.FindTouchpoint(candidate.Touchpoint)?.Owner);
            var opportunity = new AgendaOpportunity(
                0, candidate.Id, candidate.Kind, candidate.Title, candidate.Touchpoint, candidate.Segment, candidate.Cases.Length,
                caseCount == 0 ? 0 : candidate.Cases.Length / (double)caseCount, perPeriod, list, worth, effort, solution?.Id, owner,
                worth.Low * share / effort, worth.Value * confidence / effort);
            rows.Add((i, opportunity, candidate.Order));
        }

        return [.. rows
            .OrderByDescending(r => r.Opportunity.Score)
            .ThenByDescending(r => r.Opportunity.ValuePerPeriod.Value)
            .ThenBy(r => r.Order)
            .Select((r, rank) => new Ranked(r.Index, r.Opportunity with { Rank = rank + 1 }))];
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
