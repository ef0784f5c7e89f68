using Journeyscope.Journeys;

namespace Journeyscope.Agenda;

public static partial class AgendaAnalysis
{
    /// <summary>
    /// The touchpoint an unexpected (unmapped) step sits before: the touchpoint of the next mapped event after the step's first
    /// occurrence, the most frequent over its cases (ties to the earlier touchpoint of the journey). The step's gap is linked
    /// to the KPIs of that touchpoint's stage, since the step delays what follows it; null when no mapped event follows.
    /// </summary>
    internal static string? NextTouchpoint(MappedLog mapped, string activity, int[] cases)
    {
        var log = mapped.Log;
        var a = log.FindActivity(activity);
        if (a < 0)
        {
            return null;
        }

        var counts = new int[mapped.Journey.Touchpoints.Count];
        var activities = log.Activities;
        foreach (var c in cases)
        {
            var seen = false;
            for (int e = log.CaseStart(c), end = log.CaseStart(c + 1); e < end; e++)
            {
                if (!seen)
                {
                    seen = activities[e] == a;
                    continue;
                }

                if (mapped.EventTouchpoint[e] >= 0)
                {
                    counts[mapped.EventTouchpoint[e]]++;
                    break;
                }
            }
        }

        var best = -1;
        for (var t = 0; t < counts.Length; t++)
        {
            best = counts[t] > 0 && (best < 0 || counts[t] > counts[best]) ? t : best;
        }

        return best < 0 ? null : mapped.Journey.Touchpoints[best].Id;
    }

    /// <summary>
    /// A breached time target is a symptom: a breach in a case that also has a gap on the target's clock (a deviation, an
    /// unexpected step or a long hand-over at a touchpoint after the clock's start and up to its end, in the journey's order)
    /// is that gap's, not the target's (by co-occurrence: docs/agenda.md says why not by a counterfactual). Only gaps that are tested can take breaches: at least <paramref name="minimumSupport"/>
    /// cases and not every case (a step every case has is not a gap). Each breach goes to the first such gap that has it (in
    /// the order the gaps were found), so the target's remaining breaches plus the credited ones are all its breaches. The
    /// target keeps the breaches no gap explains (a late parcel that nothing but the carrier delayed); a gap records what it
    /// took, and its title names a credit of at least a tenth of the breaches. A gap with the same customers as the breaches
    /// (<see cref="SameCustomers"/>) is the same opportunity and is left to the fold.
    /// </summary>
    private static void ExplainBreaches(DesignedJourney journey, List<Candidate> candidates, int minimumSupport, int caseCount)
    {
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var t = 0; t < journey.Touchpoints.Count; t++)
        {
            position[journey.Touchpoints[t].Id] = t;
        }

        foreach (var target in candidates.Where(c => c.Kind == "time-target" && c.Clock is not null && c.Cases.Length > 0))
        {
            var (from, to) = target.Clock!.Value;
            var credited = new HashSet<int>();
            var name = target.Title.Replace(": target missed", string.Empty, StringComparison.Ordinal);
            foreach (var cause in candidates)
            {
                var at = cause.Touchpoint ?? cause.Near;
                if (cause.Kind is not ("skipped" or "inserted" or "out-of-order" or "repeated" or "bottleneck")
                    || cause.Cases.Length < minimumSupport || cause.Cases.Length >= caseCount
                    || at is null || !position.TryGetValue(at, out var p) || p <= from || p > to
                    || Jaccard(target.Cases, cause.Cases) >= SameCustomers)
                {
                    // Not a tested gap, off the clock, or the same customers as the breaches (a hand-over that is the whole
                    // clock): the latter are one opportunity, folded as every pair of gaps with the same customers.
                    continue;
                }

                var count = 0;
                foreach (var c in Intersect(target.Cases, cause.Cases))
                {
                    count += credited.Add(c) ? 1 : 0;
                }

                if (count == 0)
                {
                    continue;
                }

                cause.ExplainsBreaches.Add(new AgendaExplainedBreaches(target.Id, count));
                if (10 * count >= target.Cases.Length)
                {
                    cause.ExplainsBreachesTitle.Add($"{count} breaches of '{name}'");
                }
            }

            if (credited.Count > 0)
            {
                target.Cases = [.. target.Cases.Where(c => !credited.Contains(c))];
                target.Title += " (breaches no other gap on its clock explains)";
            }
        }
    }

    /// <summary>The cases in both sorted case sets.</summary>
    private static IEnumerable<int> Intersect(int[] a, int[] b)
    {
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                yield return a[i];
                (i, j) = (i + 1, j + 1);
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }
    }
}
