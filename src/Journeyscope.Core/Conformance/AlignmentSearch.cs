namespace Journeyscope.Conformance;

/// <summary>
/// Optimal alignment of one trace with a net, with PM4Py's integer costs (<see cref="AlignmentCosts"/>): with a completely
/// explored <see cref="MarkingGraph"/> a walk along the exact costs to go of <see cref="SuffixCosts"/>, otherwise A* over
/// the synchronous product of the trace and the net. One instance per thread: its tables, node arrays, index and queue
/// are reused from one variant to the next.
/// </summary>
/// <remarks>
/// The A* fallback (traces too long for the cost table, or a lazily explored graph):
/// A state is a (marking id, trace position) pair. With a completely explored <see cref="MarkingGraph"/> the heuristic
/// is <c>10000 * (L + max(0, V - (R - L)))</c>, where R is the number of events left, L those whose label no transition
/// can fire any more from the marking (each needs a log move), and V the fewest visible transitions to the final
/// marking (each needs a model move unless an event pays for it); with no events left it is the exact distance to
/// the final marking. It is admissible and consistent, so the first time the final state is taken from the queue its
/// cost is optimal, and closed states are never reopened. States from which the final marking is unreachable are pruned.
/// Without a complete graph the heuristic counts only events whose label is not in the model at all.
/// </remarks>
internal sealed partial class AlignmentSearch
{
    private const byte KindSync = 0;
    private const byte KindLog = 1;
    private const byte KindModel = 2;
    private const byte KindSilent = 3;

    private readonly PetriNet _net;
    private readonly MarkingGraph? _complete;
    private readonly int _maxMarkings;
    private readonly SuffixCosts? _suffixCosts;
    private readonly Dictionary<long, int> _index = [];
    private readonly PriorityQueue<int, long> _open = new();
    private MarkingGraph? _lazy;
    private int[] _nodeMarking = new int[1024];
    private int[] _nodePosition = new int[1024];
    private int[] _nodeParent = new int[1024];
    private int[] _nodeTransition = new int[1024];
    private byte[] _nodeKind = new byte[1024];
    private long[] _nodeCost = new long[1024];
    private long[] _nodeHeuristic = new long[1024];
    private bool[] _nodeClosed = new bool[1024];
    private int[] _suffixUnknown = new int[64];
    private int _nodes;

    /// <param name="net">The net.</param>
    /// <param name="complete">The completely explored marking graph with its heuristics, or null to explore lazily.</param>
    /// <param name="maxMarkings">The most markings a lazy search interns.</param>
    /// <param name="walkCostTable">False to use A* even with a complete graph (tests compare the two).</param>
    public AlignmentSearch(PetriNet net, MarkingGraph? complete, int maxMarkings, bool walkCostTable = true)
    {
        _net = net;
        _complete = complete;
        _maxMarkings = maxMarkings;
        _suffixCosts = complete is null || !walkCostTable ? null : new SuffixCosts(complete);
    }

    /// <summary>Aligns a trace given as model label ids (-1 for activities the model does not know).</summary>
    public RawAlignment Align(ReadOnlySpan<int> trace, CancellationToken cancellationToken)
    {
        if (_complete is not null)
        {
            if (_suffixCosts is not null && _suffixCosts.Prepare(trace))
            {
                return Walk(_complete, _suffixCosts, trace)
                    ?? throw new InvalidOperationException("The final marking of the net is not reachable from its initial marking.");
            }

            return Search(_complete, trace, cancellationToken)
                ?? throw new InvalidOperationException("The final marking of the net is not reachable from its initial marking.");
        }

        _lazy ??= NewLazyGraph();
        var result = Search(_lazy, trace, cancellationToken);
        if (result is null && _lazy.Count >= _maxMarkings)
        {
            _lazy = NewLazyGraph();
            result = Search(_lazy, trace, cancellationToken);
        }

        return result ?? throw new InvalidOperationException(_lazy.Count >= _maxMarkings
            ? $"The net has more than {_maxMarkings:N0} reachable markings along this trace's search; raise AlignmentOptions.MaxMarkings or check that the net is bounded."
            : "The final marking of the net is not reachable from its initial marking.");
    }

    private MarkingGraph NewLazyGraph() => new(_net, _maxMarkings);

