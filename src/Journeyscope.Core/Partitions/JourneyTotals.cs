namespace Journeyscope.Partitions;

/// <summary>
/// The running total of the live analyses over a log that grows in place: the merged <see cref="JourneyPartial"/> of every
/// case, kept so that a change is applied as a delta (subtract the old partial of the touched cases, add their new one)
/// instead of merging every partition again.
/// </summary>
/// <remarks>
/// Counts and tick sums subtract exactly; every duration is kept in sorted runs (<see cref="OrderedMultiset"/>) per edge,
/// per variant and for the case durations, so exact medians and quantiles are selected without copying; cases are kept in
/// key order (the whole log's case order), so variant ranking and the per-case sums of conformance need no sort.
/// <see cref="Finish"/> equals <see cref="JourneyPartial.Finish"/> of the whole log, value by value. An apply costs
/// O(d log n) for the d durations of the touched cases; a finish O(variants log variants + edges + durations / 1,024);
/// conformance one pass over the case order. Not thread-safe: the owner serialises applies and reads.
/// </remarks>
public sealed partial class JourneyTotals
{
    private readonly Dictionary<string, JourneyPartial.ActivityTally> _activities = new(StringComparer.Ordinal);
    private readonly Dictionary<(string From, string To), EdgeTotal> _edges = [];
    private readonly List<VariantTotal> _variants = [];
    private readonly Dictionary<string, int> _variantIndex = new(StringComparer.Ordinal);
    private OrderedMultiset _durations = new();
    private long _durationSum;
    private long _rework;

    // The cases in key order: removed cases leave a tombstone (variant -1) until the arrays are compacted.
    private long[] _keys = [];
    private int[] _slotVariants = [];
    private string?[] _slotIds = [];
    private int _slots;

    /// <summary>Creates the totals of no cases.</summary>
    public JourneyTotals()
    {
    }

    /// <summary>Number of cases covered.</summary>
    public int CaseCount { get; private set; }

    /// <summary>Number of events covered.</summary>
    public long EventCount { get; private set; }

    /// <summary>The totals of the cases of <paramref name="partial"/>, built in bulk (sorted once, not inserted one by one).</summary>
    public static JourneyTotals Of(JourneyPartial partial)
    {
        ArgumentNullException.ThrowIfNull(partial);
        var totals = new JourneyTotals();
        totals.Load(partial);
        return totals;
    }

    /// <summary>
    /// Applies a change: the cases of <paramref name="removed"/> (their content as these totals hold it) are subtracted, then
    /// those of <paramref name="added"/> are added; a case in both is replaced.
    /// </summary>
    /// <exception cref="InvalidOperationException">A removed case, duration or activity is not held: the delta does not belong to these totals (they are then unusable; build them again).</exception>
    public void Apply(JourneyPartial? removed, JourneyPartial? added)
    {
        if (removed is not null)
        {
            Remove(removed);
        }

        if (added is not null)
        {
            Add(added);
        }

        if (_slots - CaseCount > Math.Max(1_024, CaseCount / 4))
        {
            CompactSlots();
        }
    }

    private void Load(JourneyPartial partial)
    {
        EventCount = partial.EventCount;
        foreach (var (name, tally) in partial.ActivityTallies)
        {
            _activities[name] = tally;
        }

        foreach (var (edge, tally) in partial.EdgeTallies)
        {
            var run = new long[tally.Count];
            var at = 0;
            long sum = 0;
            foreach (var part in tally.Parts)
            {
                part.CopyTo(run, at);
                at += part.Count;
                foreach (var ticks in part)
                {
                    sum += ticks;
                }
            }

            _edges[edge] = new EdgeTotal { Count = run.Length, Sum = sum, Ticks = OrderedMultiset.Of(run) };
        }

        var map = VariantMap(partial);
        var rows = partial.CaseRows;
        var keys = new long[rows.Count];
        var order = new int[rows.Count];
        var durations = new long[rows.Count];
        var perVariant = new List<long>[_variants.Count];
        var perVariantKeys = new List<long>[_variants.Count];
        for (var v = 0; v < perVariant.Length; v++)
        {
            perVariant[v] = [];
            perVariantKeys[v] = [];
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            keys[i] = row.Key;
            order[i] = i;
            durations[i] = row.Ticks;
            _durationSum += row.Ticks;
            _rework += row.Rework ? 1 : 0;
            var v = map[row.Variant];
            perVariant[v].Add(row.Ticks);
            perVariantKeys[v].Add(row.Key);
            _variants[v].Count++;
            _variants[v].Sum += row.Ticks;
        }

        for (var v = 0; v < perVariant.Length; v++)
        {
            _variants[v].Durations = OrderedMultiset.Of([.. perVariant[v]]);
            _variants[v].Keys = OrderedMultiset.Of([.. perVariantKeys[v]]);
        }

        _durations = OrderedMultiset.Of(durations);
        Array.Sort(keys, order);
        _keys = keys;
        _slotVariants = new int[rows.Count];
        _slotIds = new string?[rows.Count];
        for (var s = 0; s < order.Length; s++)
        {
            _slotVariants[s] = map[rows[order[s]].Variant];
            _slotIds[s] = rows[order[s]].Id;
        }

        _slots = rows.Count;
        CaseCount = rows.Count;
    }

