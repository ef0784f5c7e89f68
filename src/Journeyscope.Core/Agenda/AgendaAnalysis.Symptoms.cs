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
    /// unexpected step or a long hand-over at a touchpoint after the clock's start and up to its end, in the journey's order,
    /// with at least <paramref name="minimumSupport"/> cases) is that gap's, not the target's. The target keeps the breaches no
    /// such gap explains (a late parcel that nothing but the carrier delayed), and each gap's title names the breaches it explains.
    /// A gap with the same customers as the breaches (<see cref="SameCustomers"/>) is the same opportunity and is left to the fold.
    /// </summary>
    private static void ExplainBreaches(DesignedJourney journey, List<Candidate> candidates, int minimumSupport)
    {
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var t = 0; t < journey.Touchpoints.Count; t++)
        {
            position[journey.Touchpoints[t].Id] = t;
        }

        foreach (var target in candidates.Where(c => c.Kind == "time-target" && c.Clock is not null && c.Cases.Length > 0))
        {
            var (from, to) = target.Clock!.Value;
            var explained = new HashSet<int>();
            foreach (var cause in candidates)
            {
                var at = cause.Touchpoint ?? cause.Near;
                if (cause.Kind is not ("skipped" or "inserted" or "out-of-order" or "repeated" or "bottleneck") || cause.Cases.Length < minimumSupport
                    || at is null || !position.TryGetValue(at, out var p) || p <= from || p > to
                    || Jaccard(target.Cases, cause.Cases) >= SameCustomers)
                {
                    // Off the clock, or the same customers as the breaches (a hand-over that is the whole clock): the latter are
                    // one opportunity, folded as every pair of gaps with the same customers.
                    continue;
                }

                var count = 0;
                foreach (var c in Intersect(target.Cases, cause.Cases))
                {
                    explained.Add(c);
                    count++;
                }

                if (count > 0 && 10 * count >= target.Cases.Length)
                {
                    cause.ExplainsBreaches.Add($"{count} breaches of '{target.Title.Replace(": target missed", string.Empty, StringComparison.Ordinal)}'");
                }
            }

            if (explained.Count > 0)
            {
                target.Cases = [.. target.Cases.Where(c => !explained.Contains(c))];
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
