namespace Journeyscope.Partitions;

/// <summary>
/// The mergeable partial of the live analyses over some cases: per activity and directly-follows edge its counts and
/// every duration, per variant its cases, per case its key, variant and duration. Keyed by activity names, so partials of
/// different logs (segments, partitions, machines) merge.
/// </summary>
/// <remarks>
/// Immutable once built: <see cref="Map"/> builds one from a segment, <see cref="Merge"/> builds a new one from several,
/// <see cref="Finish"/> turns one into a <see cref="JourneySnapshot"/>. Durations are kept exactly (ticks), so every
/// partitioning and merge order gives the same snapshot, equal to the snapshot of the whole log. O(events) to map,
/// O(cases + pairs) to merge.
/// </remarks>
public sealed partial class JourneyPartial
{
    private readonly Dictionary<string, ActivityTally> _activities;
    private readonly Dictionary<(string From, string To), EdgeTally> _edges;
    private readonly List<string[]> _variants;
    private readonly Dictionary<string, int> _variantIndex;
    private readonly List<CaseRow> _cases;
    private CaseRow[]? _ordered;

    private JourneyPartial(
        Dictionary<string, ActivityTally> activities,
        Dictionary<(string From, string To), EdgeTally> edges,
        List<string[]> variants,
        Dictionary<string, int> variantIndex,
        List<CaseRow> cases,
        long events)
    {
        _activities = activities;
        _edges = edges;
        _variants = variants;
        _variantIndex = variantIndex;
        _cases = cases;
        EventCount = events;
    }

    /// <summary>Number of cases covered.</summary>
    public int CaseCount => _cases.Count;

    /// <summary>Number of events covered.</summary>
    public long EventCount { get; }

    /// <summary>Per activity name, its tally (what <see cref="JourneyTotals"/> adds and subtracts).</summary>
    internal IReadOnlyDictionary<string, ActivityTally> ActivityTallies => _activities;

    /// <summary>Per directly-follows pair, its durations.</summary>
    internal IReadOnlyDictionary<(string From, string To), EdgeTally> EdgeTallies => _edges;

    /// <summary>The distinct activity sequences; a case row's variant indexes this list.</summary>
    internal IReadOnlyList<string[]> VariantSequences => _variants;

    /// <summary>The covered cases, in no particular order.</summary>
    internal IReadOnlyList<CaseRow> CaseRows => _cases;

    /// <summary>The partial of every case of <paramref name="segment"/> (the map step).</summary>
    public static JourneyPartial Map(EventLogSegment segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        var log = segment.Log;
        var keys = segment.CaseKeys;
        var names = log.ActivityNames;
        var a = names.Count;
        var events = new long[a];
        var activityCases = new long[a];
        var starts = new long[a];
        var ends = new long[a];
        var seenIn = new int[a];
        Array.Fill(seenIn, -1);
        var edgeCodes = new Dictionary<long, List<long>>();
        var activities = log.Activities;
        var timestamps = log.Timestamps;
        var variants = new List<string[]>();
        var variantIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var cases = new List<CaseRow>(log.CaseCount);
        var reworkFlags = new bool[log.CaseCount];
        for (var c = 0; c < log.CaseCount; c++)
        {
            var start = log.CaseStart(c);
            var end = start + log.CaseLength(c);
            var rework = false;
            for (var i = start; i < end; i++)
            {
                var activity = activities[i];
                events[activity]++;
                if (seenIn[activity] != c)
                {
                    seenIn[activity] = c;
                    activityCases[activity]++;
                }
                else
                {
                    rework = true;
                }

                if (i > start)
                {
                    var key = ((long)activities[i - 1] * a) + activity;
                    if (!edgeCodes.TryGetValue(key, out var ticks))
                    {
                        edgeCodes[key] = ticks = [];
                    }

                    ticks.Add(timestamps[i] - timestamps[i - 1]);
                }
            }

            reworkFlags[c] = rework;
            if (end > start)
            {
                starts[activities[start]]++;
                ends[activities[end - 1]]++;
            }

            var sequence = new string[end - start];
            for (var i = start; i < end; i++)
            {
                sequence[i - start] = names[activities[i]];
            }

            var variant = VariantOf(sequence, variants, variantIndex);
            var duration = end > start ? timestamps[end - 1] - timestamps[start] : 0;
            cases.Add(new CaseRow(keys[c], log.CaseIds[c], variant, duration, end - start, rework));
        }

        var byName = new Dictionary<string, ActivityTally>(a, StringComparer.Ordinal);
        for (var code = 0; code < a; code++)
        {
            if (events[code] > 0)
            {
                byName[names[code]] = new ActivityTally(events[code], activityCases[code], starts[code], ends[code]);
            }
        }

        var edges = new Dictionary<(string, string), EdgeTally>(edgeCodes.Count);
        foreach (var (key, ticks) in edgeCodes)
        {
            edges[(names[(int)(key / a)], names[(int)(key % a)])] = new EdgeTally(ticks);
        }

        return new JourneyPartial(byName, edges, variants, variantIndex, cases, log.EventCount);
    }

