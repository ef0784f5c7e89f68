namespace Journeyscope.Discovery;

/// <summary>
/// The four cuts of the Inductive Miner (exclusive choice, strict sequence, concurrency, loop) detected on a
/// directly-follows graph, and the projections of a log onto a cut's groups, as PM4Py 2.7 computes them.
/// </summary>
internal static class InductiveCuts
{
    /// <summary>Tries the cuts in PM4Py's order on <paramref name="dfg"/> and projects <paramref name="log"/> on the first that holds.</summary>
    public static (MinedNode Node, List<VariantLog> Logs)? Find(VariantLog log, InductiveDfg dfg)
    {
        if (ExclusiveChoice(dfg) is { } xor)
        {
            return (new MinedNode(Journeys.ProcessTreeOperator.ExclusiveChoice), ProjectExclusiveChoice(log, xor));
        }

        if (StrictSequence(dfg) is { } sequence)
        {
            return (new MinedNode(Journeys.ProcessTreeOperator.Sequence), ProjectSequence(log, sequence));
        }

        if (Concurrency(dfg) is { } parallel)
        {
            return (new MinedNode(Journeys.ProcessTreeOperator.Parallel), ProjectConcurrency(log, parallel));
        }

        if (Loop(dfg) is { } loop)
        {
            return (new MinedNode(Journeys.ProcessTreeOperator.Loop), ProjectLoop(log, loop));
        }

        return null;
    }

    /// <summary>Connected components of the undirected graph, in ordinal order of their first activity.</summary>
    /// <remarks>
    /// PM4Py's <c>ExclusiveChoiceCut.holds</c> (cuts/xor.py) lists the components in the order networkx meets the
    /// vertices, which is the iteration order of the Python set <c>dfg.util.get_vertices</c>: string-hash order. That
    /// order breaks ties in the projection (a trace with as many events in two groups goes to the later group), and
    /// such ties happen when the cut holds only on the noise-filtered graph. Ordinal order is our fixed stand-in; it
    /// reproduces PM4Py 2.7.14's trees on the reference logs and on BPI 2020 PermitLog (issue 12).
    /// </remarks>
    private static List<HashSet<string>>? ExclusiveChoice(InductiveDfg dfg)
    {
        var vertices = dfg.Vertices();
        vertices.Sort(StringComparer.Ordinal);
        var components = Components(vertices, dfg.Edges.Keys);
        return components.Count > 1 ? components : null;
    }

    private static List<HashSet<string>> Components(List<string> vertices, IEnumerable<(string From, string To)> edges)
    {
        var neighbours = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var v in vertices)
        {
            neighbours[v] = [];
        }

        foreach (var (a, b) in edges)
        {
            neighbours[a].Add(b);
            neighbours[b].Add(a);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var components = new List<HashSet<string>>();
        foreach (var v in vertices)
        {
            if (!seen.Add(v))
            {
                continue;
            }

            var component = new HashSet<string>(StringComparer.Ordinal) { v };
            var queue = new Queue<string>();
            queue.Enqueue(v);
            while (queue.Count > 0)
            {
                foreach (var w in neighbours[queue.Dequeue()])
                {
                    if (seen.Add(w))
                    {
                        component.Add(w);
                        queue.Enqueue(w);
                    }
                }
            }

            components.Add(component);
        }

        return components;
    }

    private static List<HashSet<string>>? Sequence(InductiveDfg dfg)
    {
        var alphabet = dfg.Vertices();
        if (alphabet.Count == 0)
        {
            return null;
        }

        var successors = dfg.Successors(alphabet);
        var predecessors = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var a in alphabet)
        {
            predecessors[a] = new HashSet<string>(StringComparer.Ordinal);
        }

        foreach (var a in alphabet)
        {
            foreach (var b in successors[a])
            {
                predecessors[b].Add(a);
            }
        }

        var groups = alphabet.ConvertAll(a => new List<string> { a });
        int before;
        do
        {
            before = groups.Count;
            for (var i = 0; i < groups.Count; i++)
            {
                var j = i + 1;
                while (j < groups.Count)
                {
                    if (MustMerge(groups[i], groups[j], successors))
                    {
                        groups[i].AddRange(groups[j]);
                        groups.RemoveAt(j);
                        continue;
                    }

                    j++;
                }
            }
        }
        while (before != groups.Count);

