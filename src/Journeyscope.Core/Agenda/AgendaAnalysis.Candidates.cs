using Journeyscope.Conformance;
using Journeyscope.EventLogs;
using Journeyscope.Journeys;
using Journeyscope.Performance;

namespace Journeyscope.Agenda;

public static partial class AgendaAnalysis
{
    /// <summary>The Otsu effectiveness at which a hand-over's waits split into a short and a long class (docs/agenda.md).</summary>
    private const double MinimumSeparation = 0.8;

    /// <summary>Skipped, inserted, out-of-order and repeated touchpoints from the optimal alignments, per variant applied to its cases.</summary>
    private static void Deviations(
        MappedLog mapped, AlignmentResult alignments, Dictionary<string, bool[]> stages, List<Candidate> candidates, CancellationToken cancellationToken)
    {
        var index = new JourneyIndex(mapped.Log, mapped.Journey);
        var variantItems = new DeviationItem[alignments.Variants.Count][];
        for (var v = 0; v < variantItems.Length; v++)
        {
            variantItems[v] = DeviationAnalysis.VariantItems(alignments.Variants[v].Alignment, index);
        }

        var byItem = new Dictionary<DeviationItem, List<int>>();
        var caseCount = mapped.Log.CaseCount;
        for (var c = 0; c < caseCount; c++)
        {
            if (c % 65536 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var items = variantItems[alignments.CaseVariants[c]];
            foreach (var item in items)
            {
                if (item.Kind == DeviationKind.Repeated && (!item.IsTouchpoint || !Array.Exists(items, i => i.Subject == item.Subject && i.Kind is DeviationKind.Inserted or DeviationKind.OutOfOrder)))
                {
                    // Repeats the design allows (a loop) are not a gap; a repeated unexpected step is the same gap as the step.
                    continue;
                }

                if (!byItem.TryGetValue(item, out var list))
                {
                    byItem[item] = list = [];
                }

                list.Add(c);
            }
        }

        var journey = mapped.Journey;
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
            // The comparison population: the cases that reached the touchpoint's stage (shared by every gap of the stage, so
            // its totals are computed once); a case with the gap outside it joins the exposed group only.
            var reached = touchpoint is not null && stages.TryGetValue(touchpoint.Stage, out var set) ? set : null;
            candidates.Add(new Candidate(item.Subject, DeviationItem.KindName(item.Kind), title, touchpoint?.Id, [.. cases], candidates.Count)
            {
                EligibleKey = reached is null ? "all" : "stage:" + touchpoint!.Stage,
                Eligible = reached,
                Near = item.IsTouchpoint ? null : NextTouchpoint(mapped, item.Subject, [.. cases]),
            });
        }
    }

    /// <summary>Cases whose time target clock ran longer than allowed.</summary>
    private static void TimeTargets(MappedLog mapped, List<Candidate> candidates, CancellationToken cancellationToken)
    {
        var index = new JourneyIndex(mapped.Log, mapped.Journey);
        foreach (var target in mapped.Journey.TimeTargets)
        {
            var from = DeviationAnalysis.ResolveTouchpoints(target.From, index);
            var to = DeviationAnalysis.ResolveTouchpoints(target.To, index);
            if (from is null || to is null)
            {
                continue;
            }

            var breached = new List<int>();
            var eligible = new bool[mapped.Log.CaseCount];
            foreach (var (ticks, c) in DeviationAnalysis.CaseElapsed(mapped.Log, index, target, from, to, DeviationOptions.Default, cancellationToken))
            {
                eligible[c] = true;
                if (ticks > target.Within.Ticks)
                {
                    breached.Add(c);
                }
            }

            breached.Sort();
            var touchpoint = mapped.Journey.FindTouchpoint(target.To)?.Id;
            candidates.Add(new Candidate(target.Id, "time-target", $"{target.Name}: target missed", touchpoint, [.. breached], candidates.Count)
            {
                EligibleKey = "time-target:" + target.Id,
                Eligible = eligible,
                Clock = (Array.IndexOf(from, true), Array.LastIndexOf(to, true)),
            });
        }
    }

