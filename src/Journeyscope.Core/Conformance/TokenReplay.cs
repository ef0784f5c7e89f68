using Journeyscope.EventLogs;

namespace Journeyscope.Conformance;

/// <summary>Token-based replay of a log on a Petri net: a fast, approximate conformance check (PM4Py's definition of fitness).</summary>
/// <remarks>
/// Each trace starts with the initial marking (tokens produced). For each event, a transition with its label fires:
/// an enabled one when there is one; otherwise the shortest sequence of silent transitions that enables one is fired
/// first (breadth-first over markings, at most <see cref="MaxSilentSearchStates"/> markings); otherwise the missing
/// tokens are added (counted as missing). Events with an activity the model does not know are skipped, as in PM4Py. At the end,
/// silent transitions are fired along the shortest path to the final marking when one exists; the final marking is
/// consumed (missing tokens counted) and the tokens left beyond it count as remaining. Trace fitness is
/// <c>½(1 − m/c) + ½(1 − r/p)</c>. PM4Py's own replay chooses silent paths with a place-to-place shortest-path heuristic,
/// so its figures can differ slightly from these; docs/conformance.md states the measured gap.
/// </remarks>
public static partial class TokenReplay
{
    /// <summary>The most markings explored when looking for silent transitions that enable the next step.</summary>
    public const int MaxSilentSearchStates = 4096;

    private const int MaxCachedPaths = 100_000;