        var n = alphabet.Count;
        var ordered = groups
            .OrderBy(g => predecessors[g[0]].Count + (n - successors[g[0]].Count))
            .Select(g => new HashSet<string>(g, StringComparer.Ordinal))
            .ToList();
        return ordered.Count > 1 ? ordered : null;
    }

    private static bool MustMerge(List<string> g1, List<string> g2, Dictionary<string, HashSet<string>> successors)
    {
        foreach (var a in g1)
        {
            foreach (var b in g2)
            {
                var ab = successors[a].Contains(b);
                var ba = successors[b].Contains(a);
                if (ab == ba)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The sequence cut with Leemans' strict-sequence merging of groups that can be skipped together.</summary>
    private static List<HashSet<string>>? StrictSequence(InductiveDfg dfg)
    {
        var c = Sequence(dfg);
        if (c is null)
        {
            return null;
        }

        var start = dfg.Starts.Keys.ToHashSet(StringComparer.Ordinal);
        var end = dfg.Ends.Keys.ToHashSet(StringComparer.Ordinal);
        var mf = c.Select(g => g.Overlaps(start) ? int.MinValue : int.MaxValue).ToArray();
        var mt = c.Select(g => g.Overlaps(end) ? int.MaxValue : int.MinValue).ToArray();
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < c.Count; i++)
        {
            foreach (var a in c[i])
            {
                map[a] = i;
            }
        }

        foreach (var (a, b) in dfg.Edges.Keys)
        {
            mf[map[b]] = Math.Min(mf[map[b]], map[a]);
            mt[map[a]] = Math.Max(mt[map[a]], map[b]);
        }

        for (var p = 0; p < c.Count; p++)
        {
            if (!Skippable(p, dfg, start, end, c))
            {
                continue;
            }

            for (var q = p - 1; q >= 0 && mt[q] <= p; q--)
            {
                c[p].UnionWith(c[q]);
                c[q].Clear();
            }

            for (var q = p + 1; q < mf.Length && mf[q] >= p; q++)
            {
                c[p].UnionWith(c[q]);
                c[q].Clear();
            }
        }

        var groups = c.FindAll(g => g.Count > 0);
        return groups.Count > 1 ? groups : null;
    }

    private static bool Skippable(int p, InductiveDfg dfg, HashSet<string> start, HashSet<string> end, List<HashSet<string>> groups)
    {
        var before = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < p; i++)
        {
            before.UnionWith(groups[i]);
        }

        var after = new HashSet<string>(StringComparer.Ordinal);
        for (var j = p + 1; j < groups.Count; j++)
        {
            after.UnionWith(groups[j]);
        }

        foreach (var (a, b) in dfg.Edges.Keys)
        {
            if (before.Contains(a) && after.Contains(b))
            {
                return true;
            }
        }

        return after.Overlaps(start) || before.Overlaps(end);
    }

    private static List<HashSet<string>>? Concurrency(InductiveDfg dfg)
    {
        var alphabet = dfg.Vertices();
        alphabet.Sort(StringComparer.Ordinal);
        if (alphabet.Count == 0)
        {
            return null;
        }

        var edges = dfg.Edges;
        var groups = alphabet.ConvertAll(a => new List<string> { a });
        var merged = true;
        while (merged)
        {
            merged = false;
            for (var i = 0; i < groups.Count && !merged; i++)
            {
                for (var j = i + 1; j < groups.Count && !merged; j++)
                {
                    if (NotFullyConnected(groups[i], groups[j], edges))
                    {
                        groups[i].AddRange(groups[j]);
                        groups.RemoveAt(j);
                        merged = true;
                    }
                }
            }
        }

        var sets = groups.OrderBy(g => g.Count).Select(g => new HashSet<string>(g, StringComparer.Ordinal)).ToList();
        var i2 = 0;
        while (i2 < sets.Count && sets.Count > 1)
        {
            if (sets[i2].Overlaps(dfg.Starts.Keys) && sets[i2].Overlaps(dfg.Ends.Keys))
            {
                i2++;
                continue;
            }

            var group = sets[i2];
            sets.RemoveAt(i2);
            sets[i2 == 0 ? 0 : i2 - 1].UnionWith(group);
        }

        return sets.Count > 1 ? sets : null;
    }

    private static bool NotFullyConnected(List<string> g1, List<string> g2, Dictionary<(string, string), long> edges)
    {
        foreach (var a in g1)
        {
            foreach (var b in g2)
            {
                if (!edges.ContainsKey((a, b)) || !edges.ContainsKey((b, a)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static List<HashSet<string>>? Loop(InductiveDfg dfg)
    {
        if (dfg.Edges.Count == 0)
        {
            return null;
        }

        var start = dfg.Starts.Keys.ToHashSet(StringComparer.Ordinal);
        var end = dfg.Ends.Keys.ToHashSet(StringComparer.Ordinal);
        var doGroup = new HashSet<string>(start, StringComparer.Ordinal);
        doGroup.UnionWith(end);
        var inner = dfg.Vertices().FindAll(v => !doGroup.Contains(v));
        var innerEdges = dfg.Edges.Keys.Where(e => !doGroup.Contains(e.From) && !doGroup.Contains(e.To));
        var groups = new List<HashSet<string>> { doGroup };
        groups.AddRange(Components(inner, innerEdges));

        foreach (var a in start.Where(s => !end.Contains(s)).ToList())
        {
            foreach (var (x, b) in dfg.Edges.Keys)
            {
                if (x == a)
                {
                    groups = MergeToFront(groups, a, b);
                }
            }
        }

        foreach (var b in end.Where(e => !start.Contains(e)).ToList())
        {
            foreach (var (a, x) in dfg.Edges.Keys)
            {
                if (x == b)
                {
                    groups = MergeToFront(groups, a, b);
                }
            }
        }

        for (var i = 1; i < groups.Count;)
        {
            var merge = groups[i].Any(a => dfg.Edges.Keys.Any(e => e.From == a && start.Contains(e.To)) && start.Any(s => !dfg.Edges.ContainsKey((a, s))));
            if (merge)
            {
                groups[0].UnionWith(groups[i]);
                groups.RemoveAt(i);
                continue;
            }

            i++;
        }

        for (var i = 1; i < groups.Count;)
        {
            var merge = groups[i].Any(a => dfg.Edges.Keys.Any(e => e.To == a && end.Contains(e.From)) && end.Any(e => !dfg.Edges.ContainsKey((e, a))));
            if (merge)
            {
                groups[0].UnionWith(groups[i]);
                groups.RemoveAt(i);
                continue;
            }

            i++;
        }

        groups = groups.FindAll(g => g.Count > 0);
        return groups.Count > 1 ? groups : null;
    }

    private static List<HashSet<string>> MergeToFront(List<HashSet<string>> groups, string a, string b)
    {
        var groupA = groups.Find(g => g.Contains(a))!;
        var groupB = groups.Find(g => g.Contains(b))!;
        var rest = groups.FindAll(g => !ReferenceEquals(g, groupA) && !ReferenceEquals(g, groupB));
        var union = new HashSet<string>(groupA, StringComparer.Ordinal);
        union.UnionWith(groupB);
        rest.Insert(0, union);
        return rest;
    }

    private static List<VariantLog> ProjectExclusiveChoice(VariantLog log, List<HashSet<string>> groups)
    {
        var logs = groups.ConvertAll(_ => new VariantLog());
        for (var v = 0; v < log.Count; v++)
        {
            var trace = log.Traces[v];
            var best = 0;
            var bestCount = -1;
            for (var g = 0; g < groups.Count; g++)
            {
                var count = 0;
                foreach (var e in trace)
                {
                    count += groups[g].Contains(e) ? 1 : 0;
                }

                // Ties go to the later group, as PM4Py's sort by (count, index) descending does.
                if (count >= bestCount)
                {
                    bestCount = count;
                    best = g;
                }
            }

            logs[best].Add(Array.FindAll(trace, groups[best].Contains), log.Counts[v]);
        }

        return logs;
    }

    private static List<VariantLog> ProjectSequence(VariantLog log, List<HashSet<string>> groups)
    {
        var logs = groups.ConvertAll(_ => new VariantLog());
        for (var v = 0; v < log.Count; v++)
        {
            var trace = log.Traces[v];
            var splitPoint = 0;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < groups.Count; i++)
            {
                var next = SplitPoint(trace, groups[i], splitPoint, seen);
                var part = new List<string>();
                for (var j = splitPoint; j < next; j++)
                {
                    if (groups[i].Contains(trace[j]))
                    {
                        part.Add(trace[j]);
                    }
                }

                logs[i].Add([.. part], log.Counts[v]);
                splitPoint = next;
                seen.UnionWith(groups[i]);
            }
        }

        return logs;
    }

    private static int SplitPoint(string[] trace, HashSet<string> group, int start, HashSet<string> ignore)
    {
        var leastCost = 0;
        var position = start;
        var cost = 0;
        for (var i = start; i < trace.Length; i++)
        {
            if (group.Contains(trace[i]))
            {
                cost--;
            }
            else if (!ignore.Contains(trace[i]))
            {
                cost++;
            }

            if (cost < leastCost)
            {
                leastCost = cost;
                position = i + 1;
            }
        }

        return position;
    }

    private static List<VariantLog> ProjectConcurrency(VariantLog log, List<HashSet<string>> groups)
    {
        var logs = new List<VariantLog>(groups.Count);
        foreach (var group in groups)
        {
            var projected = new VariantLog();
            for (var v = 0; v < log.Count; v++)
            {
                // PM4Py assigns (counter[t] = n) rather than adds here: traces that project alike keep the last count.
                projected.Set(Array.FindAll(log.Traces[v], group.Contains), log.Counts[v]);
            }

            logs.Add(projected);
        }

        return logs;
    }

    private static List<VariantLog> ProjectLoop(VariantLog log, List<HashSet<string>> groups)
    {
        var doGroup = groups[0];
        var redoGroups = groups.GetRange(1, groups.Count - 1);
        var redoActivities = new HashSet<string>(StringComparer.Ordinal);
        foreach (var g in redoGroups)
        {
            redoActivities.UnionWith(g);
        }

        var doLog = new VariantLog();
        var redoLogs = redoGroups.ConvertAll(_ => new VariantLog());
        for (var v = 0; v < log.Count; v++)
        {
            var count = log.Counts[v];
            var doTrace = new List<string>();
            var redoTrace = new List<string>();
            foreach (var e in log.Traces[v])
            {
                if (doGroup.Contains(e))
                {
                    doTrace.Add(e);
                    if (redoTrace.Count > 0)
                    {
                        AddRedo(redoTrace, redoLogs, redoGroups, count);
                        redoTrace.Clear();
                    }
                }
                else if (redoActivities.Contains(e))
                {
                    redoTrace.Add(e);
                    if (doTrace.Count > 0)
                    {
                        doLog.Add([.. doTrace], count);
                        doTrace.Clear();
                    }
                }
            }

            if (redoTrace.Count > 0)
            {
                AddRedo(redoTrace, redoLogs, redoGroups, count);
            }

            doLog.Add([.. doTrace], count);
        }

        var logs = new List<VariantLog> { doLog };
        logs.AddRange(redoLogs);
        return logs;
    }

    private static void AddRedo(List<string> redoTrace, List<VariantLog> redoLogs, List<HashSet<string>> redoGroups, long count)
    {
        var activities = redoTrace.ToHashSet(StringComparer.Ordinal);
        var best = 0;
        var bestCount = -1;
        for (var g = 0; g < redoGroups.Count; g++)
        {
            var overlap = activities.Count(redoGroups[g].Contains);
            if (overlap >= bestCount)
            {
                bestCount = overlap;
                best = g;
            }
        }

        redoLogs[best].Add([.. redoTrace], count);
    }
}
