using Journeyscope.EventLogs;
using Journeyscope.Journeys;
using Journeyscope.Partitions;

namespace Journeyscope.Conformance;

/// <summary>
/// The mergeable partial of a journey conformance check (<see cref="JourneyConformance.Check"/> and
/// <see cref="JourneyConformanceResult"/>) over some cases: per distinct touchpoint sequence its cases and first case key
/// (the alignment itself is cached once per sequence in <see cref="DeviationParameters"/>); per case its key in the whole
/// log's order, id, sequence, period, channels, segment attribute values and persona membership; the event-level tallies
/// keyed by names (touchpoint and stage cases, unmapped steps, channel mismatches and switches, transitions); and per time
/// target every measured case's time.
/// </summary>
/// <remarks>
/// Immutable once built. Everything order-dependent (the variant ranking, floating-point fitness sums, example cases, time
/// target means and medians, pattern and segment order) is decided at the finish in case-key order, so every partitioning
/// and merge order gives the whole log's result to the bit. Merge only: the fitness sums are taken case by case in log
/// order, so there is no running total that subtracts exactly. O(events) to map (plus aligning the new sequences),
/// O(cases) to merge, O(cases log cases) to finish.
/// </remarks>
public sealed partial class DeviationPartial
{
    private readonly Variant[] _variants;
    private readonly long[] _keys;
    private readonly string[] _ids;
    private readonly int[] _caseVariants;
    private readonly string?[] _periods;
    private readonly string[][] _channels;
    private readonly List<string> _columnOrder;
    private readonly Dictionary<string, string?[]> _columns;
    private readonly bool[]?[] _personas;
    private readonly Tallies _tallies;
    private readonly List<Measured>[] _targets;

    private DeviationPartial(
        DeviationParameters parameters,
        TimeBasis? timeBasis,
        Variant[] variants,
        CaseColumns cases,
        List<string> columnOrder,
        Dictionary<string, string?[]> columns,
        bool[]?[] personas,
        Tallies tallies,
        List<Measured>[] targets)
    {
        Parameters = parameters;
        TimeBasis = timeBasis;
        _variants = variants;
        (_keys, _ids, _caseVariants, _periods, _channels) = cases;
        _columnOrder = columnOrder;
        _columns = columns;
        _personas = personas;
        _tallies = tallies;
        _targets = targets;
    }

    /// <summary>The check this partial belongs to.</summary>
    public DeviationParameters Parameters { get; }

    /// <summary>Number of cases covered.</summary>
    public int CaseCount => _keys.Length;

    /// <summary>The time basis of the mapped cases; null when no segment was mapped.</summary>
    private TimeBasis? TimeBasis { get; }

    /// <summary>A cache that maps and merges the check of <paramref name="parameters"/> over a partitioned log, partition by partition.</summary>
    public static PartialCache<DeviationPartial> Cache(DeviationParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new PartialCache<DeviationPartial>(segment => Map(segment, parameters), partials => Merge(parameters, partials));
    }

    /// <summary>A cache for the check of <paramref name="journey"/> with <paramref name="options"/> (new parameters, empty alignment cache).</summary>
    /// <exception cref="ArgumentException">The journey has no flow to check against.</exception>
    public static PartialCache<DeviationPartial> Cache(DesignedJourney journey, JourneyConformanceOptions? options = null) =>
        Cache(new DeviationParameters(journey, options));

    /// <summary>The partial of every case of <paramref name="segment"/> (the map step), aligning only sequences not seen before.</summary>
    /// <exception cref="InvalidOperationException">The flow's net cannot reach its final marking, or its state space is too large.</exception>
    public static DeviationPartial Map(EventLogSegment segment, DeviationParameters parameters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(segment);
        ArgumentNullException.ThrowIfNull(parameters);
        var options = parameters.Options;
        var log = segment.Log;
        if (options.Alignment.TimeBasis is { } basis)
        {
            log = log.ToTimeBasis(basis);
        }

        var mapped = TouchpointMapping.Map(log, parameters.Journey).Log;
        var index = new JourneyIndex(mapped, parameters.Journey);
        var keys = segment.CaseKeys.ToArray();
        var variants = MapVariants(mapped, keys, parameters, out var caseVariants, cancellationToken);

        var deviations = options.Deviations;
        var periods = new string?[mapped.CaseCount];
        var channels = new string[mapped.CaseCount][];
        for (var c = 0; c < periods.Length; c++)
        {
            periods[c] = mapped.CaseLength(c) == 0
                ? null
                : DeviationAnalysis.PeriodKey(new DateTime(mapped.Timestamps[mapped.CaseStarts[c]], DateTimeKind.Unspecified), deviations.Period);
            channels[c] = CaseChannels(mapped, index.Channel, c);
        }

        var (columnOrder, columns) = MapColumns(mapped, deviations);
        var personas = new bool[]?[parameters.Personas.Count];
        for (var p = 0; p < personas.Length; p++)
        {
            var filter = parameters.Personas[p].Filter;
            personas[p] = DeviationParameters.DependsOnPopulation(filter) ? null : DeviationAnalysis.PersonaCases(mapped, filter, cancellationToken);
        }

        var targets = new List<Measured>[parameters.TimeTargets.Count];
        for (var t = 0; t < targets.Length; t++)
        {
            var (target, from, to) = parameters.TimeTargets[t];
            var elapsed = DeviationAnalysis.CaseElapsed(mapped, index, target, from, to, deviations, cancellationToken);
            var measured = new List<Measured>(elapsed.Count);
            foreach (var (ticks, c) in elapsed)
            {
                measured.Add(new Measured(keys[c], ticks, mapped.CaseIds[c]));
            }

            targets[t] = measured;
        }

        var tallies = Tallies.Count(mapped, index, keys, deviations.ExampleCases, cancellationToken);
        var cases = new CaseColumns(keys, [.. mapped.CaseIds], caseVariants, periods, channels);
        return new DeviationPartial(parameters, mapped.TimeBasis, variants, cases, columnOrder, columns, personas, tallies, targets);
    }

