using Journeyscope.EventLogs;
using Journeyscope.Journeys;
using Journeyscope.Kpis;
using Journeyscope.Statistics;

namespace Journeyscope.Agenda;

public static partial class AgendaAnalysis
{
    /// <summary>A stage is on the funnel's main path when at least this share of the cases that reach the first stage reach it.</summary>
    private const double MainPathShare = 0.5;

    /// <summary>A gap that holds at least 1 / this of a segment explains a KPI off target in it (docs/agenda.md, "A symptom and its cause").</summary>
    private const int SegmentShare = 4;

    /// <summary>
    /// Funnel drop-offs between consecutive stages of the main path in journey order: the customers who reached stage k and not
    /// stage k + 1 (optional stages, reached by fewer than half of the funnel's entrants, are not funnel steps).
    /// </summary>
    private static void DropOffs(MappedLog mapped, Dictionary<string, bool[]> stages, List<Candidate> candidates)
    {
        var journey = mapped.Journey;
        var caseCount = mapped.Log.CaseCount;
        var ordered = journey.Stages.Where(s => stages.ContainsKey(s.Id)).Select(s => (Stage: s, Reached: stages[s.Id])).ToList();
        if (ordered.Count < 2)
        {
            return;
        }

        var entrants = Count(ordered[0].Reached);
        var path = ordered.Where((s, i) => i == 0 || Count(s.Reached) >= MainPathShare * entrants).ToList();
        for (var k = 0; k + 1 < path.Count; k++)
        {
            var (from, reached) = path[k];
            var (to, next) = path[k + 1];
            var cases = new List<int>();
            for (var c = 0; c < caseCount; c++)
            {
                if (reached[c] && !next[c])
                {
                    cases.Add(c);
                }
            }

            var touchpoint = journey.Touchpoints.FirstOrDefault(t => t.Stage == to.Id)?.Id;
            candidates.Add(new Candidate($"{from.Id} → {to.Id}", "drop-off", $"Drop-off between {from.Name} and {to.Name}", touchpoint, [.. cases], candidates.Count)
            {
                EligibleKey = "stage:" + from.Id,
                Eligible = reached,
            });
        }
    }

    /// <summary>
    /// Channel switches: a customer changes channel between consecutive touchpoints of one stage (the event's <c>channel</c>
    /// attribute, else the touchpoint's channel); one gap per stage and pair of channels, at the touchpoint switched to.
    /// </summary>
    private static void ChannelSwitches(MappedLog mapped, Dictionary<string, bool[]> stages, List<Candidate> candidates)
    {
        var journey = mapped.Journey;
        var log = mapped.Log;
        var attribute = log.FindEventAttribute("channel");
        var byKey = new SortedDictionary<(string Stage, string From, string To), (List<int> Cases, string Touchpoint)>();
        for (var c = 0; c < log.CaseCount; c++)
        {
            int previous = -1;
            string? previousChannel = null;
            for (int e = log.CaseStart(c), end = log.CaseStart(c + 1); e < end; e++)
            {
                var t = mapped.EventTouchpoint[e];
                if (t < 0)
                {
                    continue;
                }

                var touchpoint = journey.Touchpoints[t];
                var channel = attribute?.GetValue(e)?.ToString() ?? touchpoint.Channel;
                if (previous >= 0 && channel is not null && previousChannel is not null && !string.Equals(channel, previousChannel, StringComparison.Ordinal)
                    && string.Equals(journey.Touchpoints[previous].Stage, touchpoint.Stage, StringComparison.Ordinal))
                {
                    var key = (touchpoint.Stage, previousChannel, channel);
                    if (!byKey.TryGetValue(key, out var entry))
                    {
                        byKey[key] = entry = ([], touchpoint.Id);
                    }

                    if (entry.Cases.Count == 0 || entry.Cases[^1] != c)
                    {
                        entry.Cases.Add(c);
                    }
                }

                (previous, previousChannel) = (t, channel);
            }
        }

        foreach (var ((stage, from, to), (cases, touchpoint)) in byKey)
        {
            var name = journey.FindStage(stage)?.Name ?? stage;
            candidates.Add(new Candidate($"{stage}: {from} → {to}", "channel-switch", $"Channel switch from {from} to {to} in {name}", touchpoint, [.. cases], candidates.Count)
            {
                EligibleKey = "stage:" + stage,
                Eligible = stages.GetValueOrDefault(stage),
            });
        }
    }

