using Journeyscope.Journeys;

namespace Journeyscope.Discovery;

/// <summary>The fall-throughs of the Inductive Miner, tried in PM4Py's order when no cut is found.</summary>
internal static class InductiveFallThroughs
{
    public static (MinedNode Node, List<VariantLog> Logs) Apply(VariantLog log)
    {
        return EmptyTraces(log)
            ?? ActivityOncePerTrace(log)
            ?? ActivityConcurrent(log)
            ?? TauLoop(log, strict: true)
            ?? TauLoop(log, strict: false)
            ?? Flower(log);
    }

    /// <summary>Empty traces: a choice between doing nothing and the rest of the log.</summary>
    public static (MinedNode Node, List<VariantLog> Logs)? EmptyTraces(VariantLog log)
    {
        if (!log.HasEmptyTrace())
        {
            return null;
        }

        var rest = WithoutEmptyTraces(log);
        return rest.Count > 0
            ? (new MinedNode(ProcessTreeOperator.ExclusiveChoice), [new VariantLog(), rest])
            : (MinedNode.Tau(), []);
    }

    public static VariantLog WithoutEmptyTraces(VariantLog log)
    {
        var rest = new VariantLog();
        for (var v = 0; v < log.Count; v++)
        {
            if (log.Traces[v].Length > 0)
            {
                rest.Add(log.Traces[v], log.Counts[v]);
            }
        }

        return rest;
    }

    /// <summary>An activity that occurs exactly once in every trace runs in parallel with the rest.</summary>
    /// <remarks>PM4Py takes any such activity (set order); Journeyscope takes the first in ordinal order.</remarks>
    private static (MinedNode Node, List<VariantLog> Logs)? ActivityOncePerTrace(VariantLog log)
    {
        var candidates = log.Alphabet().ToHashSet(StringComparer.Ordinal);
        foreach (var trace in log.Traces)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var e in trace)
            {
                counts[e] = counts.GetValueOrDefault(e) + 1;
            }

            candidates.RemoveWhere(a => counts.GetValueOrDefault(a) != 1);
            if (candidates.Count == 0)
            {
                return null;
            }
        }

        return SplitOff(log, candidates.Order(StringComparer.Ordinal).First());
    }

    /// <summary>The first activity (ordinal order) whose removal lets a cut be found runs in parallel with the rest.</summary>
    private static (MinedNode Node, List<VariantLog> Logs)? ActivityConcurrent(VariantLog log)
    {
        var candidates = log.Alphabet();
        candidates.Sort(StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            var without = new VariantLog();
            for (var v = 0; v < log.Count; v++)
            {
                without.Set(Array.FindAll(log.Traces[v], e => !string.Equals(e, candidate, StringComparison.Ordinal)), log.Counts[v]);
            }

            if (InductiveCuts.Find(without, without.Dfg()) is not null)
            {
                return SplitOff(log, candidate);
            }
        }

        return null;
    }

    private static (MinedNode Node, List<VariantLog> Logs) SplitOff(VariantLog log, string activity)
    {
        var only = new VariantLog();
        var other = new VariantLog();
        for (var v = 0; v < log.Count; v++)
        {
            only.Add(Array.FindAll(log.Traces[v], e => string.Equals(e, activity, StringComparison.Ordinal)), log.Counts[v]);
            other.Add(Array.FindAll(log.Traces[v], e => !string.Equals(e, activity, StringComparison.Ordinal)), log.Counts[v]);
        }

        return (new MinedNode(ProcessTreeOperator.Parallel), [only, other]);
    }

    /// <summary>
    /// Cuts traces where a start activity follows (strict: an end activity followed by a start activity); when that
    /// yields more traces, the log is a loop of the pieces with a silent redo.
    /// </summary>
    private static (MinedNode Node, List<VariantLog> Logs)? TauLoop(VariantLog log, bool strict)
    {
        var starts = new HashSet<string>(StringComparer.Ordinal);
        var ends = new HashSet<string>(StringComparer.Ordinal);
        foreach (var trace in log.Traces)
        {
            if (trace.Length > 0)
            {
                starts.Add(trace[0]);
                ends.Add(trace[^1]);
            }
        }

        var projected = new VariantLog();
        for (var v = 0; v < log.Count; v++)
        {
            var trace = log.Traces[v];
            var x = 0;
            for (var i = 1; i < trace.Length; i++)
            {
                if (starts.Contains(trace[i]) && (!strict || ends.Contains(trace[i - 1])))
                {
                    projected.Add(trace[x..i], log.Counts[v]);
                    x = i;
                }
            }

            projected.Add(trace[x..], log.Counts[v]);
        }

        return projected.TotalCount > log.TotalCount
            ? (new MinedNode(ProcessTreeOperator.Loop), [projected, new VariantLog()])
            : null;
    }

    /// <summary>Every activity, any number of times, in any order.</summary>
    private static (MinedNode Node, List<VariantLog> Logs) Flower(VariantLog log)
    {
        var body = new VariantLog();
        var alphabet = log.Alphabet();
        alphabet.Sort(StringComparer.Ordinal);
        foreach (var a in alphabet)
        {
            body.Add([a], 1);
        }

        return (new MinedNode(ProcessTreeOperator.Loop), [body, new VariantLog()]);
    }
}