    private RawAlignment? Search(MarkingGraph graph, ReadOnlySpan<int> trace, CancellationToken cancellationToken)
    {
        var n = trace.Length;
        Reset(n, trace);
        var labelIds = _net.TransitionLabelIds;
        var distance = graph.IsComplete ? graph.DistanceToFinal : null;
        if (distance is not null && distance[graph.Initial] == long.MaxValue)
        {
            return null;
        }

        Relax(graph, trace, graph.Initial, 0, 0, KindSilent, -1, -1);
        var popped = 0;
        while (_open.TryDequeue(out var node, out _))
        {
            if (_nodeClosed[node])
            {
                continue;
            }

            if ((++popped & 4095) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            _nodeClosed[node] = true;
            var marking = _nodeMarking[node];
            var position = _nodePosition[node];
            var cost = _nodeCost[node];
            if (position == n && marking == graph.Final)
            {
                return Reconstruct(node);
            }

            if (!graph.TryExpand(marking))
            {
                return null;
            }

            var transitions = graph.EdgeTransitions(marking);
            var targets = graph.EdgeTargets(marking);
            var next = position < n ? trace[position] : int.MinValue;
            for (var e = 0; e < transitions.Length; e++)
            {
                var target = targets[e];
                if (distance is not null && distance[target] == long.MaxValue)
                {
                    continue;
                }

                var transition = transitions[e];
                var label = labelIds[transition];
                if (label < 0)
                {
                    Relax(graph, trace, target, position, cost + AlignmentCosts.Silent, KindSilent, transition, node);
                    continue;
                }

                if (label == next)
                {
                    Relax(graph, trace, target, position + 1, cost, KindSync, transition, node);
                }

                Relax(graph, trace, target, position, cost + AlignmentCosts.Deviation, KindModel, transition, node);
            }

            if (position < n)
            {
                Relax(graph, trace, marking, position + 1, cost + AlignmentCosts.Deviation, KindLog, -1, node);
            }
        }

        return null;
    }

    private void Reset(int n, ReadOnlySpan<int> trace)
    {
        _index.Clear();
        _open.Clear();
        _nodes = 0;
        if (_suffixUnknown.Length < n + 1)
        {
            _suffixUnknown = new int[Math.Max(n + 1, _suffixUnknown.Length * 2)];
        }

        _suffixUnknown[n] = 0;
        for (var i = n - 1; i >= 0; i--)
        {
            _suffixUnknown[i] = _suffixUnknown[i + 1] + (trace[i] < 0 ? 1 : 0);
        }
    }

    private void Relax(MarkingGraph graph, ReadOnlySpan<int> trace, int marking, int position, long cost, byte kind, int transition, int parent)
    {
        var n = trace.Length;
        var key = ((long)marking * (n + 1)) + position;
        if (_index.TryGetValue(key, out var node))
        {
            if (cost >= _nodeCost[node])
            {
                return;
            }
        }
        else
        {
            node = NewNode();
            _index.Add(key, node);
            _nodeMarking[node] = marking;
            _nodePosition[node] = position;
            _nodeHeuristic[node] = Heuristic(graph, trace, marking, position);
        }

        _nodeCost[node] = cost;
        _nodeParent[node] = parent;
        _nodeTransition[node] = transition;
        _nodeKind[node] = kind;
        _nodeClosed[node] = false;
        var f = cost + _nodeHeuristic[node];
        _open.Enqueue(node, (f * (n + 1)) + (n - position));
    }

    private long Heuristic(MarkingGraph graph, ReadOnlySpan<int> trace, int marking, int position)
    {
        if (!graph.IsComplete)
        {
            return (long)AlignmentCosts.Deviation * _suffixUnknown[position];
        }

        var distance = graph.DistanceToFinal[marking];
        var remaining = trace.Length - position;
        if (remaining == 0)
        {
            return distance;
        }

        var words = graph.LabelWords;
        var future = graph.FutureLabels.AsSpan(marking * words, words);
        var unreachable = 0;
        for (var j = position; j < trace.Length; j++)
        {
            var label = trace[j];
            if (label < 0 || (future[label >> 6] & (1UL << (label & 63))) == 0)
            {
                unreachable++;
            }
        }

        var visible = distance / AlignmentCosts.Deviation;
        var modelMoves = Math.Max(0, visible - (remaining - unreachable));
        return AlignmentCosts.Deviation * (unreachable + modelMoves);
    }

    private int NewNode()
    {
        if (_nodes == _nodeMarking.Length)
        {
            var size = _nodes * 2;
            Array.Resize(ref _nodeMarking, size);
            Array.Resize(ref _nodePosition, size);
            Array.Resize(ref _nodeParent, size);
            Array.Resize(ref _nodeTransition, size);
            Array.Resize(ref _nodeKind, size);
            Array.Resize(ref _nodeCost, size);
            Array.Resize(ref _nodeHeuristic, size);
            Array.Resize(ref _nodeClosed, size);
        }

        return _nodes++;
    }

    private RawAlignment Reconstruct(int goal)
    {
        var count = 0;
        for (var node = goal; _nodeParent[node] >= 0; node = _nodeParent[node])
        {
            count++;
        }

        var moves = new RawMove[count];
        var deviations = 0;
        var silent = 0;
        var index = count;
        for (var node = goal; _nodeParent[node] >= 0; node = _nodeParent[node])
        {
            var parentPosition = _nodePosition[_nodeParent[node]];
            var kind = _nodeKind[node] switch
            {
                KindSync => MoveKind.Synchronous,
                KindLog => MoveKind.LogMove,
                KindModel => MoveKind.ModelMove,
                _ => MoveKind.SilentMove,
            };
            if (kind is MoveKind.LogMove or MoveKind.ModelMove)
            {
                deviations++;
            }
            else if (kind == MoveKind.SilentMove)
            {
                silent++;
            }

            moves[--index] = new RawMove(kind, _nodeTransition[node], parentPosition);
        }

        return new RawAlignment(moves, deviations, silent);
    }
}

/// <summary>One move of a raw alignment: the transition is -1 for a log move; the position is the trace position before the move.</summary>
internal readonly record struct RawMove(MoveKind Kind, int Transition, int TracePosition);

/// <summary>An optimal alignment as found by <see cref="AlignmentSearch"/>.</summary>
internal sealed record RawAlignment(RawMove[] Moves, int Deviations, int SilentMoves);