    /// <summary>Replays every variant of <paramref name="log"/> on <paramref name="net"/>.</summary>
    public static TokenReplayResult Compute(EventLog log, PetriNet net, AlignmentOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= AlignmentOptions.Default;
        var prepared = LogVariants.Prepare(log, net, options);
        var variants = prepared.Variants;
        var labelOfActivity = prepared.LabelOfActivity;
        var replays = new TokenReplayTrace[variants.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        var model = new ReplayModel(net);
        Parallel.For(0, variants.Count, parallel,
            () => new Dictionary<int[], int[]?>(MarkingComparer.Instance),
            (v, _, cache) =>
            {
                replays[v] = Replay(model, cache, variants[v].Codes, labelOfActivity);
                return cache;
            },
            _ => { });

        var caseVariants = prepared.CaseVariants;
        var activities = new IReadOnlyList<string>[variants.Count];
        for (var v = 0; v < variants.Count; v++)
        {
            activities[v] = prepared.Activities(v);
        }

        long produced = 0, consumed = 0, missing = 0, remaining = 0;
        double fitnessSum = 0;
        var fitting = 0;
        foreach (var v in caseVariants)
        {
            var replay = replays[v];
            produced += replay.Produced;
            consumed += replay.Consumed;
            missing += replay.Missing;
            remaining += replay.Remaining;
            fitnessSum += replay.Fitness;
            fitting += replay.IsFitting ? 1 : 0;
        }

        var cases = caseVariants.Length;
        return new TokenReplayResult(replays, activities, caseVariants)
        {
            LogFitness = consumed > 0 && produced > 0
                ? (0.5 * (1.0 - ((double)missing / consumed))) + (0.5 * (1.0 - ((double)remaining / produced)))
                : 1.0,
            AverageTraceFitness = cases > 0 ? fitnessSum / cases : 0.0,
            PercentageOfFittingTraces = cases > 0 ? 100.0 * fitting / cases : 0.0,
        };
    }

    private static TokenReplayTrace Replay(ReplayModel model, Dictionary<int[], int[]?> cache, int[] codes, int[] labelOfActivity)
    {
        var net = model.Net;
        var marking = net.InitialMarking.ToArray();
        long produced = Sum(marking), consumed = 0, missing = 0;
        var unknown = 0;
        var labelIds = net.TransitionLabelIds;
        foreach (var code in codes)
        {
            var label = labelOfActivity[code];
            if (label < 0)
            {
                unknown++;
                continue;
            }

            var chosen = model.FirstEnabled(marking, label);
            if (chosen < 0)
            {
                var path = SilentPathEnabling(model, cache, marking, label);
                if (path is not null)
                {
                    foreach (var silent in path)
                    {
                        (produced, consumed) = Fire(net, silent, marking, produced, consumed);
                    }

                    chosen = model.FirstEnabled(marking, label);
                }
            }

            if (chosen < 0)
            {
                chosen = Array.IndexOf(labelIds, label);
                var places = net.InputPlaces(chosen);
                var weights = net.InputWeights(chosen);
                for (var i = 0; i < places.Length; i++)
                {
                    var deficit = weights[i] - marking[places[i]];
                    if (deficit > 0)
                    {
                        missing += deficit;
                        marking[places[i]] += deficit;
                    }
                }
            }

            (produced, consumed) = Fire(net, chosen, marking, produced, consumed);
        }

        var finalArray = net.FinalMarking.ToArray();
        var final = net.FinalMarking;
        if (!marking.AsSpan().SequenceEqual(final))
        {
            var relevant = SilentFeeders(net, Enumerable.Range(0, finalArray.Length).Where(p => finalArray[p] > 0 || marking[p] > 0));
            var path = SilentPath(net, marking, relevant, m => m.AsSpan().SequenceEqual(finalArray))
                ?? SilentPath(net, marking, relevant, m => Covers(m, finalArray));
            if (path is not null)
            {
                foreach (var silent in path)
                {
                    (produced, consumed) = Fire(net, silent, marking, produced, consumed);
                }
            }
        }

        long remaining = 0;
        for (var p = 0; p < marking.Length; p++)
        {
            consumed += final[p];
            if (marking[p] < final[p])
            {
                missing += final[p] - marking[p];
            }
            else
            {
                remaining += marking[p] - final[p];
            }
        }

        return new TokenReplayTrace(produced, consumed, missing, remaining, unknown);
    }

    private static (long Produced, long Consumed) Fire(PetriNet net, int transition, int[] marking, long produced, long consumed)
    {
        net.Fire(transition, marking);
        return (produced + Sum(net.OutputWeights(transition)), consumed + Sum(net.InputWeights(transition)));
    }

    /// <summary>
    /// The silent path that enables <paramref name="label"/> from <paramref name="marking"/>, cached per thread by
    /// (label, marking): the search is deterministic, so a cached path is the one the search would find again.
    /// </summary>
    private static int[]? SilentPathEnabling(ReplayModel model, Dictionary<int[], int[]?> cache, int[] marking, int label)
    {
        var key = new int[marking.Length + 1];
        key[0] = label;
        marking.CopyTo(key, 1);
        if (!cache.TryGetValue(key, out var path))
        {
            path = SilentPath(model.Net, marking, model.FeedersOf(label), m => model.FirstEnabled(m, label) >= 0)?.ToArray();
            if (cache.Count >= MaxCachedPaths)
            {
                cache.Clear();
            }

            cache.Add(key, path);
        }

        return path;
    }

    /// <summary>The shortest sequence of silent transitions from <paramref name="start"/> to a marking that satisfies <paramref name="goal"/>.</summary>
    private static List<int>? SilentPath(PetriNet net, int[] start, bool[] relevant, Func<int[], bool> goal)
    {
        var markings = new List<int[]> { start };
        var parents = new List<(int Parent, int Transition)> { (-1, -1) };
        var seen = new HashSet<int[]>(MarkingComparer.Instance) { start };
        var labelIds = net.TransitionLabelIds;
        for (var head = 0; head < markings.Count && markings.Count < MaxSilentSearchStates; head++)
        {
            var current = markings[head];
            for (var t = 0; t < labelIds.Length; t++)
            {
                if (!relevant[t] || !net.IsEnabled(t, current))
                {
                    continue;
                }

                var next = (int[])current.Clone();
                net.Fire(t, next);
                if (!seen.Add(next))
                {
                    continue;
                }

                markings.Add(next);
                parents.Add((head, t));
                if (goal(next))
                {
                    var path = new List<int>();
                    for (var node = markings.Count - 1; parents[node].Parent >= 0; node = parents[node].Parent)
                    {
                        path.Add(parents[node].Transition);
                    }

                    path.Reverse();
                    return path;
                }
            }
        }

        return null;
    }

    internal static IEnumerable<int> InputPlacesOfLabel(PetriNet net, int label)
    {
        var places = new List<int>();
        for (var t = 0; t < net.TransitionCount; t++)
        {
            if (net.TransitionLabelIds[t] == label)
            {
                places.AddRange(net.InputPlaces(t).ToArray());
            }
        }

        return places;
    }

    /// <summary>
    /// The silent transitions that can move tokens towards <paramref name="targets"/> through silent transitions only.
    /// Restricting the search to them avoids interleaving unrelated silent steps of parallel branches.
    /// </summary>
    internal static bool[] SilentFeeders(PetriNet net, IEnumerable<int> targets)
    {
        var placeReached = new bool[net.PlaceCount];
        foreach (var p in targets)
        {
            placeReached[p] = true;
        }

        var relevant = new bool[net.TransitionCount];
        var changed = true;
        while (changed)
        {
            changed = false;
            for (var t = 0; t < net.TransitionCount; t++)
            {
                if (relevant[t] || net.TransitionLabelIds[t] >= 0)
                {
                    continue;
                }

                foreach (var p in net.OutputPlaces(t))
                {
                    if (placeReached[p])
                    {
                        relevant[t] = true;
                        break;
                    }
                }

                if (relevant[t])
                {
                    changed = true;
                    foreach (var p in net.InputPlaces(t))
                    {
                        placeReached[p] = true;
                    }
                }
            }
        }

        return relevant;
    }

    private static bool Covers(int[] marking, ReadOnlySpan<int> final)
    {
        for (var p = 0; p < marking.Length; p++)
        {
            if (marking[p] < final[p])
            {
                return false;
            }
        }

        return true;
    }

    private static long Sum(ReadOnlySpan<int> values)
    {
        long sum = 0;
        foreach (var value in values)
        {
            sum += value;
        }

        return sum;
    }
}
