using Journeyscope.Conformance;
using Journeyscope.EventLogs;
using Journeyscope.Journeys;
using Journeyscope.Performance;

namespace Journeyscope.Agenda;

public static partial class AgendaAnalysis
{
    /// <summary>Skipped, inserted, out-of-order and repeated touchpoints from the optimal alignments, per variant applied to its cases.</summary>
    private static void Deviations(JourneyCheck check, List<Candidate> candidates, CancellationToken cancellationToken)
    {
        var index = new JourneyIndex(check.Mapped.Log, check.Mapped.Journey);
        var alignments = check.Alignments;
        var variantItems = new DeviationItem[alignments.Variants.Count][];
        for (var v = 0; v < variantItems.Length; v++)
        {
            variantItems[v] = DeviationAnalysis.VariantItems(alignments.Variants[v].Alignment, index);
        }

        var byItem = new Dictionary<DeviationItem, List<int>>();
        var caseCount = check.Mapped.Log.CaseCount;
        for (var c = 0; c < caseCount; c++)
        {
            if (c % 65536 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            foreach (var item in variantItems[alignments.CaseVariants[c]])
            {
                if (!byItem.TryGetValue(item, out var list))
                {
                    byItem[item] = list = [];
                }

                list.Add(c);
            }
        }

        var journey = check.Mapped.Journey;
        foreach (var (item, cases) in byItem.OrderBy(p => p.Key))
        {
            var touchpoint = item.IsTouchpoint ? journey.FindTouchpoint(item.Subject) : null;
            var name = touchpoint?.Name ?? item.Subject;
            var title = item.Kind switch
            {
                DeviationKind.Skipped => $"{name} skipped",
                DeviationKind.Inserted => item.IsTouchpoint ? $"{name} done where the design does not expect it" : $"Unexpected step '{name}'",
                DeviationKind.OutOfOrder => $"{name} done out of order",
                _ => $"{name} done more than once",
            };
            candidates.Add(new Candidate(item.Subject, DeviationItem.KindName(item.Kind), title, touchpoint?.Id, [.. cases], candidates.Count));
        }
    }

    /// <summary>Cases whose time target clock ran longer than allowed.</summary>
    private static void TimeTargets(JourneyCheck check, List<Candidate> candidates, CancellationToken cancellationToken)
    {
        var index = new JourneyIndex(check.Mapped.Log, check.Mapped.Journey);
        foreach (var target in check.Mapped.Journey.TimeTargets)
        {
            var from = DeviationAnalysis.ResolveTouchpoints(target.From, index);
            var to = DeviationAnalysis.ResolveTouchpoints(target.To, index);
            if (from is null || to is null)
            {
                continue;
            }

            var breached = new List<int>();
            foreach (var (ticks, c) in DeviationAnalysis.CaseElapsed(check.Mapped.Log, index, target, from, to, DeviationOptions.Default, cancellationToken))
            {
                if (ticks > target.Within.Ticks)
                {
                    breached.Add(c);
                }
            }

            breached.Sort();
            var touchpoint = check.Mapped.Journey.FindTouchpoint(target.To)?.Id;
            candidates.Add(new Candidate(target.Id, "time-target", $"{target.Name}: target missed", touchpoint, [.. breached], candidates.Count));
        }
    }

    /// <summary>
    /// The costliest hand-overs of <see cref="BottlenecksResult"/>; a case has the gap when its wait at the hand-over is beyond the
    /// hand-over's Tukey fence Q3 + 1.5 × IQR.
    /// </summary>
    private static void Bottlenecks(EventLog log, DesignedJourney journey, int top, List<Candidate> candidates, CancellationToken cancellationToken)
    {
        if (top <= 0 || log.CaseCount == 0)
        {
            return;
        }

        var bottlenecks = BottlenecksResult.Analyze(log, 0, null, top, cancellationToken).Bottlenecks;
        var mapping = journey.Touchpoints.Count == 0 ? null : TouchpointMapping.Map(log, journey);
        foreach (var b in bottlenecks)
        {
            int from = log.FindActivity(b.From), to = log.FindActivity(b.To);
            if (from < 0 || to < 0)
            {
                continue;
            }

            var waits = new List<(long Wait, int Case)>();
            var activities = log.Activities;
            var timestamps = log.Timestamps;
            string? touchpoint = null;
            for (var c = 0; c < log.CaseCount; c++)
            {
                long worst = -1;
                for (int e = log.CaseStart(c) + 1, end = log.CaseStart(c + 1); e < end; e++)
                {
                    if (activities[e] == to && activities[e - 1] == from)
                    {
                        worst = Math.Max(worst, timestamps[e] - timestamps[e - 1]);
                        if (touchpoint is null && mapping is not null && mapping.EventTouchpoint[e] >= 0)
                        {
                            touchpoint = journey.Touchpoints[mapping.EventTouchpoint[e]].Id;
                        }
                    }
                }

                if (worst >= 0)
                {
                    waits.Add((worst, c));
                }
            }

            if (waits.Count < 4)
            {
                continue;
            }

            var sorted = waits.Select(w => (double)w.Wait).Order().ToArray();
            double q1 = Statistics.Differences.Quantile(sorted, 0.25), q3 = Statistics.Differences.Quantile(sorted, 0.75);
            var fence = q3 + (1.5 * (q3 - q1));
            var cases = waits.Where(w => w.Wait > fence).Select(w => w.Case).ToArray();
            candidates.Add(new Candidate($"{b.From} → {b.To}", "bottleneck",
                $"Long wait between {b.From} and {b.To} (beyond {DurationText.Format(TimeSpan.FromTicks((long)fence))})", touchpoint, cases, candidates.Count));
        }
    }
}
