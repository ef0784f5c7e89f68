using Journeyscope.EventLogs;

namespace Journeyscope.Conformance;

public static partial class DeviationAnalysis
{
    private static TransitionComparison CompareTransitions(EventLog log, JourneyIndex index, FlowRelations designed, CancellationToken cancellationToken)
    {
        // Touchpoint indices shifted by one: 0 is the start or end of a case.
        var touchpoints = index.Journey.Touchpoints;
        var counts = new Dictionary<(int From, int To), (int Count, int Cases, int LastCase)>();
        var activities = log.Activities;
        for (var c = 0; c < log.CaseCount; c++)
        {
            if (c % ChunkCases == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var previous = 0;
            var end = log.CaseStarts[c + 1];
            for (var e = log.CaseStarts[c]; e < end; e++)
            {
                var t = index.ActivityTouchpoint[activities[e]];
                if (t < 0)
                {
                    continue;
                }

                Count(counts, previous, t + 1, c);
                previous = t + 1;
            }

            if (previous != 0)
            {
                Count(counts, previous, 0, c);
            }
        }

        var observed = new List<TransitionEdge>(counts.Count);
        foreach (var ((from, to), count) in counts)
        {
            observed.Add(new TransitionEdge(from == 0 ? null : touchpoints[from - 1].Id, to == 0 ? null : touchpoints[to - 1].Id, count.Count, count.Cases, false));
        }

        return Compare(observed, designed);
    }

    /// <summary>
    /// The comparison of the observed transitions (any order; their <see cref="TransitionEdge.Designed"/> is set here) with
    /// the designed relation: most taken first, the undesigned ones, and the designed ones never taken.
    /// </summary>
    internal static TransitionComparison Compare(List<TransitionEdge> observed, FlowRelations designed)
    {
        var seen = new HashSet<(string?, string?)>();
        for (var i = 0; i < observed.Count; i++)
        {
            var edge = observed[i];
            seen.Add((edge.From, edge.To));
            observed[i] = edge with { Designed = IsDesigned(designed, edge.From, edge.To) };
        }

        observed.Sort((x, y) => x.Count != y.Count ? y.Count.CompareTo(x.Count) : string.CompareOrdinal(x.ToString(), y.ToString()));
        var undesigned = observed.FindAll(edge => !edge.Designed);

        var neverTaken = new List<TransitionEdge>();
        var designedCount = 0;
        foreach (var start in designed.Starts)
        {
            designedCount++;
            AddIfNeverTaken(neverTaken, seen, null, start);
        }

        foreach (var (from, to) in designed.Edges)
        {
            designedCount++;
            AddIfNeverTaken(neverTaken, seen, from, to);
        }

        foreach (var end in designed.Ends)
        {
            designedCount++;
            AddIfNeverTaken(neverTaken, seen, end, null);
        }

        return new TransitionComparison(observed, undesigned, neverTaken, designedCount);
    }

    private static void Count(Dictionary<(int, int), (int Count, int Cases, int LastCase)> counts, int from, int to, int caseIndex)
    {
        var key = (from, to);
        if (counts.TryGetValue(key, out var count))
        {
            counts[key] = (count.Count + 1, count.LastCase == caseIndex ? count.Cases : count.Cases + 1, caseIndex);
        }
        else
        {
            counts.Add(key, (1, 1, caseIndex));
        }
    }

    private static bool IsDesigned(FlowRelations designed, string? from, string? to) => (from, to) switch
    {
        (null, null) => designed.CanBeEmpty,
        (null, { } first) => designed.Starts.Contains(first),
        ({ } last, null) => designed.Ends.Contains(last),
        ({ } a, { } b) => designed.Allows(a, b),
    };

    private static void AddIfNeverTaken(List<TransitionEdge> neverTaken, HashSet<(string?, string?)> seen, string? from, string? to)
    {
        if (!seen.Contains((from, to)))
        {
            neverTaken.Add(new TransitionEdge(from, to, 0, 0, true));
        }
    }
}
