using Journeyscope.EventLogs;
using Journeyscope.Journeys;

namespace Journeyscope.Conformance;

/// <summary>
/// Aggregates the alignments of a mapped log against a designed journey into a <see cref="DeviationReport"/>: deviations
/// per touchpoint and stage, unmapped steps, channel mismatches and switches, time targets, deviation patterns,
/// conformance per segment and period, and designed versus actual transitions.
/// </summary>
/// <remarks>
/// The mapped log's activities are touchpoint ids for mapped events and the original activity names for unmapped ones
/// (what touchpoint mapping produces); alignments are of that log against the journey's flow, whose leaves are touchpoint
/// ids. Alignment-based figures are computed once per variant and weighted by the variant's cases; event-level figures
/// (channels, time targets, transitions) take one pass over the events. Definitions: docs/deviations.md.
/// </remarks>
public static partial class DeviationAnalysis
{
    private const int ChunkCases = 4096;

    /// <summary>Builds the deviation report of <paramref name="mappedLog"/> against <paramref name="journey"/>.</summary>
    /// <param name="mappedLog">The log with touchpoint ids as activities for mapped events.</param>
    /// <param name="journey">The designed journey.</param>
    /// <param name="alignments">The alignments of <paramref name="mappedLog"/> (same cases, same order) against the journey's flow.</param>
    /// <param name="options">Settings; <see cref="DeviationOptions.Default"/> when <c>null</c>.</param>
    /// <param name="cancellationToken">Checked once per chunk of cases.</param>
    /// <exception cref="ArgumentException">The alignments are not of this log (case count or variant indices differ).</exception>
    public static DeviationReport Analyze(
        EventLog mappedLog,
        DesignedJourney journey,
        AlignmentResult alignments,
        DeviationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mappedLog);
        ArgumentNullException.ThrowIfNull(journey);
        ArgumentNullException.ThrowIfNull(alignments);
        options ??= DeviationOptions.Default;
        Validate(mappedLog, alignments);

        var index = new JourneyIndex(mappedLog, journey);
        var warnings = new List<string>();
        var variantCases = new int[alignments.Variants.Count];
        for (var c = 0; c < mappedLog.CaseCount; c++)
        {
            variantCases[alignments.CaseVariants[c]]++;
        }

        var variantItems = new DeviationItem[alignments.Variants.Count][];
        for (var v = 0; v < variantItems.Length; v++)
        {
            variantItems[v] = VariantItems(alignments.Variants[v].Alignment, index);
        }

        var (touchpoints, stages) = CountTouchpointDeviations(mappedLog, index, variantItems, variantCases, cancellationToken);
        var (patterns, patternCount) = CountPatterns(mappedLog.CaseIds, alignments.CaseVariants, variantItems, options);

        var fitting = 0;
        var fitnessSum = 0.0;
        for (var v = 0; v < variantCases.Length; v++)
        {
            var alignment = alignments.Variants[v].Alignment;
            fitting += alignment.IsFitting ? variantCases[v] : 0;
            fitnessSum += alignment.Fitness * variantCases[v];
        }

        var transitions = journey.Flow is null ? null : CompareTransitions(mappedLog, index, FlowRelations.FromTree(journey.Flow), cancellationToken);
        if (journey.Flow is null)
        {
            warnings.Add("The journey has no flow: designed versus actual transitions are not compared.");
        }

