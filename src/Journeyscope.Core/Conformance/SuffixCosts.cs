using System.Runtime.CompilerServices;

namespace Journeyscope.Conformance;

/// <summary>
/// Exact alignment costs to go for one trace at a time over a completely explored <see cref="MarkingGraph"/>: for every
/// suffix of the trace and every marking, PM4Py's raw cost (10,000 per deviation, 1 per silent move) of the cheapest
/// alignment of that suffix from that marking to the final marking. An optimal alignment is then a walk that follows it.
/// </summary>
/// <remarks>
/// <para>
/// Layer k holds the suffix of length k; layer 0 is the distance to the final marking. Layer k starts from layer k - 1
/// plus 10,000 (a log move of the suffix's first event); the markings that a synchronous move with that event's label
/// makes cheaper seed a Dijkstra over incoming firings, whose queue is three monotone queues merged (the sorted seeds,
/// silent firings +1 and visible model moves +10,000, both first in first out), so it needs no heap. Markings that keep
/// their log-move cost are never relaxed (see <see cref="Settle"/>): a layer costs O(markings) plus the incoming firings
/// of the improved markings.
/// </para>
/// <para>
/// Layers depend only on the suffix, so a trace reuses the layers of its common suffix with the previous trace:
/// variants sorted by their reversed label sequence (see <see cref="Alignments"/>) share most of them. Memory is one
/// int per (suffix length, marking) cell, at most <see cref="MaxCells"/>; longer traces fall back to A*.
/// Not thread-safe: one instance per search.
/// </para>
/// </remarks>
internal sealed class SuffixCosts
{
    /// <summary>The cost of markings from which the final marking cannot be reached.</summary>
    public const int Unreachable = int.MaxValue;

    /// <summary>The most (trace length + 1) x markings cells one instance holds.</summary>
    public const int MaxCells = 4 * 1024 * 1024;

    /// <summary>Raw costs of traces up to this length fit an int (10,000 per deviation).</summary>
    private const int MaxTraceLength = 50_000;

    private readonly MarkingGraph _graph;
    private readonly int _markings;
    private int[] _cost;
    private int[] _trace = new int[16];
    private int _traceLength = -1;
    private long[] _seeds = new long[16];
    private readonly int[] _done;
    private int _stamp;
    private readonly int[] _silentQueue;
    private readonly int[] _silentValue;
    private readonly int[] _modelQueue;
    private readonly int[] _modelValue;

    public SuffixCosts(MarkingGraph graph)
    {
        _graph = graph;
        _markings = graph.Count;
        _cost = new int[_markings * 16];
        _done = new int[_markings];
        _silentQueue = new int[Math.Max(1, graph.SilentPredecessors.Length)];
        _silentValue = new int[_silentQueue.Length];
        _modelQueue = new int[Math.Max(1, graph.VisiblePredecessors.Length)];
        _modelValue = new int[_modelQueue.Length];
        var distance = graph.DistanceToFinal;
        for (var m = 0; m < _markings; m++)
        {
            _cost[m] = distance[m] < MaxTraceLength * (long)AlignmentCosts.Deviation ? (int)distance[m] : Unreachable;
        }
    }

    /// <summary>The cost to go of the suffix of length <paramref name="suffixLength"/> of the last prepared trace, indexed by marking.</summary>
    public ReadOnlySpan<int> Layer(int suffixLength) => _cost.AsSpan(suffixLength * _markings, _markings);

