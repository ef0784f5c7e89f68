using System.Diagnostics;

namespace Journeyscope.Discovery;

public sealed partial class DiscoveryPartial
{
    /// <summary>Folds <paramref name="other"/> into this partial. The two must cover disjoint cases of the same log.</summary>
    /// <remarks>
    /// O(edges + variants of <paramref name="other"/>): counts add and its edge and variant ids are mapped to ours; its
    /// duration rows are referenced, not copied (<see cref="Finish"/> reads them in place). <paramref name="other"/> is
    /// not changed and stays usable. Associative and, after <see cref="Finish"/>, commutative.
    /// </remarks>
    /// <exception cref="ArgumentException">The partials come from different logs.</exception>
    public void Merge(DiscoveryPartial other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!ReferenceEquals(other._log, _log))
        {
            throw new ArgumentException("Only partials computed from the same event log can be merged.", nameof(other));
        }

        if (ReferenceEquals(other, this))
        {
            throw new ArgumentException("A partial cannot be merged into itself.", nameof(other));
        }

        Debug.Assert(other._caseMeasures == _caseMeasures, "Discovery and process map partials do not merge.");
        Debug.Assert(
            other._keep is null ? _keep is null : _keep is not null && other._keep.AsSpan().SequenceEqual(_keep),
            "Partials of the same projection only.");
        _ownEdgeCount ??= _edgeCount.Span.ToArray();
        if (_sourceEvents is not null)
        {
            AddInto(_sourceEvents, other._sourceEvents);
        }

        AddInto(_events, other._events);
        AddInto(_activityCases, other._activityCases);
        AddInto(_reworkCases, other._reworkCases);
        AddInto(_selfLoops, other._selfLoops);
        AddInto(_startCounts, other._startCounts);
        AddInto(_endCounts, other._endCounts);
        var edgeMap = MergeEdges(other);
        var variantMap = MergeVariants(other);
        _segments.Add(new Segment(other, edgeMap, variantMap));
        foreach (var nested in other._segments)
        {
            _segments.Add(new Segment(nested.Source, Compose(edgeMap, nested.EdgeMap), Compose(variantMap, nested.VariantMap)));
        }

        _caseTotal += other._caseTotal;
        _nonEmptyCases += other._nonEmptyCases;
    }

    private static void AddInto(Span<long> target, ReadOnlySpan<long> source)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] += source[i];
        }
    }

    private int[] MergeEdges(DiscoveryPartial other)
    {
        if (_edgeLookup is null)
        {
            _edgeLookup = new Dictionary<long, int>(_edgeFrom.Count);
            for (var slot = 0; slot < _edgeFrom.Count; slot++)
            {
                _edgeLookup.Add(((long)_edgeFrom[slot] * _activityCount) + _edgeTo[slot], slot);
            }
        }

        var edges = other._edgeFrom.Count;
        var map = new int[edges];
        for (var e = 0; e < edges; e++)
        {
            var key = ((long)other._edgeFrom[e] * _activityCount) + other._edgeTo[e];
            if (!_edgeLookup.TryGetValue(key, out var slot))
            {
                slot = AddEdge(other._edgeFrom[e], other._edgeTo[e]);
            }

            _edgeCount[slot] += other._edgeCount[e];
            _edgeCases[slot] += other._edgeCases[e];
            map[e] = slot;
        }

        return map;
    }

    private int[] MergeVariants(DiscoveryPartial other)
    {
        var variants = other._variants.Count;
        var map = new int[variants];
        for (var v = 0; v < variants; v++)
        {
            var id = _variants.GetOrAdd(other._variants.Get(v), other._variants.HashOf(v), out var added);
            if (added)
            {
                _variantCases.Add(0);
                _variantFirstCase.Add(other._variantFirstCase[v]);
            }
            else if (other._variantFirstCase[v] < _variantFirstCase[id])
            {
                _variantFirstCase[id] = other._variantFirstCase[v];
            }

            _variantCases[id] += other._variantCases[v];
            map[v] = id;
        }

        return map;
    }

    private static int[] Compose(int[] outer, int[] inner)
    {
        var composed = new int[inner.Length];
        for (var i = 0; i < inner.Length; i++)
        {
            composed[i] = outer[inner[i]];
        }

        return composed;
    }

    /// <summary>Rows of a merged partial's own data, with its edge and variant ids mapped to the owner's.</summary>
    private sealed class Segment(DiscoveryPartial source, int[] edgeMap, int[] variantMap)
    {
        public DiscoveryPartial Source { get; } = source;

        public int[] EdgeMap { get; } = edgeMap;

        public int[] VariantMap { get; } = variantMap;
    }
}