        return new DeviationReport(
            journey.Id,
            mappedLog.CaseCount,
            fitting,
            mappedLog.CaseCount == 0 ? 1.0 : fitnessSum / mappedLog.CaseCount,
            touchpoints,
            stages,
            CountUnmappedSteps(mappedLog, index),
            CountChannelMismatches(mappedLog, index, warnings),
            CountChannelSwitches(mappedLog, index, options),
            MeasureTimeTargets(mappedLog, index, options, warnings, cancellationToken),
            patterns,
            patternCount,
            Segment(mappedLog, index, alignments, options, warnings, cancellationToken),
            transitions,
            warnings);
    }

    private static void Validate(EventLog log, AlignmentResult alignments)
    {
        if (alignments.CaseVariants.Count != log.CaseCount)
        {
            throw new ArgumentException(
                $"The alignments cover {alignments.CaseVariants.Count} cases but the log has {log.CaseCount}: align the same log.", nameof(alignments));
        }

        for (var c = 0; c < alignments.CaseVariants.Count; c++)
        {
            var v = alignments.CaseVariants[c];
            if ((uint)v >= (uint)alignments.Variants.Count)
            {
                throw new ArgumentException($"Case {c} refers to variant {v}, but there are {alignments.Variants.Count} variants.", nameof(alignments));
            }
        }
    }

    /// <summary>The sorted, distinct deviations of one alignment.</summary>
    internal static DeviationItem[] VariantItems(TraceAlignment alignment, JourneyIndex index)
    {
        var counts = new Dictionary<string, MoveCounts>(StringComparer.Ordinal);
        foreach (var move in alignment.Moves)
        {
            if (move.Label is null || move.Kind == MoveKind.SilentMove)
            {
                continue;
            }

            counts.TryGetValue(move.Label, out var count);
            counts[move.Label] = move.Kind switch
            {
                MoveKind.Synchronous => count with { Synchronous = count.Synchronous + 1 },
                MoveKind.LogMove => count with { Log = count.Log + 1 },
                _ => count with { Model = count.Model + 1 },
            };
        }

        var items = new List<DeviationItem>();
        foreach (var (label, count) in counts)
        {
            var isTouchpoint = index.TouchpointsById.ContainsKey(label);
            if (count.Log > 0 && count.Model > 0)
            {
                items.Add(new DeviationItem(DeviationKind.OutOfOrder, label, isTouchpoint));
            }
            else if (count.Log > 0)
            {
                items.Add(new DeviationItem(DeviationKind.Inserted, label, isTouchpoint));
            }
            else if (count.Model > 0)
            {
                items.Add(new DeviationItem(DeviationKind.Skipped, label, isTouchpoint));
            }

            if (count.Synchronous + count.Log >= 2)
            {
                items.Add(new DeviationItem(DeviationKind.Repeated, label, isTouchpoint));
            }
        }

        var array = items.ToArray();
        Array.Sort(array);
        return array;
    }

    private static (List<TouchpointDeviations> Touchpoints, List<StageDeviations> Stages) CountTouchpointDeviations(
        EventLog log, JourneyIndex index, DeviationItem[][] variantItems, int[] variantCases, CancellationToken cancellationToken)
    {
        var touchpoints = index.Journey.Touchpoints;
        var stages = index.Journey.Stages;

        // Cases that touched each touchpoint and stage, from the events themselves.
        var touchpointCases = new int[touchpoints.Count];
        var stageCases = new int[stages.Count];
        var touchpointSeen = new int[touchpoints.Count];
        var stageSeen = new int[stages.Count];
        Array.Fill(touchpointSeen, -1);
        Array.Fill(stageSeen, -1);
        var activities = log.Activities;
        for (var c = 0; c < log.CaseCount; c++)
        {
            if (c % ChunkCases == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var end = log.CaseStarts[c + 1];
            for (var e = log.CaseStarts[c]; e < end; e++)
            {
                var t = index.ActivityTouchpoint[activities[e]];
                if (t < 0 || touchpointSeen[t] == c)
                {
                    continue;
                }

                touchpointSeen[t] = c;
                touchpointCases[t]++;
                var s = index.TouchpointStage[t];
                if (s >= 0 && stageSeen[s] != c)
                {
                    stageSeen[s] = c;
                    stageCases[s]++;
                }
            }
        }

        return TouchpointResults(index, variantItems, variantCases, touchpointCases, stageCases);
    }

    /// <summary>
    /// Deviations per touchpoint and stage from each variant's items and cases (variants in any order: integer sums) and the
    /// cases that touched each touchpoint and stage.
    /// </summary>
    internal static (List<TouchpointDeviations> Touchpoints, List<StageDeviations> Stages) TouchpointResults(
        JourneyIndex index, DeviationItem[][] variantItems, IReadOnlyList<int> variantCases, int[] touchpointCases, int[] stageCases)
    {
        var touchpoints = index.Journey.Touchpoints;
        var stages = index.Journey.Stages;
        const int Kinds = 5;
        var touchpointCounts = new int[touchpoints.Count * Kinds];
        var stageCounts = new int[stages.Count * Kinds];
        var stageFlags = new int[stages.Count];
        for (var v = 0; v < variantItems.Length; v++)
        {
            Array.Clear(stageFlags);
            foreach (var item in variantItems[v])
            {
                if (!item.IsTouchpoint)
                {
                    continue;
                }

                var t = index.TouchpointsById[item.Subject];
                touchpointCounts[(t * Kinds) + (int)item.Kind] += variantCases[v];
                var s = index.TouchpointStage[t];
                if (s >= 0)
                {
                    stageFlags[s] |= (1 << (int)item.Kind) | (1 << 4);
                }
            }

            for (var s = 0; s < stageFlags.Length; s++)
            {
                for (var k = 0; k < Kinds; k++)
                {
                    if ((stageFlags[s] & (1 << k)) != 0)
                    {
                        stageCounts[(s * Kinds) + k] += variantCases[v];
                    }
                }
            }
        }

        var touchpointResults = new List<TouchpointDeviations>(touchpoints.Count);
        for (var t = 0; t < touchpoints.Count; t++)
        {
            var o = t * Kinds;
            touchpointResults.Add(new TouchpointDeviations(
                touchpoints[t].Id, touchpoints[t].Name, touchpoints[t].Stage, touchpointCases[t],
                touchpointCounts[o + (int)DeviationKind.Skipped], touchpointCounts[o + (int)DeviationKind.Inserted],
                touchpointCounts[o + (int)DeviationKind.OutOfOrder], touchpointCounts[o + (int)DeviationKind.Repeated]));
        }

        var stageResults = new List<StageDeviations>(stages.Count);
        for (var s = 0; s < stages.Count; s++)
        {
            var o = s * Kinds;
            stageResults.Add(new StageDeviations(
                stages[s].Id, stages[s].Name, stageCases[s],
                stageCounts[o + (int)DeviationKind.Skipped], stageCounts[o + (int)DeviationKind.Inserted],
                stageCounts[o + (int)DeviationKind.OutOfOrder], stageCounts[o + (int)DeviationKind.Repeated], stageCounts[o + 4]));
        }

        return (touchpointResults, stageResults);
    }

    private static List<UnmappedStep> CountUnmappedSteps(EventLog log, JourneyIndex index)
    {
        var events = new int[log.ActivityCount];
        var cases = new int[log.ActivityCount];
        var seen = new int[log.ActivityCount];
        Array.Fill(seen, -1);
        var activities = log.Activities;
        for (var c = 0; c < log.CaseCount; c++)
        {
            var end = log.CaseStarts[c + 1];
            for (var e = log.CaseStarts[c]; e < end; e++)
            {
                var a = activities[e];
                if (index.ActivityTouchpoint[a] >= 0)
                {
                    continue;
                }

                events[a]++;
                if (seen[a] != c)
                {
                    seen[a] = c;
                    cases[a]++;
                }
            }
        }

        var steps = new List<UnmappedStep>();
        for (var a = 0; a < events.Length; a++)
        {
            if (events[a] > 0)
            {
                steps.Add(new UnmappedStep(log.ActivityNames[a], events[a], cases[a]));
            }
        }

        SortUnmapped(steps);
        return steps;
    }

    /// <summary>Most events first, then by activity.</summary>
    internal static void SortUnmapped(List<UnmappedStep> steps) =>
        steps.Sort((x, y) => x.Events != y.Events ? y.Events.CompareTo(x.Events) : string.CompareOrdinal(x.Activity, y.Activity));

    private readonly record struct MoveCounts(int Synchronous, int Log, int Model);
}
