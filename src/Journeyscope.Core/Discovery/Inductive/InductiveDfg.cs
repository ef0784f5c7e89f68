namespace Journeyscope.Discovery;

/// <summary>A directly-follows graph with start and end activity counts, in insertion order.</summary>
internal sealed class InductiveDfg
{
    public Dictionary<(string From, string To), long> Edges { get; } = [];

    public Dictionary<string, long> Starts { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, long> Ends { get; } = new(StringComparer.Ordinal);

    public static InductiveDfg FromLog(VariantLog log)
    {
        var dfg = new InductiveDfg();
        for (var v = 0; v < log.Count; v++)
        {
            var trace = log.Traces[v];
            var count = log.Counts[v];
            if (trace.Length == 0)
            {
                continue;
            }

            dfg.Starts[trace[0]] = dfg.Starts.GetValueOrDefault(trace[0]) + count;
            dfg.Ends[trace[^1]] = dfg.Ends.GetValueOrDefault(trace[^1]) + count;
            for (var i = 0; i + 1 < trace.Length; i++)
            {
                var edge = (trace[i], trace[i + 1]);
                dfg.Edges[edge] = dfg.Edges.GetValueOrDefault(edge) + count;
            }
        }

        return dfg;
    }

    /// <summary>Start, end and edge activities, in the order PM4Py's <c>get_vertices</c> meets them.</summary>
    public List<string> Vertices()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var vertices = new List<string>();
        foreach (var a in Starts.Keys)
        {
            if (seen.Add(a))
            {
                vertices.Add(a);
            }
        }

        foreach (var a in Ends.Keys)
        {
            if (seen.Add(a))
            {
                vertices.Add(a);
            }
        }

        foreach (var (a, b) in Edges.Keys)
        {
            if (seen.Add(a))
            {
                vertices.Add(a);
            }

            if (seen.Add(b))
            {
                vertices.Add(b);
            }
        }

        return vertices;
    }

    /// <summary>For each vertex, the vertices reachable from it over one or more edges.</summary>
    public Dictionary<string, HashSet<string>> Successors(List<string> vertices)
    {
        var direct = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var v in vertices)
        {
            direct[v] = [];
        }

        foreach (var (a, b) in Edges.Keys)
        {
            direct[a].Add(b);
        }

        var result = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var v in vertices)
        {
            var reached = new HashSet<string>(StringComparer.Ordinal);
            var stack = new Stack<string>(direct[v]);
            while (stack.Count > 0)
            {
                var x = stack.Pop();
                if (reached.Add(x))
                {
                    foreach (var y in direct[x])
                    {
                        stack.Push(y);
                    }
                }
            }

            result[v] = reached;
        }

        return result;
    }
}
