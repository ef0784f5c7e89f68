using Journeyscope.EventLogs;

namespace Journeyscope.Filters;

/// <summary>Applies a sequence of filters to an event log, in order, fusing what can be fused.</summary>
/// <remarks>
/// Consecutive case filters are evaluated in one pass over the cases into one case mask; the event filters that
/// follow them are evaluated in one pass over the kept cases' events; the log is materialised once per such run
/// (with <see cref="EventLog.SelectCases"/> or <see cref="EventLog.SelectEvents"/>). A population-dependent filter (a
/// variant ranking) first settles the mask of the filters before it, so the result always equals applying the
/// filters one after another. Work is split into chunks of cases run in parallel; the token is checked per chunk.
/// </remarks>
public static class FilterPipeline
{
    private const int ChunkCases = 2048;

    /// <summary>Applies <paramref name="filters"/> in order and returns the filtered log.</summary>
    /// <returns>A log whose events are a subset of <paramref name="log"/>'s, in the same order; <paramref name="log"/> itself when nothing is dropped.</returns>
    public static EventLog Apply(EventLog log, IReadOnlyList<LogFilter> filters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(filters);
        var i = 0;
        while (i < filters.Count)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var caseKeep = new bool[log.CaseCount];
            caseKeep.AsSpan().Fill(true);
            var pending = new List<CasePredicate>();
            for (; i < filters.Count && filters[i] is CaseFilter caseFilter; i++)
            {
                if (caseFilter.DependsOnPopulation && pending.Count > 0)
                {
                    EvaluateCases(log, pending, caseKeep, cancellationToken);
                    pending.Clear();
                }

                pending.Add(caseFilter.Prepare(log, caseKeep));
            }

            EvaluateCases(log, pending, caseKeep, cancellationToken);

            var eventFilters = new List<EventPredicate>();
            for (; i < filters.Count && filters[i] is EventFilter eventFilter; i++)
            {
                eventFilters.Add(eventFilter.Prepare(log));
            }

            if (i < filters.Count && filters[i] is not CaseFilter and not EventFilter)
            {
                throw new ArgumentException($"Unknown filter type {filters[i].GetType().Name}.", nameof(filters));
            }

            log = eventFilters.Count == 0
                ? SelectCases(log, caseKeep)
                : SelectEvents(log, caseKeep, eventFilters, cancellationToken);
        }

        return log;
    }

    /// <summary>Applies <paramref name="filters"/> in order.</summary>
    public static EventLog Apply(EventLog log, params LogFilter[] filters) => Apply(log, filters, CancellationToken.None);

    private static void EvaluateCases(EventLog log, List<CasePredicate> predicates, bool[] keep, CancellationToken cancellationToken)
    {
        if (predicates.Count == 0)
        {
            return;
        }

        var chunks = (log.CaseCount + ChunkCases - 1) / ChunkCases;
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, chunks, options, chunk =>
        {
            var from = chunk * ChunkCases;
            var to = Math.Min(from + ChunkCases, log.CaseCount);
            foreach (var predicate in predicates)
            {
                predicate.Apply(from, to, keep);
            }
        });
    }

    private static EventLog SelectCases(EventLog log, bool[] keep)
    {
        var count = 0;
        foreach (var k in keep)
        {
            count += k ? 1 : 0;
        }

        if (count == log.CaseCount)
        {
            return log;
        }

        var indices = new int[count];
        var n = 0;
        for (var c = 0; c < keep.Length; c++)
        {
            if (keep[c])
            {
                indices[n++] = c;
            }
        }

        return log.SelectCases(indices);
    }

    private static EventLog SelectEvents(EventLog log, bool[] caseKeep, List<EventPredicate> predicates, CancellationToken cancellationToken)
    {
        var eventKeep = new bool[log.EventCount];
        var chunks = (log.CaseCount + ChunkCases - 1) / ChunkCases;
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, chunks, options, chunk =>
        {
            var fromCase = chunk * ChunkCases;
            var toCase = Math.Min(fromCase + ChunkCases, log.CaseCount);
            var starts = log.CaseStarts;
            var span = eventKeep.AsSpan();
            for (var c = fromCase; c < toCase; c++)
            {
                if (caseKeep[c])
                {
                    span[starts[c]..starts[c + 1]].Fill(true);
                }
            }

            foreach (var predicate in predicates)
            {
                predicate.Apply(starts[fromCase], starts[toCase], span);
            }
        });

        var count = 0;
        foreach (var k in eventKeep)
        {
            count += k ? 1 : 0;
        }

        if (count == log.EventCount && !HasEmptyCase(log))
        {
            return log;
        }

        var indices = new int[count];
        var n = 0;
        for (var e = 0; e < eventKeep.Length; e++)
        {
            if (eventKeep[e])
            {
                indices[n++] = e;
            }
        }

        return log.SelectEvents(indices);
    }

    private static bool HasEmptyCase(EventLog log)
    {
        var starts = log.CaseStarts;
        for (var c = 0; c < log.CaseCount; c++)
        {
            if (starts[c + 1] == starts[c])
            {
                return true;
            }
        }

        return false;
    }
}