    /// <summary>
    /// Detractor moments that matter: a touchpoint after which survey answers (a net-score KPI such as NPS) are detractors more
    /// often: among answering customers, the detractor share of those who went through it minus that of those who did not, with
    /// Newcombe's 95 % interval of the difference of two proportions, its lower bound above zero. The gap's customers are those who went through it.
    /// </summary>
    private static void DetractorMoments(MappedLog mapped, List<KpiCaseValues> kpis, List<Candidate> candidates)
    {
        var journey = mapped.Journey;
        var log = mapped.Log;
        if (!kpis.Exists(k => k.Method == "NPS difference"))
        {
            return;
        }

        // The cases through each touchpoint, in case order: one pass over the events (not one per touchpoint).
        var through = new List<int>[journey.Touchpoints.Count];
        var lastCase = new int[through.Length];
        for (var t = 0; t < through.Length; t++)
        {
            (through[t], lastCase[t]) = ([], -1);
        }

        for (var c = 0; c < log.CaseCount; c++)
        {
            for (int e = log.CaseStart(c), end = log.CaseStart(c + 1); e < end; e++)
            {
                var t = mapped.EventTouchpoint[e];
                if (t >= 0 && lastCase[t] != c)
                {
                    lastCase[t] = c;
                    through[t].Add(c);
                }
            }
        }

        foreach (var kpi in kpis.Where(k => k.Method == "NPS difference"))
        {
            // Per case: answered, and whether more of its answers are detractors than promoters (numerator 100 × (P − D) < 0).
            var answered = new bool[log.CaseCount];
            var detractor = new bool[log.CaseCount];
            var surveyTouchpoints = new HashSet<string>(kpi.Kpi.Touchpoints, StringComparer.Ordinal);
            int answers = 0, detractors = 0;
            for (var c = 0; c < log.CaseCount; c++)
            {
                answered[c] = kpi.Denominator[c] > 0;
                detractor[c] = answered[c] && kpi.Numerator[c] < 0;
                answers += answered[c] ? 1 : 0;
                detractors += detractor[c] ? 1 : 0;
            }

            if (answers == 0)
            {
                continue;
            }

            for (var t = 0; t < journey.Touchpoints.Count; t++)
            {
                var touchpoint = journey.Touchpoints[t];
                if (surveyTouchpoints.Contains(touchpoint.Id) || kpi.Kpi.Stages.Contains(touchpoint.Stage))
                {
                    continue;
                }

                var cases = through[t];
                int answersWith = 0, detractorsWith = 0;
                foreach (var c in cases)
                {
                    answersWith += answered[c] ? 1 : 0;
                    detractorsWith += detractor[c] ? 1 : 0;
                }

                int answersWithout = answers - answersWith, detractorsWithout = detractors - detractorsWith;
                if (answersWith < 10 || answersWithout < 10)
                {
                    continue;
                }

                double p1 = detractorsWith / (double)answersWith, p0 = detractorsWithout / (double)answersWithout;
                if (Proportions.NewcombeDifference(detractorsWith, answersWith, detractorsWithout, answersWithout).Low <= 0)
                {
                    continue;
                }

                candidates.Add(new Candidate($"{kpi.Kpi.Id}@{touchpoint.Id}", "detractor-moment",
                    $"{touchpoint.Name}: more {kpi.Kpi.Name} detractors after it ({p1:0%} vs {p0:0%})", touchpoint.Id, [.. cases], candidates.Count));
            }
        }
    }

    /// <summary>
    /// KPIs off target in a segment: for each KPI with a target and each value of an --by attribute, the segment's KPI (ratio of
    /// sums over its cases) with its seeded bootstrap interval; a gap when the whole interval is on the wrong side of the target
    /// and of the KPI over every other case.
    /// </summary>
    private static void OffTargets(
        List<KpiCaseValues> kpis, (string Name, string?[] Values)[] attributes, AttributeCodes[] codesOf, DesignedJourney journey, EffectTable? table,
        BootstrapOptions bootstrap, int minimumSupport, List<Candidate> candidates)
    {
        if (table is null)
        {
            return;
        }

        // A segment's sums are the total's cells of its value when every cell holds one value of the attribute.
        var cellCodes = new int[]?[attributes.Length];
        for (var a = 0; a < attributes.Length; a++)
        {
            cellCodes[a] = table.CellCodes(codesOf[a].Codes);
        }

        // Every (KPI, segment) pair is a test: the search controls the family-wise error over all of them (Bonferroni), else
        // one segment in twenty would be "off target" by chance and its shortfall, measured on the same data, would look sure.
        var pairs = 0;
        foreach (var kpi in kpis)
        {
            pairs += kpi.Target is { } t && t.Comparison != TargetComparison.Equal
                ? attributes.Sum(a => a.Values.Where(v => v is not null).Distinct(StringComparer.Ordinal).Count())
                : 0;
        }

        var confidence = 1 - ((1 - bootstrap.Confidence) / Math.Max(1, pairs));
        for (var k = 0; k < kpis.Count; k++)
        {
            var kpi = kpis[k];
            if (kpi.Target is not { } target || target.Comparison == TargetComparison.Equal)
            {
                continue;
            }

            var touchpoint = kpi.Kpi.Touchpoints.FirstOrDefault()
                ?? journey.Touchpoints.FirstOrDefault(t => kpi.Kpi.Stages.Contains(t.Stage))?.Id;
            var total = table.Total(k);
            for (var a = 0; a < attributes.Length; a++)
            {
                var name = attributes[a].Name;
                var codes = codesOf[a];
                for (var code = 0; code < codes.Names.Length; code++)
                {
                    var cases = codes.Cases[code];
                    var sums = cellCodes[a] is { } cellCode ? table.CellSums(total, cellCode, code) : table.Sums(k, cases, null, true);
                    var (value, low, high) = table.Ratio(sums, confidence) is var e ? (e.Value, e.Low, e.High) : default;
                    if (value is null || low is null || high is null)
                    {
                        continue;
                    }

                    if (!IsOffTarget(table, total, sums, target, confidence))
                    {
                        continue;
                    }

                    // A symptom of a gap in the same segment (low NPS for the device whose payments are retried): when the
                    // segment without that gap's customers is no longer off target, the gap explains it and is the opportunity.
                    // So does a gap that holds at least a quarter of the segment: its customers cannot be taken out fairly, as
                    // who meets the gap can depend on the outcome (a customer who buys again meets a failing payment twice as
                    // often, so the segment without the gap's customers keeps the ones who never came back).
                    // And so does a gap when the segment's customers who never reached the gap's stage (or hand-over) are not off
                    // target against everyone else who never reached it: the shortfall lies where the gap is (a like-for-like
                    // comparison that does not depend on who met the gap).
                    var segment = new AgendaSegment(name, codes.Names[code]);
                    var cause = candidates.FirstOrDefault(c => c.Segment == segment && c.Kind != "kpi-off-target" && c.Cases.Length >= minimumSupport
                        && (SegmentShare * c.Cases.Length >= cases.Length
                            || !IsOffTarget(table, total, table.Sums(k, Except(cases, c.Cases), null, true), target, confidence)
                            || OnlyWhereTheGapIs(table, k, cases, c.Eligible, target, confidence)));
                    if (cause is not null)
                    {
                        cause.Explains.Add(kpi.Kpi.Id);
                        continue;
                    }

                    candidates.Add(new Candidate(kpi.Kpi.Id, "kpi-off-target",
                        $"{kpi.Kpi.Name} off target ({target.Text}) for {name} {codes.Names[code]}: {Format(kpi, value.Value)} ({Format(kpi, low.Value)} to {Format(kpi, high.Value)})",
                        touchpoint, cases, candidates.Count)
                    {
                        Segment = segment,
                    });
                }
            }
        }
    }

