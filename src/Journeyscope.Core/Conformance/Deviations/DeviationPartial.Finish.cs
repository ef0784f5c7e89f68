using Journeyscope.Filters;

namespace Journeyscope.Conformance;

public sealed partial class DeviationPartial
{
    private const int ChunkCases = 4096;

    /// <summary>
    /// The check of the covered cases: equal to <see cref="JourneyConformanceResult.From(JourneyCheck, long)"/> of
    /// <see cref="JourneyConformance.Check"/> over them, in case-key order, with the same options.
    /// </summary>
    /// <param name="version">The workspace version the result reports.</param>
    /// <param name="cancellationToken">Checked once per chunk of cases.</param>
    public JourneyConformanceResult Finish(long version = 0, CancellationToken cancellationToken = default)
    {
        var parameters = Parameters;
        var options = parameters.Options.Deviations;
        var index = parameters.Index;
        var n = _keys.Length;

        // Cases in key order; sequences ranked as the engine's variants: most cases first, ties by first case.
        var order = new int[n];
        for (var c = 0; c < n; c++)
        {
            order[c] = c;
        }

        Array.Sort((long[])_keys.Clone(), order);
        var ranking = new int[_variants.Length];
        for (var v = 0; v < ranking.Length; v++)
        {
            ranking[v] = v;
        }

        Array.Sort(ranking, (x, y) => _variants[x].Cases != _variants[y].Cases
            ? _variants[y].Cases.CompareTo(_variants[x].Cases)
            : _variants[x].FirstKey.CompareTo(_variants[y].FirstKey));
        var rankOf = new int[ranking.Length];
        var alignments = new TraceAlignment[ranking.Length];
        var variantItems = new DeviationItem[ranking.Length][];
        var variantCases = new int[ranking.Length];
        for (var r = 0; r < ranking.Length; r++)
        {
            var variant = _variants[ranking[r]];
            rankOf[ranking[r]] = r;
            alignments[r] = variant.Aligned.Alignment;
            variantItems[r] = variant.Aligned.Items;
            variantCases[r] = variant.Cases;
        }

        var caseIds = new string[n];
        var caseVariants = new int[n];
        for (var i = 0; i < n; i++)
        {
            caseIds[i] = _ids[order[i]];
            caseVariants[i] = rankOf[_caseVariants[order[i]]];
        }

        cancellationToken.ThrowIfCancellationRequested();
        var (averageTraceFitness, logFitness, percentageFitting) = Alignments.LogFigures(alignments, caseVariants);
        var warnings = new List<string>();
        var (touchpoints, stages) = DeviationAnalysis.TouchpointResults(index, variantItems, variantCases, _tallies.TouchpointCases, _tallies.StageCases);
        var (patterns, patternCount) = DeviationAnalysis.CountPatterns(caseIds, caseVariants, variantItems, options);
        var fitting = 0;
        var fitnessSum = 0.0;
        for (var r = 0; r < alignments.Length; r++)
        {
            fitting += alignments[r].IsFitting ? variantCases[r] : 0;
            fitnessSum += alignments[r].Fitness * variantCases[r];
        }

        var unmapped = UnmappedSteps();
        if (!_tallies.HasChannel)
        {
            warnings.Add(DeviationAnalysis.NoChannelColumn);
        }

        var mismatches = ChannelMismatches();
        var switches = ChannelSwitches();
        var targets = TimeTargets(warnings);
        cancellationToken.ThrowIfCancellationRequested();
        var segments = Segments(order, alignments, caseVariants, variantCases, warnings, cancellationToken);
        var observed = new List<TransitionEdge>(_tallies.Transitions.Count);
        var journeyTouchpoints = parameters.Journey.Touchpoints;
        foreach (var ((from, to), (count, cases)) in _tallies.Transitions)
        {
            observed.Add(new TransitionEdge(from == 0 ? null : journeyTouchpoints[from - 1].Id, to == 0 ? null : journeyTouchpoints[to - 1].Id, count, cases, false));
        }

        var report = new DeviationReport(
            parameters.Journey.Id, n, fitting, n == 0 ? 1.0 : fitnessSum / n, touchpoints, stages, unmapped, mismatches, switches, targets,
            patterns, patternCount, segments, DeviationAnalysis.Compare(observed, parameters.Relations), warnings);
        var timeBasis = TimeBasis ?? parameters.Options.Alignment.TimeBasis ?? EventLogs.TimeBasis.Utc;
        return JourneyConformanceResult.From(report, timeBasis, averageTraceFitness, logFitness, percentageFitting, version);
    }

    private List<UnmappedStep> UnmappedSteps()
    {
        var steps = new List<UnmappedStep>(_tallies.Unmapped.Count);
        foreach (var (activity, (events, cases)) in _tallies.Unmapped)
        {
            steps.Add(new UnmappedStep(activity, events, cases));
        }

        DeviationAnalysis.SortUnmapped(steps);
        return steps;
    }

    private List<ChannelMismatch> ChannelMismatches()
    {
        var touchpoints = Parameters.Journey.Touchpoints;
        var mismatches = new List<ChannelMismatch>(_tallies.Mismatches.Count);
        foreach (var ((t, channel), (events, cases)) in _tallies.Mismatches)
        {
            mismatches.Add(new ChannelMismatch(touchpoints[t].Id, touchpoints[t].Channel!, channel, events, cases));
        }

        DeviationAnalysis.SortMismatches(mismatches);
        return mismatches;
    }