    private void Remove(JourneyPartial partial)
    {
        EventCount -= partial.EventCount;
        foreach (var (name, tally) in partial.ActivityTallies)
        {
            if (!_activities.TryGetValue(name, out var held) || held.Events < tally.Events)
            {
                throw NotHeld($"activity {name}");
            }

            var left = held.Subtract(tally);
            if (left.Events == 0)
            {
                _activities.Remove(name);
            }
            else
            {
                _activities[name] = left;
            }
        }

        foreach (var (edge, tally) in partial.EdgeTallies)
        {
            if (!_edges.TryGetValue(edge, out var held))
            {
                throw NotHeld($"edge {edge.From} -> {edge.To}");
            }

            foreach (var part in tally.Parts)
            {
                foreach (var ticks in part)
                {
                    if (!held.Ticks.Remove(ticks))
                    {
                        throw NotHeld($"a duration of edge {edge.From} -> {edge.To}");
                    }

                    held.Sum -= ticks;
                }
            }

            held.Count -= tally.Count;
            if (held.Count == 0)
            {
                _edges.Remove(edge);
            }
        }

        var map = VariantMap(partial);
        foreach (var row in partial.CaseRows)
        {
            var slot = FindSlot(row.Key);
            var v = map[row.Variant];
            if (slot < 0 || _slotVariants[slot] != v)
            {
                throw NotHeld($"case {row.Id}");
            }

            _slotVariants[slot] = -1;
            _slotIds[slot] = null;
            CaseCount--;
            var variant = _variants[v];
            variant.Count--;
            variant.Sum -= row.Ticks;
            if (!variant.Durations.Remove(row.Ticks) || !variant.Keys.Remove(row.Key) || !_durations.Remove(row.Ticks))
            {
                throw NotHeld($"the duration of case {row.Id}");
            }

            _durationSum -= row.Ticks;
            _rework -= row.Rework ? 1 : 0;
        }
    }

    private void Add(JourneyPartial partial)
    {
        EventCount += partial.EventCount;
        foreach (var (name, tally) in partial.ActivityTallies)
        {
            _activities[name] = _activities.TryGetValue(name, out var held) ? held.Add(tally) : tally;
        }

        foreach (var (edge, tally) in partial.EdgeTallies)
        {
            if (!_edges.TryGetValue(edge, out var held))
            {
                _edges[edge] = held = new EdgeTotal { Ticks = new OrderedMultiset() };
            }

            foreach (var part in tally.Parts)
            {
                foreach (var ticks in part)
                {
                    held.Ticks.Add(ticks);
                    held.Sum += ticks;
                }
            }

            held.Count += tally.Count;
        }

        var map = VariantMap(partial);
        foreach (var row in partial.CaseRows)
        {
            var v = map[row.Variant];
            InsertSlot(row.Key, v, row.Id);
            CaseCount++;
            var variant = _variants[v];
            variant.Count++;
            variant.Sum += row.Ticks;
            variant.Durations.Add(row.Ticks);
            variant.Keys.Add(row.Key);
            _durations.Add(row.Ticks);
            _durationSum += row.Ticks;
            _rework += row.Rework ? 1 : 0;
        }
    }

    /// <summary>Per variant of <paramref name="partial"/>, its index here (added when new).</summary>
    private int[] VariantMap(JourneyPartial partial)
    {
        var sequences = partial.VariantSequences;
        var map = new int[sequences.Count];
        for (var v = 0; v < map.Length; v++)
        {
            var key = JourneyPartial.VariantKey(sequences[v]);
            if (!_variantIndex.TryGetValue(key, out var index))
            {
                index = _variants.Count;
                _variants.Add(new VariantTotal(sequences[v], key));
                _variantIndex[key] = index;
            }

            map[v] = index;
        }

        return map;
    }

    private static InvalidOperationException NotHeld(string what) =>
        new($"The removed partial does not belong to these totals: {what} is not held.");

    private sealed class EdgeTotal
    {
        public long Count { get; set; }

        public long Sum { get; set; }

        public required OrderedMultiset Ticks { get; init; }
    }

    private sealed class VariantTotal(string[] sequence, string key)
    {
        public string[] Sequence { get; } = sequence;

        public string Key { get; } = key;

        public int Count { get; set; }

        public long Sum { get; set; }

        public OrderedMultiset Durations { get; set; } = new();

        public OrderedMultiset Keys { get; set; } = new();
    }
}
