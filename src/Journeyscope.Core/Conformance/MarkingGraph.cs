using System.Runtime.CompilerServices;

namespace Journeyscope.Conformance;

/// <summary>
/// The reachable markings of a net, interned as compact byte rows, with their outgoing firings. Either explored
/// completely up front (then read-only and shared by all searches, with the heuristic tables of
/// <see cref="ComputeHeuristics"/>) or expanded lazily by a single search when the state space is too large.
/// </summary>
internal sealed class MarkingGraph
{
    private const int Unexpanded = -1;

    private readonly PetriNet _net;
    private readonly int _width;
    private readonly int _maxMarkings;
    private byte[] _markings;
    private int[] _edgeStart;
    private int[] _edgeCount;
    private int[] _edgeTransition;
    private int[] _edgeTarget;
    private int _edges;
    private int[] _table;
    private int _count;

    public MarkingGraph(PetriNet net, int maxMarkings)
    {
        _net = net;
        _width = Math.Max(1, net.PlaceCount);
        _maxMarkings = maxMarkings;
        _markings = new byte[_width * 64];
        _edgeStart = new int[64];
        _edgeCount = new int[64];
        _edgeTransition = new int[256];
        _edgeTarget = new int[256];
        _table = new int[256];
        Initial = Intern(ToBytes(net.InitialMarking));
        Final = Intern(ToBytes(net.FinalMarking));
    }

    /// <summary>The id of the initial marking.</summary>
    public int Initial { get; }

    /// <summary>The id of the final marking.</summary>
    public int Final { get; }

    /// <summary>The number of markings interned so far.</summary>
    public int Count => _count;

    /// <summary>True when every reachable marking was explored and the heuristic tables are filled.</summary>
    public bool IsComplete { get; private set; }

    /// <summary>Per marking: the cheapest raw cost (10000 per visible, 1 per silent transition) to the final marking; <see cref="long.MaxValue"/> when unreachable.</summary>
    public long[] DistanceToFinal { get; private set; } = [];

    /// <summary>Per marking, <see cref="LabelWords"/> words: the labels some transition can still fire with on a path from it.</summary>
    public ulong[] FutureLabels { get; private set; } = [];

    /// <summary>Words per marking in <see cref="FutureLabels"/>.</summary>
    public int LabelWords { get; private set; }

    /// <summary>Incoming silent firings by target marking: the sources of those into m are <c>SilentPredecessors[SilentPredecessorStart[m]..SilentPredecessorStart[m + 1]]</c>.</summary>
    public int[] SilentPredecessorStart { get; private set; } = [];

    /// <summary>The source markings of incoming silent firings, grouped by <see cref="SilentPredecessorStart"/>.</summary>
    public int[] SilentPredecessors { get; private set; } = [];

    /// <summary>Incoming visible firings by target marking, as <see cref="SilentPredecessorStart"/>.</summary>
    public int[] VisiblePredecessorStart { get; private set; } = [];

    /// <summary>The source markings of incoming visible firings, grouped by <see cref="VisiblePredecessorStart"/>.</summary>
    public int[] VisiblePredecessors { get; private set; } = [];

    /// <summary>Firings of visible transitions grouped by label: those of label l are <c>[LabelEdgeStart[l], LabelEdgeStart[l + 1])</c>.</summary>
    public int[] LabelEdgeStart { get; private set; } = [];

    /// <summary>The source marking of each firing in <see cref="LabelEdgeStart"/>'s grouping.</summary>
    public int[] LabelEdgeSource { get; private set; } = [];

    /// <summary>The target marking of each firing in <see cref="LabelEdgeStart"/>'s grouping.</summary>
    public int[] LabelEdgeTarget { get; private set; } = [];

    public ReadOnlySpan<int> EdgeTransitions(int marking) => _edgeTransition.AsSpan(_edgeStart[marking], _edgeCount[marking]);

    public ReadOnlySpan<int> EdgeTargets(int marking) => _edgeTarget.AsSpan(_edgeStart[marking], _edgeCount[marking]);

    public bool IsExpanded(int marking) => _edgeStart[marking] != Unexpanded;