    /// <summary>Computes the layers of <paramref name="trace"/>, reusing those of the common suffix with the previous trace; false when too large.</summary>
    public bool Prepare(ReadOnlySpan<int> trace)
    {
        var n = trace.Length;
        var cells = (long)(n + 1) * _markings;
        if (cells > MaxCells || n > MaxTraceLength)
        {
            return false;
        }

        if (cells > _cost.Length)
        {
            var size = (int)Math.Min(MaxCells, Math.Max(cells, (long)_cost.Length * 2));
            Array.Resize(ref _cost, size);
        }

        var common = 0;
        if (_traceLength >= 0)
        {
            while (common < n && common < _traceLength && trace[n - 1 - common] == _trace[_traceLength - 1 - common])
            {
                common++;
            }
        }

        // Invalidate before computing, so a cancelled or failed computation never leaves stale layers marked valid.
        _traceLength = -1;
        for (var k = common + 1; k <= n; k++)
        {
            ComputeLayer(k, trace[n - k]);
        }

        if (_trace.Length < n)
        {
            _trace = new int[Math.Max(n, _trace.Length * 2)];
        }

        trace.CopyTo(_trace);
        _traceLength = n;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ComputeLayer(int k, int label)
    {
        var next = _cost.AsSpan((k - 1) * _markings, _markings);
        var cost = _cost.AsSpan(k * _markings, _markings);
        for (var m = 0; m < cost.Length; m++)
        {
            var value = next[m];
            cost[m] = value == Unreachable ? Unreachable : value + AlignmentCosts.Deviation;
        }

        if (label < 0)
        {
            return;
        }

        var seeds = 0;
        var sources = _graph.LabelEdgeSource;
        var targets = _graph.LabelEdgeTarget;
        var end = _graph.LabelEdgeStart[label + 1];
        for (var e = _graph.LabelEdgeStart[label]; e < end; e++)
        {
            var value = next[targets[e]];
            var source = sources[e];
            if (value < cost[source])
            {
                cost[source] = value;
                if (seeds == _seeds.Length)
                {
                    Array.Resize(ref _seeds, seeds * 2);
                }

                _seeds[seeds++] = ((long)value << 32) | (uint)source;
            }
        }

        if (seeds > 0)
        {
            _seeds.AsSpan(0, seeds).Sort();
            Settle(cost, seeds);
        }
    }

    /// <summary>
    /// Dijkstra over incoming firings from the markings a synchronous move improved, with three sorted queues merged.
    /// </summary>
    /// <remarks>
    /// Every marking starts at its log-move cost (the previous layer plus 10,000). A marking that keeps it needs no
    /// relaxing: the previous layer is closed under silent and model moves, so each predecessor's own log-move cost is
    /// already at most this one plus the firing's cost. Only the improved markings and their predecessors are visited.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Settle(Span<int> cost, int seeds)
    {
        if (++_stamp == int.MaxValue)
        {
            Array.Clear(_done);
            _stamp = 1;
        }

        var silentStart = _graph.SilentPredecessorStart;
        var silentSources = _graph.SilentPredecessors;
        var visibleStart = _graph.VisiblePredecessorStart;
        var visibleSources = _graph.VisiblePredecessors;
        int seedHead = 0, silentHead = 0, silentTail = 0, modelHead = 0, modelTail = 0;
        while (true)
        {
            // Pick the smallest head by the value it was pushed with; a marking whose cost dropped since was settled earlier.
            var best = long.MaxValue;
            var from = -1;
            if (seedHead < seeds)
            {
                best = _seeds[seedHead] >> 32;
                from = 1;
            }

            if (silentHead < silentTail && _silentValue[silentHead] < best)
            {
                best = _silentValue[silentHead];
                from = 2;
            }

            if (modelHead < modelTail && _modelValue[modelHead] < best)
            {
                best = _modelValue[modelHead];
                from = 3;
            }

            int m;
            switch (from)
            {
                case 1: m = (int)_seeds[seedHead++]; break;
                case 2: m = _silentQueue[silentHead++]; break;
                case 3: m = _modelQueue[modelHead++]; break;
                default: return;
            }

            if (_done[m] == _stamp)
            {
                continue;
            }

            _done[m] = _stamp;
            // A settled predecessor already costs at most this value, so it fails the test without a check of its own.
            var value = cost[m] + AlignmentCosts.Silent;
            for (var r = silentStart[m]; r < silentStart[m + 1]; r++)
            {
                var source = silentSources[r];
                if (value < cost[source])
                {
                    cost[source] = value;
                    _silentValue[silentTail] = value;
                    _silentQueue[silentTail++] = source;
                }
            }

            value = cost[m] + AlignmentCosts.Deviation;
            for (var r = visibleStart[m]; r < visibleStart[m + 1]; r++)
            {
                var source = visibleSources[r];
                if (value < cost[source])
                {
                    cost[source] = value;
                    _modelValue[modelTail] = value;
                    _modelQueue[modelTail++] = source;
                }
            }
        }
    }
}
