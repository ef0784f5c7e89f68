using Journeyscope.EventLogs;
using Journeyscope.Journeys;
using Journeyscope.Partitions;

namespace Journeyscope.Performance;

/// <summary>
/// The mergeable partial of the whole <see cref="PerformanceResult"/> (and of <see cref="ValueStreamResult"/> and
/// <see cref="BottlenecksResult"/>) over some cases: per activity its events, steps, processing and waits; per hand-over
/// every wait; per measured case its key, id, lead and processing time; every case duration; per variant its cases and
/// first case key (the process order); per activity its designed position; and the throughput partial. Keyed by names.
/// </summary>
/// <remarks>
/// Immutable once built: <see cref="Map"/> measures a segment under one processing-time source (decided over the whole log
/// by <see cref="ProcessingTimeEvidence"/>), <see cref="Merge"/> builds a new partial of several, <see cref="Finish"/>
/// turns one into the engine's record. Times are kept exactly (ticks), the per-case float sum (mean flow efficiency) and the
/// case list run in case-key order at the finish, and medians and percentiles sort every value, so every partitioning and
/// merge order gives the record of the whole log to the bit. Merge only (no running total): the medians need every wait.
/// O(events) to map, O(cases + steps) to merge, O(cases log cases + steps log steps) to finish.
/// </remarks>
public sealed partial class PerformancePartial
{
    private readonly Dictionary<string, StepTally> _activities;
    private readonly Dictionary<(string From, string To), WaitTally> _edges;
    private readonly Dictionary<string, VariantTally> _variants;
    private readonly List<CaseRow> _cases;
    private readonly List<long[]> _durations;
    private readonly ThroughputPartial _throughput;

    private static readonly PerformancePartial Empty = new(
        null, new(StringComparer.Ordinal), new(), new(StringComparer.Ordinal), [], [], ThroughputPartial.Merge([]), 0);

    private PerformancePartial(
        Shape? shape,
        Dictionary<string, StepTally> activities,
        Dictionary<(string From, string To), WaitTally> edges,
        Dictionary<string, VariantTally> variants,
        List<CaseRow> cases,
        List<long[]> durations,
        ThroughputPartial throughput,
        int caseCount)
    {
        Parameters = shape;
        _activities = activities;
        _edges = edges;
        _variants = variants;
        _cases = cases;
        _durations = durations;
        _throughput = throughput;
        CaseCount = caseCount;
    }

    /// <summary>Number of cases covered (measured or not).</summary>
    public int CaseCount { get; }

    /// <summary>The source the steps were measured under.</summary>
    public ProcessingTimeSource Source => Parameters?.Source ?? ProcessingTimeSource.None;

    /// <summary>Null for the empty partial, which merges with any.</summary>
    private Shape? Parameters { get; }

    /// <summary>
    /// A cache that decides the processing-time source over a partitioned log and maps and merges the partials under it,
    /// partition by partition, for <paramref name="options"/> and <paramref name="journey"/>.
    /// </summary>
    /// <param name="options">Value stream options (calendar, forced source); the defaults when null.</param>
    /// <param name="journey">The designed journey whose order the steps follow, or <c>null</c> for the dominant variant's.</param>
    public static PerformancePartialCache Cache(ValueStreamOptions? options = null, DesignedJourney? journey = null) =>
        new(options ?? ValueStreamOptions.Default, journey);

