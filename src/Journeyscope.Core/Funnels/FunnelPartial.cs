using Journeyscope.Partitions;

namespace Journeyscope.Funnels;

/// <summary>
/// The mergeable partial of one funnel over some cases: per breakdown value (by text, so partials of different logs
/// merge) the step counts and every time to convert, and per case its key in the whole log's order, id, depth and
/// breakdown value (for the drop-off lists).
/// </summary>
/// <remarks>
/// Immutable once built. Times are kept exactly (ticks) and sorted only at the finish, and the finish orders cases by
/// key, so every partitioning and merge order gives the <see cref="FunnelResult"/> of the whole log: the same steps,
/// breakdown and drop-off cases. Step conditions must be case-local (attribute conditions are). O(events x steps) to
/// map, O(cases + times) to merge and finish.
/// </remarks>
public sealed class FunnelPartial
{
    private readonly Dictionary<GroupKey, FunnelChunk.Group> _groups;
    private readonly CaseRow[] _cases;

    private FunnelPartial(FunnelDefinition definition, Dictionary<GroupKey, FunnelChunk.Group> groups, CaseRow[] cases)
    {
        Definition = definition;
        _groups = groups;
        _cases = cases;
    }

    /// <summary>The funnel this partial counts.</summary>
    public FunnelDefinition Definition { get; }

    /// <summary>Number of cases covered (entered the funnel or not).</summary>
    public int CaseCount => _cases.Length;

    /// <summary>A cache that maps and merges <paramref name="definition"/> over a partitioned log, partition by partition.</summary>
    public static PartialCache<FunnelPartial> Cache(FunnelDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        definition.Validate();
        return new PartialCache<FunnelPartial>(segment => Map(segment, definition), partials => Merge(definition, partials));
    }

    /// <summary>The partial of every case of <paramref name="segment"/> (the map step).</summary>
    /// <exception cref="ArgumentException">The definition is invalid, or the breakdown attribute does not exist.</exception>
    public static FunnelPartial Map(EventLogSegment segment, FunnelDefinition definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(segment);
        var log = segment.Log;
        var keys = segment.CaseKeys;
        var (total, values, depths, groups) = FunnelAnalysis.Run(log, definition, 1, cancellationToken);
        var byValue = new Dictionary<GroupKey, FunnelChunk.Group>(total.Groups.Count);
        foreach (var (group, tally) in total.Groups)
        {
            byValue.Add(GroupKey.Of(values?[group]), tally);
        }

        var cases = new CaseRow[log.CaseCount];
        for (var c = 0; c < cases.Length; c++)
        {
            cases[c] = new CaseRow(keys[c], log.CaseIds[c], depths[c], depths[c] >= 0 ? values?[groups[c]] : null);
        }

        return new FunnelPartial(definition, byValue, cases);
    }

    /// <summary>One partial of <paramref name="partials"/>, all of <paramref name="definition"/> (none gives the empty partial).</summary>
    /// <exception cref="ArgumentException">A partial counts another funnel.</exception>
    public static FunnelPartial Merge(FunnelDefinition definition, IReadOnlyList<FunnelPartial> partials)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(partials);
        var steps = definition.Steps.Count;
        var groups = new Dictionary<GroupKey, FunnelChunk.Group>();
        var count = 0;
        foreach (var partial in partials)
        {
            if (!ReferenceEquals(partial.Definition, definition))
            {
                throw new ArgumentException("Partials of different funnel definitions do not merge.", nameof(partials));
            }

            count += partial._cases.Length;
        }

        var cases = new CaseRow[count];
        var at = 0;
        foreach (var partial in partials)
        {
            partial._cases.CopyTo(cases, at);
            at += partial._cases.Length;
            foreach (var (key, tally) in partial._groups)
            {
                if (!groups.TryGetValue(key, out var merged))
                {
                    merged = new FunnelChunk.Group(steps);
                    groups.Add(key, merged);
                }

                merged.Merge(tally);
            }
        }

        return new FunnelPartial(definition, groups, cases);
    }

    /// <summary>The funnel over the covered cases: equal to <see cref="FunnelAnalysis.Compute(EventLogs.EventLog, FunnelDefinition, CancellationToken)"/> of them, case order by key.</summary>
    public FunnelResult Finish()
    {
        var rows = (CaseRow[])_cases.Clone();
        var keys = new long[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            keys[i] = rows[i].Key;
        }

        Array.Sort(keys, rows);

        // Group numbers: 0 for no value, then the values in ordinal order (any numbering gives the same result).
        string?[]? values = null;
        var numbers = new Dictionary<GroupKey, int>(_groups.Count);
        if (Definition.Breakdown is not null)
        {
            var texts = new List<string>(_groups.Count);
            foreach (var key in _groups.Keys)
            {
                if (key.HasValue)
                {
                    texts.Add(key.Value);
                }
            }

            texts.Sort(StringComparer.Ordinal);
            values = new string?[texts.Count + 1];
            numbers[default] = 0;
            for (var i = 0; i < texts.Count; i++)
            {
                values[i + 1] = texts[i];
                numbers[GroupKey.Of(texts[i])] = i + 1;
            }
        }

        var steps = Definition.Steps.Count;
        var total = new FunnelChunk(steps);
        foreach (var (key, tally) in _groups)
        {
            total.For(numbers.GetValueOrDefault(key)).Merge(tally);
        }

        var ids = new string[rows.Length];
        var depths = new sbyte[rows.Length];
        var groups = new int[rows.Length];
        for (var c = 0; c < rows.Length; c++)
        {
            ids[c] = rows[c].Id;
            depths[c] = rows[c].Depth;
            groups[c] = rows[c].Depth >= 0 ? numbers.GetValueOrDefault(GroupKey.Of(rows[c].Value)) : 0;
        }

        return new FunnelResult(ids, Definition, total, values, depths, groups);
    }

    /// <summary>A breakdown value as a dictionary key: no value is the default.</summary>
    private readonly record struct GroupKey(bool HasValue, string Value)
    {
        public static GroupKey Of(string? value) => value is null ? default : new GroupKey(true, value);
    }

    private readonly record struct CaseRow(long Key, string Id, sbyte Depth, string? Value);
}
