using Journeyscope.Partitions;

namespace Journeyscope.Funnels;

/// <summary>
/// The mergeable partial of one funnel over some cases: per breakdown value (by text, so partials of different logs
/// merge) the step counts and every time to convert, and per case its key in the whole log's order, id, depth and
/// breakdown value (for the drop-off lists).
/// </summary>
/// <remarks>
/// Immutable once built. A partial is a list of sorted runs: each run holds its cases in key order and, per breakdown value
/// and step, its times sorted. <see cref="Merge"/> (a partition's segments) copies its inputs into one run;
/// <see cref="Combine"/> (the partitions, for the whole log) only lists their runs. <see cref="Finish"/> selects the
/// quantiles across the runs by rank and merges the case rows (k-way, by key) only when drop-off cases are asked, so every
/// partitioning and merge order gives the <see cref="FunnelResult"/> of the whole log: the same steps, breakdown and
/// drop-off cases. Step conditions must be case-local (attribute conditions are). O(events x steps) to map,
/// O(cases + times) of the inputs to merge, O(runs) to combine, O(runs x log(times) x values per step) to finish, and
/// O(cases x log(runs)) for the first request for cases.
/// </remarks>
public sealed class FunnelPartial
{
    private readonly Run[] _runs;

    private FunnelPartial(FunnelDefinition definition, Run[] runs)
    {
        Definition = definition;
        _runs = runs;
        foreach (var run in runs)
        {
            CaseCount += run.Cases.Length;
        }
    }

    /// <summary>The funnel this partial counts.</summary>
    public FunnelDefinition Definition { get; }

    /// <summary>Number of cases covered (entered the funnel or not).</summary>
    public int CaseCount { get; }

    /// <summary>
    /// A cache that maps and merges <paramref name="definition"/> over a partitioned log, partition by partition, and
    /// combines the partitions without copying them.
    /// </summary>
    public static PartialCache<FunnelPartial> Cache(FunnelDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        definition.Validate();
        return new PartialCache<FunnelPartial>(
            segment => Map(segment, definition), partials => Merge(definition, partials), partials => Combine(definition, partials));
    }

    /// <summary>
    /// Whether the breakdown <paramref name="attribute"/> names a column of the same kind (case or event) and type in every
    /// segment of <paramref name="log"/> (true without a breakdown): then every segment maps, and the finish equals the
    /// funnel of the whole log. A segment read before the attribute existed lacks the column; its partial would not map.
    /// </summary>
    public static bool BreakdownResolvesAlike(PartitionedEventLog log, string? attribute)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (attribute is null)
        {
            return true;
        }

        // No segment: the whole log has no column either, and the store path refuses the breakdown.
        Type? type = null;
        var perEvent = false;
        foreach (var partition in log.Partitions)
        {
            foreach (var segment in partition.Segments)
            {
                var (column, byEvent) = BreakdownKeys.Resolve(segment.Log, attribute);
                if (column is null || (type is not null && (column.GetType() != type || byEvent != perEvent)))
                {
                    return false;
                }

                type = column.GetType();
                perEvent = byEvent;
            }
        }