    /// <summary>One partial covering the (disjoint) cases of all <paramref name="partials"/> (the merge step).</summary>
    /// <remarks>The inputs are not changed. Associative and commutative: <see cref="Finish"/> orders by case key.</remarks>
    public static JourneyPartial Merge(IReadOnlyList<JourneyPartial> partials)
    {
        ArgumentNullException.ThrowIfNull(partials);
        if (partials.Count == 1)
        {
            return partials[0];
        }

        var activities = new Dictionary<string, ActivityTally>(StringComparer.Ordinal);
        var edges = new Dictionary<(string, string), EdgeTally>();
        var variants = new List<string[]>();
        var variantIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var caseTotal = 0;
        long events = 0;
        foreach (var partial in partials)
        {
            caseTotal += partial._cases.Count;
            events += partial.EventCount;
        }

        var cases = new List<CaseRow>(caseTotal);
        foreach (var partial in partials)
        {
            foreach (var (name, tally) in partial._activities)
            {
                activities[name] = activities.TryGetValue(name, out var sum) ? sum.Add(tally) : tally;
            }

            foreach (var (edge, tally) in partial._edges)
            {
                edges[edge] = edges.TryGetValue(edge, out var sum) ? sum.Add(tally) : tally;
            }

            var map = new int[partial._variants.Count];
            for (var v = 0; v < map.Length; v++)
            {
                map[v] = VariantOf(partial._variants[v], variants, variantIndex);
            }

            foreach (var row in partial._cases)
            {
                cases.Add(row with { Variant = map[row.Variant] });
            }
        }

        return new JourneyPartial(activities, edges, variants, variantIndex, cases, events);
    }

    /// <summary>The key of an activity sequence in variant dictionaries (names joined by the unit separator).</summary>
    internal static string VariantKey(string[] sequence) => string.Join('\u001f', sequence);

    private static int VariantOf(string[] sequence, List<string[]> variants, Dictionary<string, int> index)
    {
        var key = VariantKey(sequence);
        if (!index.TryGetValue(key, out var id))
        {
            id = variants.Count;
            variants.Add(sequence);
            index[key] = id;
        }

        return id;
    }

    internal readonly record struct ActivityTally(long Events, long Cases, long Starts, long Ends)
    {
        public ActivityTally Add(ActivityTally other) =>
            new(Events + other.Events, Cases + other.Cases, Starts + other.Starts, Ends + other.Ends);

        public ActivityTally Subtract(ActivityTally other) =>
            new(Events - other.Events, Cases - other.Cases, Starts - other.Starts, Ends - other.Ends);
    }

    /// <summary>An edge's durations (ticks); merged tallies reference their parts' lists, gathered once by Finish.</summary>
    internal sealed class EdgeTally
    {
        public EdgeTally(List<long> ticks)
        {
            Parts = [ticks];
            Count = ticks.Count;
        }

        private EdgeTally(List<List<long>> parts, long count)
        {
            Parts = parts;
            Count = count;
        }

        public List<List<long>> Parts { get; }

        public long Count { get; }

        public EdgeTally Add(EdgeTally other) => new([.. Parts, .. other.Parts], Count + other.Count);
    }

    internal readonly record struct CaseRow(long Key, string Id, int Variant, long Ticks, int Events, bool Rework);
}
