using Journeyscope.EventLogs;

namespace Journeyscope.Conformance;

/// <summary>Optimal alignments of a log against a Petri net, computed once per variant, variants in parallel.</summary>
/// <remarks>
/// Costs are the standard ones (log move 1, visible model move 1, synchronous and silent moves 0); among optimal
/// alignments the search takes one with the fewest silent moves, exactly as PM4Py's integer costs do (10,000 per
/// deviation, 1 per silent move), so the log-level figures equal <c>pm4py.fitness_alignments</c>. See docs/conformance.md.
/// </remarks>
public static class Alignments
{
    /// <summary>The most markings one lazily explored search may intern before it gives up (unbounded or huge nets).</summary>
    internal const int LazyMarkingLimit = 8_000_000;

    private const int ChunksPerCore = 8;

    /// <summary>Aligns every variant of <paramref name="log"/> with <paramref name="net"/> from its initial to its final marking.</summary>
    /// <exception cref="InvalidOperationException">The final marking is not reachable, or the state space exceeds <see cref="AlignmentOptions.MaxMarkings"/> in lazy mode.</exception>
    public static AlignmentResult Compute(EventLog log, PetriNet net, AlignmentOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= AlignmentOptions.Default;
        var prepared = LogVariants.Prepare(log, net, options);
        var variants = prepared.Variants;
        var labelOfActivity = prepared.LabelOfActivity;
        var graph = ExploreModel(net, options, cancellationToken);
        var complete = graph.IsComplete ? graph : null;
        var lazyLimit = Math.Max(options.MaxMarkings, LazyMarkingLimit);
        var emptyTrace = new AlignmentSearch(net, complete, lazyLimit).Align([], cancellationToken);
        var traces = new int[variants.Count][];
        for (var v = 0; v < traces.Length; v++)
        {
            var codes = variants[v].Codes;
            var trace = traces[v] = new int[codes.Length];
            for (var i = 0; i < codes.Length; i++)
            {
                trace[i] = labelOfActivity[codes[i]];
            }
        }

        // Variants sorted by their reversed label sequence, in contiguous chunks: a search reuses the cost table of the
        // suffix it shares with the previous variant (SuffixCosts).
        var order = new int[traces.Length];
        for (var v = 0; v < order.Length; v++)
        {
            order[v] = v;
        }

        Array.Sort(order, (x, y) => CompareReversed(traces[x], traces[y]));
        var chunks = Math.Min(order.Length, Math.Max(1, Environment.ProcessorCount * ChunksPerCore));
        var raw = new RawAlignment[variants.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        Parallel.For(0, chunks, parallel,
            () => new AlignmentSearch(net, complete, lazyLimit),
            (chunk, _, search) =>
            {
                var end = (int)((long)order.Length * (chunk + 1) / chunks);
                for (var i = (int)((long)order.Length * chunk / chunks); i < end; i++)
                {
                    raw[order[i]] = search.Align(traces[order[i]], cancellationToken);
                }

                return search;
            },
            _ => { });

        return Assemble(prepared, net, raw, emptyTrace);
    }

    private static int CompareReversed(int[] x, int[] y)
    {
        for (int i = x.Length - 1, j = y.Length - 1; i >= 0 && j >= 0; i--, j--)
        {
            if (x[i] != y[j])
            {
                return x[i].CompareTo(y[j]);
            }
        }

        return x.Length.CompareTo(y.Length);
    }

    private static MarkingGraph ExploreModel(PetriNet net, AlignmentOptions options, CancellationToken cancellationToken)
    {
        var graph = new MarkingGraph(net, options.MaxMarkings);
        if (graph.TryExploreAll(cancellationToken))
        {
            graph.ComputeHeuristics(cancellationToken);
        }

        return graph;
    }

    private static AlignmentResult Assemble(LogVariants prepared, PetriNet net, RawAlignment[] raw, RawAlignment emptyTrace)
    {
        var variants = prepared.Variants;
        var results = new VariantAlignment[variants.Count];
        for (var v = 0; v < variants.Count; v++)
        {
            var variant = variants[v];
            var activities = prepared.Activities(v);

            var moves = new AlignmentMove[raw[v].Moves.Length];
            for (var m = 0; m < moves.Length; m++)
            {
                var move = raw[v].Moves[m];
                var label = move.Kind switch
                {
                    MoveKind.Synchronous or MoveKind.LogMove => activities[move.TracePosition],
                    MoveKind.ModelMove => net.Transitions[move.Transition].Label,
                    _ => null,
                };
                moves[m] = new AlignmentMove(move.Kind, label, move.TracePosition);
            }

            var alignment = new TraceAlignment(moves, raw[v].Deviations, activities.Length, emptyTrace.Deviations)
            {
                SilentMoves = raw[v].SilentMoves,
                ShortestModelPathSilentMoves = emptyTrace.SilentMoves,
            };
            results[v] = new VariantAlignment(activities, variant.Cases, alignment);
        }

        var byVariant = new TraceAlignment[results.Length];
        for (var v = 0; v < results.Length; v++)
        {
            byVariant[v] = results[v].Alignment;
        }

        var (average, logFitness, percentage) = LogFigures(byVariant, prepared.CaseVariants);
        return new AlignmentResult(results, prepared.CaseVariants)
        {
            AverageTraceFitness = average,
            LogFitness = logFitness,
            PercentageOfFittingTraces = percentage,
        };
    }

    /// <summary>
    /// PM4Py's average trace fitness, log fitness and percentage of fitting traces of cases whose variants are
    /// <paramref name="caseVariants"/>, summed case by case in that order (so every caller's floating-point sums are identical):
    /// trace fitness = 1 - (cost // 10000) / (bwc // 10000), or 0 when the denominator is 0; a trace fits when its fitness is 1;
    /// log fitness = 1 - sum(raw cost) / sum(raw worst cost), summed over cases.
    /// </summary>
    internal static (double Average, double Log, double Percentage) LogFigures(TraceAlignment[] alignments, int[] caseVariants)
    {
        double fitnessSum = 0;
        long costSum = 0;
        long worstSum = 0;
        var fitting = 0;
        foreach (var v in caseVariants)
        {
            var alignment = alignments[v];
            var denominator = alignment.TraceLength + alignment.ShortestModelPathCost;
            var fitness = denominator > 0 ? 1.0 - ((double)alignment.Cost / denominator) : 0.0;
            fitnessSum += fitness;
            fitting += fitness == 1.0 ? 1 : 0;
            costSum += alignment.RawCost;
            worstSum += alignment.RawWorstCost;
        }

        var cases = caseVariants.Length;
        return (
            cases > 0 ? fitnessSum / cases : 0.0,
            cases > 0 && worstSum > 0 ? 1.0 - ((double)costSum / worstSum) : 0.0,
            cases > 0 ? 100.0 * fitting / cases : 0.0);
    }
}