        return type is not null;
    }

    /// <summary>The partial of every case of <paramref name="segment"/> (the map step).</summary>
    /// <exception cref="ArgumentException">The definition is invalid, or the breakdown attribute does not exist.</exception>
    public static FunnelPartial Map(EventLogSegment segment, FunnelDefinition definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(segment);
        var log = segment.Log;
        var keys = segment.CaseKeys;
        var (total, values, depths, groups) = FunnelAnalysis.Run(log, definition, 1, cancellationToken);
        var steps = definition.Steps.Count;
        var byValue = new Dictionary<GroupKey, Times>(total.Groups.Count);
        foreach (var (group, tally) in total.Groups)
        {
            var times = new Times(steps);
            tally.Entered.CopyTo(times.Entered, 0);
            for (var j = 0; j < steps; j++)
            {
                times.FromFirst[j] = tally.FromFirst[j].Span.ToArray();
                times.FromPrevious[j] = tally.FromPrevious[j].Span.ToArray();
                Array.Sort(times.FromFirst[j]);
                Array.Sort(times.FromPrevious[j]);
            }

            byValue.Add(GroupKey.Of(values?[group]), times);
        }

        var cases = new CaseRow[log.CaseCount];
        var caseKeys = new long[log.CaseCount];
        for (var c = 0; c < cases.Length; c++)
        {
            cases[c] = new CaseRow(keys[c], log.CaseIds[c], depths[c], depths[c] >= 0 ? values?[groups[c]] : null);
            caseKeys[c] = keys[c];
        }

        Array.Sort(caseKeys, cases);
        return new FunnelPartial(definition, [new Run(cases, byValue)]);
    }

    /// <summary>
    /// One partial of <paramref name="partials"/>, all of <paramref name="definition"/> (none gives the empty partial), with
    /// their runs copied into one: what a partition keeps, so the whole log combines one run per partition.
    /// </summary>
    /// <exception cref="ArgumentException">A partial counts another funnel.</exception>
    public static FunnelPartial Merge(FunnelDefinition definition, IReadOnlyList<FunnelPartial> partials)
    {
        var runs = Runs(definition, partials);
        if (runs.Count == 1)
        {
            return new FunnelPartial(definition, [runs[0]]);
        }

        var steps = definition.Steps.Count;
        var count = 0;
        foreach (var run in runs)
        {
            count += run.Cases.Length;
        }

        var cases = new CaseRow[count];
        var keys = new long[count];
        var at = 0;
        var sizes = new Dictionary<GroupKey, (long[] Entered, int[] First, int[] Previous)>();
        foreach (var run in runs)
        {
            foreach (var row in run.Cases)
            {
                keys[at] = row.Key;
                cases[at++] = row;
            }

            foreach (var (key, times) in run.Groups)
            {
                if (!sizes.TryGetValue(key, out var size))
                {
                    size = (new long[steps], new int[steps], new int[steps]);
                    sizes.Add(key, size);
                }

                for (var j = 0; j < steps; j++)
                {
                    size.Entered[j] += times.Entered[j];
                    size.First[j] += times.FromFirst[j].Length;
                    size.Previous[j] += times.FromPrevious[j].Length;
                }
            }
        }

        Array.Sort(keys, cases);
        var groups = new Dictionary<GroupKey, Times>(sizes.Count);
        foreach (var (key, size) in sizes)
        {
            var times = new Times(steps);
            size.Entered.CopyTo(times.Entered, 0);
            for (var j = 0; j < steps; j++)
            {
                times.FromFirst[j] = new long[size.First[j]];
                times.FromPrevious[j] = new long[size.Previous[j]];
            }

            groups.Add(key, times);
        }

        var filled = new Dictionary<GroupKey, int[]>(sizes.Count);
        foreach (var run in runs)
        {
            foreach (var (key, times) in run.Groups)
            {
                var target = groups[key];
                if (!filled.TryGetValue(key, out var offsets))
                {
                    offsets = new int[2 * steps];
                    filled.Add(key, offsets);
                }

                for (var j = 0; j < steps; j++)
                {
                    times.FromFirst[j].CopyTo(target.FromFirst[j], offsets[j]);
                    offsets[j] += times.FromFirst[j].Length;
                    times.FromPrevious[j].CopyTo(target.FromPrevious[j], offsets[steps + j]);
                    offsets[steps + j] += times.FromPrevious[j].Length;
                }
            }
        }

        foreach (var times in groups.Values)
        {
            for (var j = 0; j < steps; j++)
            {
                Array.Sort(times.FromFirst[j]);
                Array.Sort(times.FromPrevious[j]);
            }
        }

        return new FunnelPartial(definition, [new Run(cases, groups)]);
    }

    /// <summary>
    /// One partial of <paramref name="partials"/>, all of <paramref name="definition"/>, that lists their runs without copying
    /// them: the whole log's partial from the partitions' partials, in O(partitions).
    /// </summary>
    /// <exception cref="ArgumentException">A partial counts another funnel.</exception>
    public static FunnelPartial Combine(FunnelDefinition definition, IReadOnlyList<FunnelPartial> partials) =>
        new(definition, [.. Runs(definition, partials)]);

    /// <summary>The funnel over the covered cases: equal to <see cref="FunnelAnalysis.Compute(EventLogs.EventLog, FunnelDefinition, CancellationToken)"/> of them, case order by key.</summary>
    public FunnelResult Finish()
    {
        // Group numbers: 0 for no value, then the values in ordinal order (any numbering gives the same result).
        var texts = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var run in _runs)
        {
            foreach (var key in run.Groups.Keys)
            {
                if (key.HasValue)
                {
                    texts.Add(key.Value);
                }
            }
        }

        string?[]? values = null;
        var numbers = new Dictionary<GroupKey, int> { [default] = 0 };
        if (Definition.Breakdown is not null)
        {
            values = new string?[texts.Count + 1];
            var n = 1;
            foreach (var text in texts)
            {
                values[n] = text;
                numbers[GroupKey.Of(text)] = n++;
            }
        }

        var steps = Definition.Steps.Count;
        var all = new Tally(steps);
        var byGroup = new SortedDictionary<int, Tally>();
        foreach (var run in _runs)
        {
            foreach (var (key, times) in run.Groups)
            {
                var number = numbers.GetValueOrDefault(key);
                if (!byGroup.TryGetValue(number, out var tally))
                {
                    tally = new Tally(steps);
                    byGroup.Add(number, tally);
                }

                tally.Add(times);
                all.Add(times);
            }
        }

        var breakdown = new List<FunnelBreakdown>();
        if (values is not null)
        {
            foreach (var (number, tally) in byGroup)
            {
                breakdown.Add(new FunnelBreakdown(values[number], tally.Summarise(Definition)));
            }
        }

        var runs = _runs;
        var groupValues = values ?? [null];
        return new FunnelResult(Definition, CaseCount, all.Summarise(Definition), breakdown, () => Cases(runs, numbers, groupValues));
    }

    private static List<Run> Runs(FunnelDefinition definition, IReadOnlyList<FunnelPartial> partials)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(partials);
        var runs = new List<Run>(partials.Count);
        foreach (var partial in partials)
        {
            if (!ReferenceEquals(partial.Definition, definition))
            {
                throw new ArgumentException("Partials of different funnel definitions do not merge.", nameof(partials));
            }

            runs.AddRange(partial._runs);
        }

        return runs;
    }

    /// <summary>The case table in key order: a k-way merge of the runs' rows.</summary>
    private static FunnelCases Cases(Run[] runs, Dictionary<GroupKey, int> numbers, string?[] values)
    {
        var count = 0;
        var heads = new PriorityQueue<int, long>(runs.Length);
        var next = new int[runs.Length];
        for (var r = 0; r < runs.Length; r++)
        {
            count += runs[r].Cases.Length;
            if (runs[r].Cases.Length > 0)
            {
                heads.Enqueue(r, runs[r].Cases[0].Key);
            }
        }

        var ids = new string[count];
        var depths = new sbyte[count];
        var groups = new int[count];
        var at = 0;
        while (heads.TryDequeue(out var r, out _))
        {
            var row = runs[r].Cases[next[r]++];
            ids[at] = row.Id;
            depths[at] = row.Depth;
            groups[at++] = row.Depth >= 0 ? numbers.GetValueOrDefault(GroupKey.Of(row.Value)) : 0;
            if (next[r] < runs[r].Cases.Length)
            {
                heads.Enqueue(r, runs[r].Cases[next[r]].Key);
            }
        }

        return new FunnelCases(ids, depths, groups, values);
    }

    /// <summary>A breakdown value as a dictionary key: no value is the default.</summary>
    private readonly record struct GroupKey(bool HasValue, string Value)
    {
        public static GroupKey Of(string? value) => value is null ? default : new GroupKey(true, value);
    }

    private readonly record struct CaseRow(long Key, string Id, sbyte Depth, string? Value);

    /// <summary>Cases in key order, and per breakdown value their step counts and sorted times.</summary>
    private sealed record Run(CaseRow[] Cases, Dictionary<GroupKey, Times> Groups);

    /// <summary>Per step, cases entered and the times to convert (sorted) from the first and the previous step.</summary>
    private sealed class Times(int steps)
    {
        public long[] Entered { get; } = new long[steps];

        public long[][] FromFirst { get; } = new long[steps][];

        public long[][] FromPrevious { get; } = new long[steps][];
    }

    /// <summary>The runs of one breakdown value (or of all cases) at the finish: counts added, times selected across runs.</summary>
    private sealed class Tally
    {
        private readonly long[] _entered;
        private readonly SortedRuns[] _fromFirst;
        private readonly SortedRuns[] _fromPrevious;

        public Tally(int steps)
        {
            _entered = new long[steps];
            _fromFirst = new SortedRuns[steps];
            _fromPrevious = new SortedRuns[steps];
            for (var j = 0; j < steps; j++)
            {
                _fromFirst[j] = new SortedRuns();
                _fromPrevious[j] = new SortedRuns();
            }
        }

        public void Add(Times times)
        {
            for (var j = 0; j < _entered.Length; j++)
            {
                _entered[j] += times.Entered[j];
                _fromFirst[j].Add(times.FromFirst[j]);
                _fromPrevious[j].Add(times.FromPrevious[j]);
            }
        }

        public FunnelStepResult[] Summarise(FunnelDefinition definition)
        {
            var result = new FunnelStepResult[_entered.Length];
            for (var j = 0; j < result.Length; j++)
            {
                result[j] = FunnelResult.Step(
                    definition, _entered, j, _fromFirst[j].Quantile(0.5), _fromFirst[j].Quantile(0.9), _fromPrevious[j].Quantile(0.5),
                    _fromPrevious[j].Quantile(0.9));
            }

            return result;
        }
    }
}
