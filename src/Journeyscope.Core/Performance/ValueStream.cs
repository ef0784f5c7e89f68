using System.Runtime.InteropServices;
using Journeyscope.EventLogs;

namespace Journeyscope.Performance;

/// <summary>Value stream (lean) analysis: lead, processing and waiting time, flow efficiency, and where customers wait.</summary>
/// <remarks>
/// Each case is turned into steps (activity instances with a start and a completion, see
/// <see cref="ProcessingTimeSource"/>), ordered by completion. Definitions are in docs/performance.md. Runs in
/// parallel over chunks of cases, each chunk writing its own slots of shared result columns; the token is checked
/// per chunk. O(n log k) for cases of k steps (the sort behind overlapping processing time), plus O(m + g log g) for the m
/// hand-overs in edge groups of g (edge medians).
/// </remarks>
public static partial class ValueStream
{
    private const int ChunkCases = 1024;

    /// <summary>Analyses <paramref name="log"/>.</summary>
    /// <exception cref="ArgumentException">A forced <see cref="ValueStreamOptions.Source"/> the log cannot provide.</exception>
    public static ValueStreamResult Analyze(EventLog log, ValueStreamOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        options ??= ValueStreamOptions.Default;
        var source = options.Source ?? Detect(log);
        if (source == ProcessingTimeSource.StartTimestamps && log.StartTimestamps is null)
        {
            throw new ArgumentException("The log has no start timestamps.", nameof(options));
        }

        if (source == ProcessingTimeSource.LifecyclePairs && log.Lifecycle is null)
        {
            throw new ArgumentException("The log has no lifecycle transitions.", nameof(options));
        }

        var steps = Measure(log, source, options.Calendar, cancellationToken);
        return Aggregate(log, source, options.Calendar is not null, steps);
    }

    /// <summary>The steps of every case of <paramref name="log"/> under <paramref name="source"/> (which the log must provide).</summary>
    internal static StepColumns Measure(EventLog log, ProcessingTimeSource source, BusinessCalendar? calendar, CancellationToken cancellationToken)
    {
        var steps = new StepColumns(log.EventCount, log.CaseCount);
        var measurer = new CaseMeasurer(log, source, calendar, steps);
        var chunks = (log.CaseCount + ChunkCases - 1) / ChunkCases;
        Parallel.For(
            0,
            chunks,
            new ParallelOptions { CancellationToken = cancellationToken },
            () => new Scratch(),
            (chunk, _, scratch) =>
            {
                var to = Math.Min((chunk + 1) * ChunkCases, log.CaseCount);
                for (var c = chunk * ChunkCases; c < to; c++)
                {
                    measurer.Measure(c, scratch);
                }

                return scratch;
            },
            _ => { });

        cancellationToken.ThrowIfCancellationRequested();
        return steps;
    }

    /// <summary>The processing-time source <see cref="Analyze"/> uses for <paramref name="log"/> when none is forced.</summary>
    public static ProcessingTimeSource Detect(EventLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (log.StartTimestamps is { } starts && starts.Validity.CountValid() > 0)
        {
            return ProcessingTimeSource.StartTimestamps;
        }

        if (log.Lifecycle is { } lifecycle)
        {
            var kinds = LifecycleKinds(lifecycle);
            foreach (var code in lifecycle.Codes)
            {
                if (code >= 0 && kinds[code] == LifecycleKind.Start)
                {
                    return ProcessingTimeSource.LifecyclePairs;
                }
            }
        }

        return ProcessingTimeSource.None;
    }

    internal static LifecycleKind[] LifecycleKinds(StringColumn lifecycle)
    {
        var kinds = new LifecycleKind[lifecycle.Dictionary.Count];
        for (var i = 0; i < kinds.Length; i++)
        {
            var text = lifecycle.Dictionary[i].AsSpan().Trim();
            kinds[i] = text.Equals("start", StringComparison.OrdinalIgnoreCase) ? LifecycleKind.Start
                : text.Equals("complete", StringComparison.OrdinalIgnoreCase) ? LifecycleKind.Complete
                : LifecycleKind.Other;
        }

        return kinds;
    }

    private static ValueStreamResult Aggregate(EventLog log, ProcessingTimeSource source, bool usesCalendar, StepColumns steps)
    {
        var cases = new List<CaseValueStream>(log.CaseCount);
        for (var c = 0; c < log.CaseCount; c++)
        {
            if (!steps.CaseMeasured[c])
            {
                continue;
            }

            cases.Add(Case(log.CaseIds[c], steps.CaseLead[c], steps.CaseProcessing[c], source));
        }

        return Result(source, usesCalendar, [.. cases], AggregateActivities(log, steps), AggregateEdges(log, steps));
    }

    /// <summary>The measures of one case from its lead and processing time (ticks).</summary>
    internal static CaseValueStream Case(string id, long lead, long processing, ProcessingTimeSource source)
    {
        double? efficiency = source == ProcessingTimeSource.None || lead == 0 ? null : processing / (double)lead;
        return new CaseValueStream(
            id, TimeSpan.FromTicks(lead), TimeSpan.FromTicks(processing), TimeSpan.FromTicks(Math.Max(0, lead - processing)), efficiency);
    }