    /// <summary>Explores every reachable marking; false when there are more than the limit or a place overflows 255 tokens.</summary>
    public bool TryExploreAll(CancellationToken cancellationToken)
    {
        for (var m = 0; m < _count; m++)
        {
            if ((m & 4095) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (!TryExpand(m))
            {
                return false;
            }
        }

        IsComplete = true;
        return true;
    }

    /// <summary>Computes the outgoing firings of <paramref name="marking"/> once; false when the limits are exceeded.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryExpand(int marking)
    {
        if (_edgeStart[marking] != Unexpanded)
        {
            return true;
        }

        Span<byte> next = _width <= 512 ? stackalloc byte[_width] : new byte[_width];
        var start = _edges;
        for (var t = 0; t < _net.TransitionCount; t++)
        {
            var row = Row(marking);
            if (!Enabled(t, row))
            {
                continue;
            }

            row.CopyTo(next);
            if (!TryFire(t, next))
            {
                return false;
            }

            var target = Intern(next);
            if (target < 0)
            {
                return false;
            }

            if (_edges == _edgeTarget.Length)
            {
                Array.Resize(ref _edgeTarget, _edges * 2);
                Array.Resize(ref _edgeTransition, _edges * 2);
            }

            _edgeTransition[_edges] = t;
            _edgeTarget[_edges] = target;
            _edges++;
        }

        _edgeStart[marking] = start;
        _edgeCount[marking] = _edges - start;
        return true;
    }

    /// <summary>
    /// Fills <see cref="DistanceToFinal"/> (a backward Dijkstra), <see cref="FutureLabels"/> (a backward fixpoint) and the
    /// edge indexes that <see cref="SuffixCosts"/> reads (incoming firings, visible firings by label).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void ComputeHeuristics(CancellationToken cancellationToken)
    {
        var labelIds = _net.TransitionLabelIds;
        var reverseStart = new int[_count + 1];
        for (var e = 0; e < _edges; e++)
        {
            reverseStart[_edgeTarget[e] + 1]++;
        }

        for (var m = 0; m < _count; m++)
        {
            reverseStart[m + 1] += reverseStart[m];
        }

        var reverseSource = new int[_edges];
        var reverseTransition = new int[_edges];
        var fill = reverseStart.AsSpan(0, _count).ToArray();
        for (var m = 0; m < _count; m++)
        {
            for (var e = _edgeStart[m]; e < _edgeStart[m] + _edgeCount[m]; e++)
            {
                var slot = fill[_edgeTarget[e]]++;
                reverseSource[slot] = m;
                reverseTransition[slot] = _edgeTransition[e];
            }
        }

        var distance = new long[_count];
        Array.Fill(distance, long.MaxValue);
        distance[Final] = 0;
        var queue = new PriorityQueue<int, long>();
        queue.Enqueue(Final, 0);
        var popped = 0;
        while (queue.TryDequeue(out var m, out var d))
        {
            if (d != distance[m])
            {
                continue;
            }

            if ((++popped & 4095) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            for (var r = reverseStart[m]; r < reverseStart[m + 1]; r++)
            {
                var source = reverseSource[r];
                var candidate = d + (labelIds[reverseTransition[r]] < 0 ? AlignmentCosts.Silent : AlignmentCosts.Deviation);
                if (candidate < distance[source])
                {
                    distance[source] = candidate;
                    queue.Enqueue(source, candidate);
                }
            }
        }

        var words = Math.Max(1, (_net.Labels.Count + 63) / 64);
        var future = new ulong[_count * words];
        var changed = true;
        while (changed)
        {
            cancellationToken.ThrowIfCancellationRequested();
            changed = false;
            for (var m = _count - 1; m >= 0; m--)
            {
                var own = future.AsSpan(m * words, words);
                for (var e = _edgeStart[m]; e < _edgeStart[m] + _edgeCount[m]; e++)
                {
                    var target = future.AsSpan(_edgeTarget[e] * words, words);
                    var label = labelIds[_edgeTransition[e]];
                    for (var w = 0; w < words; w++)
                    {
                        var merged = own[w] | target[w];
                        if (label >= 0 && label >> 6 == w)
                        {
                            merged |= 1UL << (label & 63);
                        }

                        if (merged != own[w])
                        {
                            own[w] = merged;
                            changed = true;
                        }
                    }
                }
            }
        }

        DistanceToFinal = distance;
        FutureLabels = future;
        LabelWords = words;
        (SilentPredecessorStart, SilentPredecessors) = Predecessors(silent: true);
        (VisiblePredecessorStart, VisiblePredecessors) = Predecessors(silent: false);
        IndexEdgesByLabel();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (int[] Start, int[] Sources) Predecessors(bool silent)
    {
        var labelIds = _net.TransitionLabelIds;
        var start = new int[_count + 1];
        for (var e = 0; e < _edges; e++)
        {
            if (labelIds[_edgeTransition[e]] < 0 == silent)
            {
                start[_edgeTarget[e] + 1]++;
            }
        }

        for (var m = 0; m < _count; m++)
        {
            start[m + 1] += start[m];
        }

        var sources = new int[start[_count]];
        var fill = start.AsSpan(0, _count).ToArray();
        for (var m = 0; m < _count; m++)
        {
            for (var e = _edgeStart[m]; e < _edgeStart[m] + _edgeCount[m]; e++)
            {
                if (labelIds[_edgeTransition[e]] < 0 == silent)
                {
                    sources[fill[_edgeTarget[e]]++] = m;
                }
            }
        }

        return (start, sources);
    }

    private void IndexEdgesByLabel()
    {
        var labelIds = _net.TransitionLabelIds;
        var labels = _net.Labels.Count;
        var start = new int[labels + 1];
        for (var m = 0; m < _count; m++)
        {
            for (var e = _edgeStart[m]; e < _edgeStart[m] + _edgeCount[m]; e++)
            {
                var label = labelIds[_edgeTransition[e]];
                if (label >= 0)
                {
                    start[label + 1]++;
                }
            }
        }

        for (var l = 0; l < labels; l++)
        {
            start[l + 1] += start[l];
        }

        var fill = start.AsSpan(0, labels).ToArray();
        var sources = new int[start[labels]];
        var targets = new int[start[labels]];
        for (var m = 0; m < _count; m++)
        {
            for (var e = _edgeStart[m]; e < _edgeStart[m] + _edgeCount[m]; e++)
            {
                var label = labelIds[_edgeTransition[e]];
                if (label >= 0)
                {
                    var slot = fill[label]++;
                    sources[slot] = m;
                    targets[slot] = _edgeTarget[e];
                }
            }
        }

        LabelEdgeStart = start;
        LabelEdgeSource = sources;
        LabelEdgeTarget = targets;
    }

    private static byte[] ToBytes(ReadOnlySpan<int> marking)
    {
        var bytes = new byte[Math.Max(1, marking.Length)];
        for (var p = 0; p < marking.Length; p++)
        {
            if (marking[p] > byte.MaxValue)
            {
                throw new ArgumentException("Markings with more than 255 tokens in a place are not supported.", nameof(marking));
            }

            bytes[p] = (byte)marking[p];
        }

        return bytes;
    }

    private Span<byte> Row(int marking) => _markings.AsSpan(marking * _width, _width);

    private bool Enabled(int transition, ReadOnlySpan<byte> row)
    {
        var places = _net.InputPlaces(transition);
        var weights = _net.InputWeights(transition);
        for (var i = 0; i < places.Length; i++)
        {
            if (row[places[i]] < weights[i])
            {
                return false;
            }
        }

        return true;
    }

    private bool TryFire(int transition, Span<byte> row)
    {
        var places = _net.InputPlaces(transition);
        var weights = _net.InputWeights(transition);
        for (var i = 0; i < places.Length; i++)
        {
            row[places[i]] -= (byte)weights[i];
        }

        places = _net.OutputPlaces(transition);
        weights = _net.OutputWeights(transition);
        for (var i = 0; i < places.Length; i++)
        {
            var tokens = row[places[i]] + weights[i];
            if (tokens > byte.MaxValue)
            {
                return false;
            }

            row[places[i]] = (byte)tokens;
        }

        return true;
    }

    /// <summary>The id of <paramref name="row"/>, adding it when new; -1 when the marking limit is reached.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Intern(ReadOnlySpan<byte> row)
    {
        var hash = Hash(row);
        var mask = _table.Length - 1;
        var slot = hash & mask;
        while (_table[slot] != 0)
        {
            var id = _table[slot] - 1;
            if (Row(id).SequenceEqual(row))
            {
                return id;
            }

            slot = (slot + 1) & mask;
        }

        if (_count >= _maxMarkings)
        {
            return -1;
        }

        var newId = _count++;
        if (_count * _width > _markings.Length)
        {
            Array.Resize(ref _markings, _markings.Length * 2);
        }

        if (_count > _edgeStart.Length)
        {
            Array.Resize(ref _edgeStart, _edgeStart.Length * 2);
            Array.Resize(ref _edgeCount, _edgeCount.Length * 2);
        }

        _edgeStart[newId] = Unexpanded;
        row.CopyTo(Row(newId));
        _table[slot] = newId + 1;
        if (_count * 2 > _table.Length)
        {
            Rehash();
        }

        return newId;
    }

    private void Rehash()
    {
        var table = new int[_table.Length * 2];
        var mask = table.Length - 1;
        for (var id = 0; id < _count; id++)
        {
            var slot = Hash(Row(id)) & mask;
            while (table[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            table[slot] = id + 1;
        }

        _table = table;
    }

    private static int Hash(ReadOnlySpan<byte> row)
    {
        var hash = new HashCode();
        hash.AddBytes(row);
        return hash.ToHashCode() & int.MaxValue;
    }
}