    /// <summary>
    /// Whether the KPI over the cases of <paramref name="sums"/> is off <paramref name="target"/> (its interval wholly on the
    /// wrong side) and worse than every other case (<paramref name="total"/> − <paramref name="sums"/>): a KPI off target for
    /// every segment alike is the journey's, not a segment's.
    /// </summary>
    private static bool IsOffTarget(EffectTable table, double[] total, double[] sums, KpiTarget target, double confidence)
    {
        var (value, low, high) = table.Ratio(sums, confidence) is var e ? (e.Value, e.Low, e.High) : default;
        if (value is null || low is null || high is null)
        {
            return false;
        }

        var restSums = new double[total.Length];
        for (var i = 0; i < restSums.Length; i++)
        {
            restSums[i] = total[i] - sums[i];
        }

        // Worse than the rest means the two intervals do not overlap: the rest is a sample too, and comparing the segment's
        // interval with the rest's point value alone lets a chance shortfall through.
        var rest = table.Ratio(restSums, confidence);
        var above = target.Comparison is TargetComparison.AtLeast or TargetComparison.Above;
        return above
            ? high < target.Value && (rest.Value is null || (rest.Low is { } restLow && high < restLow))
            : low > target.Value && (rest.Value is null || (rest.High is { } restHigh && low > restHigh));
    }

    /// <summary>
    /// Whether the segment's cases outside a gap's comparison population (<paramref name="eligible"/> false) have a measured KPI
    /// that is not off target against every other case outside it; false when the gap has no comparison population or the
    /// segment has no measurement outside it.
    /// </summary>
    private static bool OnlyWhereTheGapIs(EffectTable table, int k, int[] segment, bool[]? eligible, KpiTarget target, double confidence)
    {
        if (eligible is null)
        {
            return false;
        }

        var outside = table.Sums(k, segment, eligible, false);
        return table.Ratio(outside, confidence).Value is not null
            && !IsOffTarget(table, table.Sums(k, null, eligible, false), outside, target, confidence);
    }

    /// <summary>The sorted cases of <paramref name="all"/> that are not in <paramref name="removed"/> (both sorted).</summary>
    private static int[] Except(int[] all, int[] removed)
    {
        var kept = new List<int>(all.Length);
        var j = 0;
        foreach (var c in all)
        {
            while (j < removed.Length && removed[j] < c)
            {
                j++;
            }

            if (j >= removed.Length || removed[j] != c)
            {
                kept.Add(c);
            }
        }

        return [.. kept];
    }

    private static string Format(KpiCaseValues kpi, double value) =>
        kpi.IsDuration ? DurationText.Format(TimeSpan.FromSeconds(value))
        : kpi.Method == "risk difference" ? value.ToString("0.0%", System.Globalization.CultureInfo.InvariantCulture)
        : value.ToString("0.0#", System.Globalization.CultureInfo.InvariantCulture);

    private static int Count(bool[] flags)
    {
        var count = 0;
        foreach (var f in flags)
        {
            count += f ? 1 : 0;
        }

        return count;
    }
}
