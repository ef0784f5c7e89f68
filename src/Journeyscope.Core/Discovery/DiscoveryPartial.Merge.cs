using System.Buffers;

namespace Journeyscope.Discovery;

public sealed partial class DiscoveryPartial
{
    /// <summary>Folds <paramref name="other"/> into this partial. The two must cover disjoint cases of the same log.</summary>
    /// <remarks>
    /// O(size of <paramref name="other"/>): counts add, edge and variant ids of <paramref name="other"/> are
    /// remapped, duration lists are appended. Associative and, after <see cref="Finish"/>, commutative.
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

        AddInto(_events, other._events);
        AddInto(_activityCases, other._activityCases);
        AddInto(_reworkCases, other._reworkCases);
        AddInto(_selfLoops, other._selfLoops);
        AddInto(_startCounts, other._startCounts);
        AddInto(_endCounts, other._endCounts);
        MergeEdges(other);
        MergeVariants(other);
    }

    /// <summary>Sizes the duration buffers once for merging <paramref name="others"/>, so merges do not reallocate.</summary>
    internal void ReserveForMerge(ReadOnlySpan<DiscoveryPartial> others)
    {
        long pairs = 0;
        long cases = 0;
        foreach (var other in others)
        {
            pairs += other._pairEdge.Count;
            cases += other._caseIndex.Count;
        }

        _pairEdge.Reserve((int)pairs);
        _pairTicks.Reserve((int)pairs);
        _caseIndex.Reserve((int)cases);
        _caseVariant.Reserve((int)cases);
        _caseTicks.Reserve((int)cases);
    }

    private static void AddInto(Span<long> target, ReadOnlySpan<long> source)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] += source[i];
        }
    }

    private void MergeEdges(DiscoveryPartial other)
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
        var map = ArrayPool<int>.Shared.Rent(Math.Max(1, edges));
        try
        {
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

            var start = _pairEdge.Count;
            _pairEdge.AddRange(other._pairEdge.Span);
            _pairTicks.AddRange(other._pairTicks.Span);
            var appended = _pairEdge.Span[start..];
            for (var i = 0; i < appended.Length; i++)
            {
                appended[i] = map[appended[i]];
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(map);
        }
    }

    private void MergeVariants(DiscoveryPartial other)
    {
        var variants = other._variants.Count;
        var map = ArrayPool<int>.Shared.Rent(Math.Max(1, variants));
        try
        {
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

            var start = _caseVariant.Count;
            _caseIndex.AddRange(other._caseIndex.Span);
            _caseTicks.AddRange(other._caseTicks.Span);
            _caseVariant.AddRange(other._caseVariant.Span);
            var appended = _caseVariant.Span[start..];
            for (var i = 0; i < appended.Length; i++)
            {
                appended[i] = map[appended[i]];
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(map);
        }
    }
}