    /// <summary>The segment's distinct sequences (first-case order) with their cases and first key, and each case's sequence.</summary>
    private static Variant[] MapVariants(
        EventLog mapped, long[] keys, DeviationParameters parameters, out int[] caseVariants, CancellationToken cancellationToken)
    {
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var sequences = new List<string[]>();
        var sequenceKeys = new List<string>();
        var counts = new List<int>();
        var firsts = new List<long>();
        caseVariants = new int[mapped.CaseCount];
        var names = mapped.ActivityNames;
        for (var c = 0; c < caseVariants.Length; c++)
        {
            var activities = mapped.CaseActivities(c);
            var sequence = new string[activities.Length];
            for (var i = 0; i < sequence.Length; i++)
            {
                sequence[i] = names[activities[i]];
            }

            var key = string.Join('\u001f', sequence);
            if (!byKey.TryGetValue(key, out var v))
            {
                v = sequences.Count;
                byKey.Add(key, v);
                sequences.Add(sequence);
                sequenceKeys.Add(key);
                counts.Add(0);
                firsts.Add(long.MaxValue);
            }

            caseVariants[c] = v;
            counts[v]++;
            firsts[v] = Math.Min(firsts[v], keys[c]);
        }

        var aligned = parameters.Align(sequences, sequenceKeys, cancellationToken);
        var variants = new Variant[sequences.Count];
        for (var v = 0; v < variants.Length; v++)
        {
            variants[v] = new Variant(sequenceKeys[v], aligned[v], counts[v], firsts[v]);
        }

        return variants;
    }

    /// <summary>The distinct channels of case <paramref name="c"/> (none without a channel column).</summary>
    private static string[] CaseChannels(EventLog mapped, StringColumn? channel, int c)
    {
        if (channel is null)
        {
            return [];
        }

        List<string>? found = null;
        var codes = channel.Codes;
        var end = mapped.CaseStarts[c + 1];
        for (var e = mapped.CaseStarts[c]; e < end; e++)
        {
            var code = codes[e];
            if (code < 0)
            {
                continue;
            }

            var value = channel.Dictionary[code];
            found ??= [];
            if (!found.Contains(value))
            {
                found.Add(value);
            }
        }

        return found is null ? [] : [.. found];
    }

    /// <summary>The values (text, null when missing) of the case attributes a segment breakdown may use, by name, in column order.</summary>
    private static (List<string> Order, Dictionary<string, string?[]> Columns) MapColumns(EventLog mapped, DeviationOptions options)
    {
        var order = new List<string>();
        var columns = new Dictionary<string, string?[]>(StringComparer.Ordinal);
        var wanted = new List<AttributeColumn>();
        if (options.SegmentAttributes is null)
        {
            wanted.AddRange(mapped.CaseAttributes);
        }
        else
        {
            foreach (var name in options.SegmentAttributes)
            {
                if (mapped.FindCaseAttribute(name) is { } column)
                {
                    wanted.Add(column);
                }
            }
        }

        foreach (var column in wanted)
        {
            if (columns.ContainsKey(column.Name))
            {
                continue;
            }

            var values = new string?[mapped.CaseCount];
            for (var c = 0; c < values.Length; c++)
            {
                values[c] = column.GetValue(c)?.ToString();
            }

            order.Add(column.Name);
            columns.Add(column.Name, values);
        }

        return (order, columns);
    }

    /// <summary>A distinct touchpoint sequence: its key, alignment, cases and the smallest key of its cases.</summary>
    private sealed record Variant(string Key, DeviationParameters.AlignedVariant Aligned, int Cases, long FirstKey);

    /// <summary>A case measured on a time target: its key, time (ticks) and id.</summary>
    private readonly record struct Measured(long Key, long Ticks, string Id);

    /// <summary>The per-case columns: key, id, sequence, period of the first event, distinct channels.</summary>
    private readonly record struct CaseColumns(long[] Keys, string[] Ids, int[] Variants, string?[] Periods, string[][] Channels);
}
