using System.Runtime.CompilerServices;

namespace Journeyscope.Conformance;

/// <summary>
/// Incremental (online) alignments against a net: a customer's state is advanced one event at a time, and the optimal
/// alignment cost of the prefix, and of the whole case once it completes, are known at every step. When a case completes
/// its <see cref="CompletionRawCost"/> equals the offline optimal alignment's raw cost (<see cref="Alignments"/>, PM4Py's
/// costs: 10,000 per log or visible model move, 1 per silent move).
/// </summary>
/// <remarks>
/// <para>
/// The state is the set of markings of the synchronous product's "model side" reached by the prefix, each with its
/// cheapest cost, closed under model moves (forward Dijkstra over the completely explored marking graph). An event
/// with label l maps every state to a log move (+10,000) and, for each firing of an l-labelled transition from a marking
/// in the set, to a synchronous move (+0); the result is closed again. The completion cost adds the exact distance from
/// each marking to the final marking. This is the forward dynamic programme of the alignment problem, so it is exact.
/// </para>
/// <para>
/// Cost per event: O(markings + firings) of the net; memory per customer: at most the reachable markings. The model is
/// built once per journey and shared; <see cref="Advance"/> uses scratch arrays of the model, so one model serves one
/// thread at a time (the live monitor holds a lock per workspace).
/// </para>
/// </remarks>
public sealed class PrefixAlignment
{
    private readonly MarkingGraph _graph;
    private readonly PetriNet _net;
    private readonly int[] _scratch;
    private readonly int[] _stamp;
    private readonly int[] _touched;
    private readonly int[] _previous;
    private readonly int[] _previousStamp;
    private int _epoch;

    private PrefixAlignment(PetriNet net, MarkingGraph graph)
    {
        _net = net;
        _graph = graph;
        _scratch = new int[graph.Count];
        _stamp = new int[graph.Count];
        _touched = new int[graph.Count];
        _previous = new int[graph.Count];
        _previousStamp = new int[graph.Count];
    }

    /// <summary>The net's reachable markings (the most a state can hold).</summary>
    public int MarkingCount => _graph.Count;

    /// <summary>Explores <paramref name="net"/>'s state space once and returns the model.</summary>
    /// <exception cref="InvalidOperationException">The net has more than <paramref name="maxMarkings"/> reachable markings, or cannot reach its final marking.</exception>
    public static PrefixAlignment Create(PetriNet net, int maxMarkings = 200_000, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(net);
        var graph = new MarkingGraph(net, maxMarkings);
        if (!graph.TryExploreAll(cancellationToken))
        {
            throw new InvalidOperationException($"The net '{net.Name}' has more than {maxMarkings} reachable markings: too large for live alignments.");
        }

        graph.ComputeHeuristics(cancellationToken);
        if (graph.DistanceToFinal[graph.Initial] == long.MaxValue)
        {
            throw new InvalidOperationException($"The net '{net.Name}' cannot reach its final marking.");
        }

        return new PrefixAlignment(net, graph);
    }

    /// <summary>The state of a customer with no events yet.</summary>
    public PrefixAlignmentState Start()
    {
        var epoch = NextEpoch();
        Set(_graph.Initial, 0, epoch);
        var count = 1;
        count = Close(count, epoch);
        return Collect(count, new PrefixAlignmentState(new int[count], new int[count], 0));
    }

    /// <summary>Whether <paramref name="activity"/> labels a transition of the net.</summary>
    public bool Knows(string activity) => _net.LabelIndex.ContainsKey(activity);

    /// <summary>Consumes one event of <paramref name="state"/>'s customer, with the activity (touchpoint) <paramref name="activity"/>.</summary>
    public PrefixStep Advance(PrefixAlignmentState state, string activity)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(activity);
        var before = state.PrefixRawCost;
        var label = _net.LabelIndex.TryGetValue(activity, out var l) ? l : -1;
        var epoch = NextEpoch();
        var count = 0;

        // A log move from every state.
        for (var i = 0; i < state.Count; i++)
        {
            count = Relax(state.Markings[i], state.Costs[i] + AlignmentCosts.Deviation, epoch, count);
        }

        // A synchronous move for every firing labelled with the event's activity from a marking in the state.
        var syncBest = long.MaxValue;
        if (label >= 0)
        {
            for (var i = 0; i < state.Count; i++)
            {
                _previousStamp[state.Markings[i]] = epoch;
                _previous[state.Markings[i]] = state.Costs[i];
            }

            var sources = _graph.LabelEdgeSource;
            var targets = _graph.LabelEdgeTarget;
            for (var e = _graph.LabelEdgeStart[label]; e < _graph.LabelEdgeStart[label + 1]; e++)
            {
                if (_previousStamp[sources[e]] == epoch)
                {
                    var cost = _previous[sources[e]];
                    syncBest = Math.Min(syncBest, cost);
                    count = Relax(targets[e], cost, epoch, count);
                }
            }
        }