    /// <summary>The result of measured cases (log order), activities (by name) and hand-overs (by from then to): ranks the bottlenecks.</summary>
    internal static ValueStreamResult Result(
        ProcessingTimeSource source, bool usesCalendar, CaseValueStream[] cases, ActivityPerformance[] activities, HandoverWaitingTime[] edges)
    {
        long totalWait = 0;
        foreach (var edge in edges)
        {
            totalWait += edge.TotalWaitingTime.Ticks;
        }

        var ranked = edges
            .OrderByDescending(e => e.TotalWaitingTime)
            .ThenByDescending(e => e.MeanWaitingTime)
            .ThenBy(e => e.From, StringComparer.Ordinal)
            .ThenBy(e => e.To, StringComparer.Ordinal)
            .Select((e, i) => new Bottleneck(i + 1, e, totalWait == 0 ? 0 : e.TotalWaitingTime.Ticks / (double)totalWait))
            .ToArray();
        return new ValueStreamResult(source, usesCalendar, cases, activities, edges, ranked);
    }

    private static ActivityPerformance[] AggregateActivities(EventLog log, StepColumns steps)
    {
        var count = new int[log.ActivityCount];
        var processing = new long[log.ActivityCount];
        var waitCount = new int[log.ActivityCount];
        var waiting = new long[log.ActivityCount];
        for (var s = 0; s < steps.Activity.Length; s++)
        {
            var a = steps.Activity[s];
            if (a < 0)
            {
                continue;
            }

            count[a]++;
            processing[a] += steps.Processing[s];
            if (steps.Edge[s] >= 0)
            {
                waitCount[a]++;
                waiting[a] += steps.Wait[s];
            }
        }

        var result = new List<ActivityPerformance>();
        for (var a = 0; a < count.Length; a++)
        {
            if (count[a] > 0)
            {
                result.Add(new ActivityPerformance(
                    log.ActivityNames[a], count[a], TimeSpan.FromTicks(processing[a]), Mean(processing[a], count[a]),
                    waitCount[a], TimeSpan.FromTicks(waiting[a]), Mean(waiting[a], waitCount[a])));
            }
        }

        return [.. result.OrderBy(r => r.Activity, StringComparer.Ordinal)];
    }

    private static HandoverWaitingTime[] AggregateEdges(EventLog log, StepColumns steps)
    {
        // Dense ids for the edges that occur, then a counting sort of the waits by edge, then one sort per edge
        // for its median: O(m + sum of g log g) over edge groups of size g, rather than sorting all m waits by key.
        var denseOf = new Dictionary<long, int>();
        var edgeKeys = new List<long>();
        var counts = new List<int>();
        var dense = new int[steps.Edge.Length];
        for (var s = 0; s < steps.Edge.Length; s++)
        {
            var key = steps.Edge[s];
            if (key < 0)
            {
                dense[s] = -1;
                continue;
            }

            ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(denseOf, key, out var exists);
            if (!exists)
            {
                id = edgeKeys.Count;
                edgeKeys.Add(key);
                counts.Add(0);
            }

            dense[s] = id;
            counts[id]++;
        }

        var offsets = new int[edgeKeys.Count + 1];
        for (var d = 0; d < edgeKeys.Count; d++)
        {
            offsets[d + 1] = offsets[d] + counts[d];
        }

        var waits = new long[offsets[^1]];
        var fill = offsets[..^1];
        for (var s = 0; s < dense.Length; s++)
        {
            if (dense[s] >= 0)
            {
                waits[fill[dense[s]]++] = steps.Wait[s];
            }
        }

        var result = new HandoverWaitingTime[edgeKeys.Count];
        var activityCount = Math.Max(1, log.ActivityCount);
        for (var d = 0; d < edgeKeys.Count; d++)
        {
            result[d] = Handover(
                log.ActivityNames[(int)(edgeKeys[d] / activityCount)], log.ActivityNames[(int)(edgeKeys[d] % activityCount)],
                waits.AsSpan(offsets[d], offsets[d + 1] - offsets[d]));
        }

        return [.. result.OrderBy(r => r.From, StringComparer.Ordinal).ThenBy(r => r.To, StringComparer.Ordinal)];
    }

    /// <summary>The figures of one hand-over from all its waits (ticks, any order; sorted in place for the median).</summary>
    internal static HandoverWaitingTime Handover(string from, string to, Span<long> waits)
    {
        long sum = 0;
        foreach (var wait in waits)
        {
            sum += wait;
        }

        waits.Sort();
        var n = waits.Length;
        var median = n % 2 == 1 ? waits[n / 2] : (long)Math.Round((waits[(n / 2) - 1] + (double)waits[n / 2]) / 2);
        return new HandoverWaitingTime(from, to, n, TimeSpan.FromTicks(sum), Mean(sum, n), TimeSpan.FromTicks(median));
    }

    internal static TimeSpan Mean(long total, int count) =>
        count == 0 ? TimeSpan.Zero : TimeSpan.FromTicks((long)Math.Round(total / (double)count));
}