    /// <summary>The partial of every case of <paramref name="segment"/> measured under <paramref name="source"/> (the map step).</summary>
    /// <param name="segment">The cases.</param>
    /// <param name="source">The source of the whole log: <see cref="ProcessingTimeEvidence.Resolve"/> of every segment's evidence.</param>
    /// <param name="options">Value stream options; the defaults when null (the source is <paramref name="source"/>, whatever they force).</param>
    /// <param name="journey">The designed journey of the process order, or <c>null</c>.</param>
    /// <param name="cancellationToken">Cancels the measurement.</param>
    public static PerformancePartial Map(
        EventLogSegment segment, ProcessingTimeSource source, ValueStreamOptions? options = null, DesignedJourney? journey = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(segment);
        if (!Enum.IsDefined(source))
        {
            throw new ArgumentOutOfRangeException(nameof(source), source, "Unknown processing-time source.");
        }

        var log = segment.Log;
        var keys = segment.CaseKeys;
        var names = log.ActivityNames;
        var a = log.ActivityCount;
        var calendar = options?.Calendar;

        // A segment without the source's column has only instant steps, which is what the whole log's source gives its cases.
        var measured = (source == ProcessingTimeSource.StartTimestamps && log.StartTimestamps is null)
            || (source == ProcessingTimeSource.LifecyclePairs && log.Lifecycle is null)
            ? ProcessingTimeSource.None
            : source;
        var steps = ValueStream.Measure(log, measured, calendar, cancellationToken);

        var events = new long[a];
        foreach (var activity in log.Activities)
        {
            events[activity]++;
        }

        var executions = new long[a];
        var processing = new long[a];
        var waits = new long[a];
        var waiting = new long[a];
        var edgeWaits = new Dictionary<long, List<long>>();
        var activityCount = (long)Math.Max(1, a);
        for (var s = 0; s < steps.Activity.Length; s++)
        {
            var step = steps.Activity[s];
            if (step < 0)
            {
                continue;
            }

            executions[step]++;
            processing[step] += steps.Processing[s];
            var edge = steps.Edge[s];
            if (edge >= 0)
            {
                waits[step]++;
                waiting[step] += steps.Wait[s];
                if (!edgeWaits.TryGetValue(edge, out var list))
                {
                    edgeWaits[edge] = list = [];
                }

                list.Add(steps.Wait[s]);
            }
        }

        var positions = journey is null ? null : ProcessOrder.DesignedPositions(journey, log);
        var activities = new Dictionary<string, StepTally>(a, StringComparer.Ordinal);
        for (var code = 0; code < a; code++)
        {
            if (events[code] > 0)
            {
                activities[names[code]] = new StepTally(
                    events[code], executions[code], processing[code], waits[code], waiting[code], positions?[code] ?? int.MaxValue);
            }
        }

        var edges = new Dictionary<(string, string), WaitTally>(edgeWaits.Count);
        foreach (var (key, list) in edgeWaits)
        {
            edges[(names[(int)(key / activityCount)], names[(int)(key % activityCount)])] = new WaitTally([.. list]);
        }

        var (variants, cases, durations) = MapCases(log, keys, steps);
        var shape = new Shape(log.TimeBasis, source, calendar is not null, journey?.Id);
        return new PerformancePartial(shape, activities, edges, variants, cases, [durations], ThroughputPartial.Map(log), log.CaseCount);
    }

    private static (Dictionary<string, VariantTally> Variants, List<CaseRow> Cases, long[] Durations) MapCases(
        EventLog log, ReadOnlySpan<long> keys, ValueStream.StepColumns steps)
    {
        var names = log.ActivityNames;
        var activities = log.Activities;
        var timestamps = log.Timestamps;
        var variants = new Dictionary<string, VariantTally>(StringComparer.Ordinal);
        var cases = new List<CaseRow>(log.CaseCount);
        var durations = new long[log.CaseCount];
        for (var c = 0; c < log.CaseCount; c++)
        {
            var start = log.CaseStart(c);
            var end = start + log.CaseLength(c);
            var sequence = new string[end - start];
            for (var i = start; i < end; i++)
            {
                sequence[i - start] = names[activities[i]];
            }

            var key = JourneyPartial.VariantKey(sequence);
            variants[key] = variants.TryGetValue(key, out var tally)
                ? tally with { Cases = tally.Cases + 1, FirstKey = Math.Min(tally.FirstKey, keys[c]) }
                : new VariantTally(sequence, 1, keys[c]);
            durations[c] = end > start ? timestamps[end - 1] - timestamps[start] : 0;
            if (steps.CaseMeasured[c])
            {
                cases.Add(new CaseRow(keys[c], log.CaseIds[c], steps.CaseLead[c], steps.CaseProcessing[c]));
            }
        }

        return (variants, cases, durations);
    }

    /// <summary>What partials must share to merge: time basis, source, calendar use and journey.</summary>
    private readonly record struct Shape(TimeBasis TimeBasis, ProcessingTimeSource Source, bool UsesCalendar, string? JourneyId);

    /// <summary>One activity's figures: its events, its steps and their processing, its waits and their total (ticks).</summary>
    private readonly record struct StepTally(long Events, long Executions, long Processing, long Waits, long Waiting, int Position)
    {
        public StepTally Add(StepTally other) => new(
            Events + other.Events, Executions + other.Executions, Processing + other.Processing, Waits + other.Waits,
            Waiting + other.Waiting, Math.Min(Position, other.Position));
    }

    /// <summary>A hand-over's waits (ticks); a merged tally references its parts' arrays, gathered once by the finish.</summary>
    private sealed class WaitTally
    {
        public WaitTally(long[] waits)
        {
            Parts = [waits];
            Count = waits.Length;
        }

        public WaitTally(List<long[]> parts, int count)
        {
            Parts = parts;
            Count = count;
        }

        public List<long[]> Parts { get; }

        public int Count { get; }
    }

    /// <summary>A variant (activity names of all events) with its case count and the smallest key of its cases.</summary>
    private readonly record struct VariantTally(string[] Sequence, long Cases, long FirstKey);

    /// <summary>A measured case: its key, id, lead and processing time (ticks).</summary>
    private readonly record struct CaseRow(long Key, string Id, long Lead, long Processing);
}