    /// <summary>
    /// The costliest hand-overs of <see cref="BottlenecksResult"/>, every one of them, in its order; a case has the gap when its
    /// wait at the hand-over is long: in the long class of Otsu's two-class split of log(1 + wait in seconds) when the waits have
    /// two modes, else beyond Tukey's upper fence of those logs.
    /// </summary>
    private static void Bottlenecks(
        EventLog log, DesignedJourney journey, MappedLog? mapped, int top, List<Candidate> candidates, List<string> notes, CancellationToken cancellationToken)
    {
        if (top <= 0 || log.CaseCount == 0)
        {
            return;
        }

        var bottlenecks = BottlenecksResult.Analyze(log, 0, null, top, cancellationToken).Bottlenecks;
        var mapping = journey.Touchpoints.Count == 0 ? null : mapped ?? TouchpointMapping.Map(log, journey);
        var (allWaits, touchpoints) = HandOverWaits(log, journey, mapping, bottlenecks, cancellationToken);
        for (var i = 0; i < bottlenecks.Count; i++)
        {
            var b = bottlenecks[i];
            if (allWaits[i] is not { } waits)
            {
                continue;
            }

            var touchpoint = touchpoints[i];
            if (waits.Count < 4)
            {
                continue;
            }

            // The long waits: the long class of Otsu's split when the waits split into two modes (a Monday backlog), else the
            // waits beyond Tukey's upper fence of log(1 + seconds) (Q3 + 1.5 IQR): the customers who waited unusually long.
            var (fence, separation) = Split(waits);
            var split = separation >= MinimumSeparation;
            if (!split)
            {
                fence = Fence(waits);
            }

            var cases = waits.Where(w => w.Wait > fence).Select(w => w.Case).ToArray();
            var eligible = new bool[log.CaseCount];
            foreach (var (_, c) in waits)
            {
                eligible[c] = true;
            }

            candidates.Add(new Candidate($"{b.From} → {b.To}", "bottleneck",
                $"Long wait between {b.From} and {b.To} (beyond {DurationText.Format(TimeSpan.FromTicks((long)fence))}{(split ? string.Empty : ", unusually long")})", touchpoint, cases, candidates.Count)
            {
                EligibleKey = $"bottleneck:{b.From} → {b.To}",
                Eligible = eligible,
            });
        }
    }