        count = Close(count, epoch);
        Collect(count, state);
        state.Length++;
        var after = state.PrefixRawCost;
        var total = (int)(after / AlignmentCosts.Deviation);
        var added = total - (int)(before / AlignmentCosts.Deviation);
        var kind = added <= 0 ? PrefixStepKind.Conforming
            : syncBest != long.MaxValue && syncBest <= before + (added * (long)AlignmentCosts.Deviation) ? PrefixStepKind.Skipped
            : PrefixStepKind.Unexpected;
        return new PrefixStep(kind, total, Math.Max(0, added));
    }

    /// <summary>The raw cost of the optimal alignment of the case if it completed now (the prefix plus the cheapest way to the end).</summary>
    public long CompletionRawCost(PrefixAlignmentState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var best = long.MaxValue;
        var distance = _graph.DistanceToFinal;
        for (var i = 0; i < state.Count; i++)
        {
            var d = distance[state.Markings[i]];
            if (d != long.MaxValue)
            {
                best = Math.Min(best, state.Costs[i] + d);
            }
        }

        return best;
    }

    /// <summary>Deviations of the optimal alignment of the case if it completed now.</summary>
    public int CompletionDeviations(PrefixAlignmentState state) => (int)(CompletionRawCost(state) / AlignmentCosts.Deviation);

    /// <summary>Whether the customer's prefix can be at the end of the designed flow without any further deviation (the journey is complete).</summary>
    public bool IsComplete(PrefixAlignmentState state) => CompletionRawCost(state) / AlignmentCosts.Deviation == state.PrefixDeviations
        && HasFinal(state);

    private bool HasFinal(PrefixAlignmentState state)
    {
        var best = state.PrefixRawCost;
        for (var i = 0; i < state.Count; i++)
        {
            if (state.Markings[i] == _graph.Final && state.Costs[i] / AlignmentCosts.Deviation == best / AlignmentCosts.Deviation)
            {
                return true;
            }
        }

        return false;
    }

    private int NextEpoch()
    {
        if (++_epoch == int.MaxValue)
        {
            Array.Clear(_stamp);
            Array.Clear(_previousStamp);
            _epoch = 1;
        }

        return _epoch;
    }

    private void Set(int marking, int cost, int epoch)
    {
        _stamp[marking] = epoch;
        _scratch[marking] = cost;
        _touched[0] = marking;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Relax(int marking, int cost, int epoch, int count)
    {
        if (_stamp[marking] != epoch)
        {
            _stamp[marking] = epoch;
            _scratch[marking] = cost;
            _touched[count] = marking;
            return count + 1;
        }

        if (cost < _scratch[marking])
        {
            _scratch[marking] = cost;
        }

        return count;
    }

    /// <summary>Closes the touched markings under model moves (silent +1, visible +10,000): Dijkstra.</summary>
    private int Close(int count, int epoch)
    {
        var queue = new PriorityQueue<int, int>(count);
        for (var i = 0; i < count; i++)
        {
            queue.Enqueue(_touched[i], _scratch[_touched[i]]);
        }

        var labels = _net.TransitionLabelIds;
        while (queue.TryDequeue(out var m, out var cost))
        {
            if (cost != _scratch[m])
            {
                continue;
            }

            var transitions = _graph.EdgeTransitions(m);
            var targets = _graph.EdgeTargets(m);
            for (var e = 0; e < targets.Length; e++)
            {
                var next = cost + (labels[transitions[e]] < 0 ? AlignmentCosts.Silent : AlignmentCosts.Deviation);
                var target = targets[e];
                if (_stamp[target] != epoch)
                {
                    _stamp[target] = epoch;
                    _scratch[target] = next;
                    _touched[count++] = target;
                    queue.Enqueue(target, next);
                }
                else if (next < _scratch[target])
                {
                    _scratch[target] = next;
                    queue.Enqueue(target, next);
                }
            }
        }

        return count;
    }

    private PrefixAlignmentState Collect(int count, PrefixAlignmentState state)
    {
        if (state.Markings.Length < count)
        {
            state.Markings = new int[count];
            state.Costs = new int[count];
        }

        for (var i = 0; i < count; i++)
        {
            state.Markings[i] = _touched[i];
            state.Costs[i] = _scratch[_touched[i]];
        }

        state.Count = count;
        return state;
    }
}