    private List<ChannelSwitch> ChannelSwitches()
    {
        var touchpoints = Parameters.Journey.Touchpoints;
        var stages = Parameters.Journey.Stages;
        var switches = new List<ChannelSwitch>(_tallies.Switches.Count);
        foreach (var ((s, from, fromChannel, to, toChannel), tally) in _tallies.Switches)
        {
            var examples = new List<string>(tally.Examples.Count);
            foreach (var (_, id) in tally.Examples)
            {
                examples.Add(id);
            }

            switches.Add(new ChannelSwitch(
                stages[s].Id, touchpoints[from].Id, fromChannel, touchpoints[to].Id, toChannel, tally.Switches, tally.Cases, examples));
        }

        DeviationAnalysis.SortSwitches(switches);
        return switches;
    }

    private List<TimeTargetResult> TimeTargets(List<string> warnings)
    {
        warnings.AddRange(Parameters.TimeTargetWarnings);
        var results = new List<TimeTargetResult>(_targets.Length);
        for (var t = 0; t < _targets.Length; t++)
        {
            var measured = _targets[t].ToArray();
            var keys = new long[measured.Length];
            for (var i = 0; i < keys.Length; i++)
            {
                keys[i] = measured[i].Key;
            }

            // Keys are unique per case, so the unstable sort gives the one key order.
            Array.Sort(keys, measured);
            var elapsed = new List<(long Ticks, int Case)>(measured.Length);
            var ids = new string[measured.Length];
            for (var i = 0; i < measured.Length; i++)
            {
                elapsed.Add((measured[i].Ticks, i));
                ids[i] = measured[i].Id;
            }

            results.Add(DeviationAnalysis.Summarise(Parameters.TimeTargets[t].Target, elapsed, ids, Parameters.Options.Deviations));
        }

        return results;
    }

    /// <summary>Conformance per case attribute value, persona, channel and period, each case added in key order.</summary>
    private List<SegmentConformance> Segments(
        int[] order, TraceAlignment[] alignments, int[] caseVariants, int[] variantCases, List<string> warnings, CancellationToken cancellationToken)
    {
        var options = Parameters.Options.Deviations;
        var fitness = new double[alignments.Length];
        var fits = new bool[alignments.Length];
        for (var r = 0; r < alignments.Length; r++)
        {
            fitness[r] = alignments[r].Fitness;
            fits[r] = alignments[r].IsFitting;
        }

        var segments = new List<SegmentConformance>();
        IReadOnlyList<string> names = options.SegmentAttributes ?? _columnOrder;
        foreach (var name in names)
        {
            if (!_columns.TryGetValue(name, out var values))
            {
                warnings.Add(DeviationAnalysis.NoCaseAttribute(name));
                continue;
            }

            var groups = new Dictionary<string, DeviationAnalysis.Accumulator>(StringComparer.Ordinal);
            var tooMany = false;
            for (var i = 0; i < order.Length; i++)
            {
                var value = values[order[i]] ?? DeviationAnalysis.Missing;
                if (!groups.TryGetValue(value, out var accumulator))
                {
                    if (options.SegmentAttributes is null && groups.Count >= options.MaxSegmentValues)
                    {
                        tooMany = true;
                        break;
                    }

                    accumulator = new DeviationAnalysis.Accumulator();
                    groups.Add(value, accumulator);
                }

                accumulator.Add(caseVariants[i], fitness, fits);
            }

            if (!tooMany)
            {
                DeviationAnalysis.Emit("case:" + name, groups, segments, byValue: false);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        warnings.AddRange(Parameters.PersonaWarnings);
        var personas = new Dictionary<string, DeviationAnalysis.Accumulator>(StringComparer.Ordinal);
        for (var p = 0; p < Parameters.Personas.Count; p++)
        {
            var (persona, filter) = Parameters.Personas[p];
            var member = _personas[p];
            var keptRanks = member is null ? ((VariantFilter)filter).KeptRanks(variantCases) : null;
            var accumulator = new DeviationAnalysis.Accumulator();
            for (var i = 0; i < order.Length; i++)
            {
                if (member is null ? keptRanks![caseVariants[i]] : member[order[i]])
                {
                    accumulator.Add(caseVariants[i], fitness, fits);
                }
            }

            personas[persona.Id] = accumulator;
        }

        DeviationAnalysis.Emit("persona", personas, segments, byValue: false);
        if (_tallies.HasChannel)
        {
            var channels = new Dictionary<string, DeviationAnalysis.Accumulator>(StringComparer.Ordinal);
            for (var i = 0; i < order.Length; i++)
            {
                foreach (var channel in _channels[order[i]])
                {
                    if (!channels.TryGetValue(channel, out var accumulator))
                    {
                        accumulator = new DeviationAnalysis.Accumulator();
                        channels.Add(channel, accumulator);
                    }

                    accumulator.Add(caseVariants[i], fitness, fits);
                }
            }

            DeviationAnalysis.Emit("channel", channels, segments, byValue: false);
        }

        var periods = new Dictionary<string, DeviationAnalysis.Accumulator>(StringComparer.Ordinal);
        for (var i = 0; i < order.Length; i++)
        {
            if ((i % ChunkCases) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (_periods[order[i]] is not { } period)
            {
                continue;
            }

            if (!periods.TryGetValue(period, out var accumulator))
            {
                accumulator = new DeviationAnalysis.Accumulator();
                periods.Add(period, accumulator);
            }

            accumulator.Add(caseVariants[i], fitness, fits);
        }

        DeviationAnalysis.Emit("period", periods, segments, byValue: true);
        return segments;
    }
}