    /// <summary>
    /// Per hand-over of <paramref name="bottlenecks"/> (null when an activity is not in the log): each case's longest wait on
    /// it, in case order, and the touchpoint of its first mapped arrival; one pass over the events for every hand-over.
    /// </summary>
    private static (List<(long Wait, int Case)>?[] Waits, string?[] Touchpoints) HandOverWaits(
        EventLog log, DesignedJourney journey, MappedLog? mapping, IReadOnlyList<BottleneckSummary> bottlenecks, CancellationToken cancellationToken)
    {
        var waits = new List<(long Wait, int Case)>?[bottlenecks.Count];
        var touchpoints = new string?[bottlenecks.Count];
        var activityCount = log.ActivityCount;
        var handOver = new int[activityCount * activityCount];
        Array.Fill(handOver, -1);
        for (var i = 0; i < bottlenecks.Count; i++)
        {
            int from = log.FindActivity(bottlenecks[i].From), to = log.FindActivity(bottlenecks[i].To);
            if (from >= 0 && to >= 0)
            {
                waits[i] = [];
                ref var first = ref handOver[(from * activityCount) + to];
                first = first < 0 ? i : first;
            }
        }

        // Per distinct hand-over (the first bottleneck of it): the case's worst wait, reset after each case.
        var worst = new long[bottlenecks.Count];
        Array.Fill(worst, -1);
        var inCase = new bool[bottlenecks.Count];
        var touched = new List<int>();
        var activities = log.Activities;
        var timestamps = log.Timestamps;
        for (var c = 0; c < log.CaseCount; c++)
        {
            if ((c & 65535) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            for (int e = log.CaseStart(c) + 1, end = log.CaseStart(c + 1); e < end; e++)
            {
                var i = handOver[(activities[e - 1] * activityCount) + activities[e]];
                if (i < 0)
                {
                    continue;
                }

                if (!inCase[i])
                {
                    inCase[i] = true;
                    touched.Add(i);
                }

                worst[i] = Math.Max(worst[i], timestamps[e] - timestamps[e - 1]);
                if (touchpoints[i] is null && mapping is not null && mapping.EventTouchpoint[e] >= 0)
                {
                    touchpoints[i] = journey.Touchpoints[mapping.EventTouchpoint[e]].Id;
                }
            }

            foreach (var i in touched)
            {
                if (worst[i] >= 0)
                {
                    waits[i]!.Add((worst[i], c));
                }

                (worst[i], inCase[i]) = (-1, false);
            }

            touched.Clear();
        }

        // A hand-over listed twice has the same waits.
        for (var i = 0; i < bottlenecks.Count; i++)
        {
            int from = log.FindActivity(bottlenecks[i].From), to = log.FindActivity(bottlenecks[i].To);
            if (waits[i] is not null && handOver[(from * activityCount) + to] is var first && first != i)
            {
                (waits[i], touchpoints[i]) = (waits[first], touchpoints[first]);
            }
        }

        return (waits, touchpoints);
    }

    /// <summary>Tukey's upper fence of log(1 + seconds) of the waits (Q3 + 1.5 IQR), back in ticks.</summary>
    private static double Fence(List<(long Wait, int Case)> waits)
    {
        var x = waits.Select(w => Math.Log(1 + (Math.Max(0, w.Wait) / (double)TimeSpan.TicksPerSecond))).Order().ToArray();
        double q1 = Quantile(x, 0.25), q3 = Quantile(x, 0.75);
        return (Math.Exp(q3 + (1.5 * (q3 - q1))) - 1) * TimeSpan.TicksPerSecond;
    }

    /// <summary>The linearly interpolated quantile of sorted values.</summary>
    private static double Quantile(double[] sorted, double p)
    {
        var position = p * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }

    /// <summary>Per stage id: which cases have at least one event at a touchpoint of the stage.</summary>
    private static Dictionary<string, bool[]> StageCases(MappedLog mapped)
    {
        var journey = mapped.Journey;
        var log = mapped.Log;
        var stages = new Dictionary<string, bool[]>(StringComparer.Ordinal);
        foreach (var touchpoint in journey.Touchpoints)
        {
            if (!stages.ContainsKey(touchpoint.Stage))
            {
                stages[touchpoint.Stage] = new bool[log.CaseCount];
            }
        }

        var stageOf = journey.Touchpoints.Select(t => stages[t.Stage]).ToArray();
        for (var c = 0; c < log.CaseCount; c++)
        {
            for (int e = log.CaseStart(c), end = log.CaseStart(c + 1); e < end; e++)
            {
                var t = mapped.EventTouchpoint[e];
                if (t >= 0)
                {
                    stageOf[t][c] = true;
                }
            }
        }

        return stages;
    }

    /// <summary>
    /// Otsu's threshold on log(1 + seconds): the split of the sorted waits into a short and a long class that maximises the
    /// between-class variance. O(n log n); for a bimodal hand-over (most parcels wait hours, Monday parcels a day more) it
    /// falls in the valley between the two modes.
    /// </summary>
    private static (double Threshold, double Separation) Split(List<(long Wait, int Case)> waits)
    {
        var x = waits.Select(w => Math.Log(1 + (Math.Max(0, w.Wait) / (double)TimeSpan.TicksPerSecond))).Order().ToArray();
        double total = 0;
        foreach (var v in x)
        {
            total += v;
        }

        double best = -1, threshold = x[^1], prefix = 0;
        for (var i = 0; i < x.Length - 1; i++)
        {
            prefix += x[i];
            if (x[i] == x[i + 1])
            {
                continue;
            }

            double n0 = i + 1, n1 = x.Length - n0;
            double m0 = prefix / n0, m1 = (total - prefix) / n1;
            var between = n0 * n1 * (m0 - m1) * (m0 - m1);
            if (between > best)
            {
                best = between;
                threshold = x[i];
            }
        }

        double squares = 0;
        var mean = total / x.Length;
        foreach (var v in x)
        {
            squares += (v - mean) * (v - mean);
        }

        // Otsu's effectiveness: between-class over total variance (2/π ≈ 0.64 for one normal mode, → 1 for two separate modes).
        var separation = squares == 0 ? 0 : best / x.Length / x.Length / (squares / x.Length);
        return ((Math.Exp(threshold) - 1) * TimeSpan.TicksPerSecond, separation);
    }
}
