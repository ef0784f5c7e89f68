namespace Journeyscope.Discovery;

public sealed partial class ProcessMap
{
    /// <summary>The path slider: ranks every edge (start and end edges included) and keeps the most frequent ones.</summary>
    private static class PathSlider
    {
        /// <summary>Keeps the edges covering <paramref name="coverage"/> of all counts, then restores connectivity.</summary>
        public static Paths Apply(DirectlyFollowsGraph graph, double coverage)
        {
            var activityCount = graph.Activities.Count;
            var start = activityCount;
            var end = activityCount + 1;
            var nodeCount = activityCount + 2;
            var candidates = Candidates(graph, start, end);

            long total = 0;
            foreach (var c in candidates)
            {
                total += c.Count;
            }

            // The smallest prefix (in count order) whose counts cover the share.
            var kept = new bool[candidates.Length];
            var target = coverage * total;
            long covered = 0;
            for (var i = 0; i < candidates.Length && covered < target; i++)
            {
                kept[i] = true;
                covered += candidates[i].Count;
            }

            Connect(candidates, kept, nodeCount, activityCount, start, forward: true);
            Connect(candidates, kept, nodeCount, activityCount, end, forward: false);
            return Collect(candidates, kept, start, end, total);
        }

        /// <summary>
        /// Adds edges until every activity with an edge is reachable from <paramref name="root"/> (forward) or reaches it
        /// (backward). Each round adds the most frequent hidden edge from (towards) the connected part to (from) a cut-off
        /// activity, which is that activity's most frequent such edge; rounds repeat until a fixed point.
        /// </summary>
        /// <remarks>
        /// Adding the most frequent crossing edge first (as Prim's algorithm does) avoids connecting an activity through a
        /// rare edge when a frequent one would connect it a round later. It always terminates connected: in the full graph
        /// every activity with events lies on a path from start to end, so while an activity is cut off, some cut-off
        /// activity has an edge from (towards) the connected part. The artificial nodes never need connecting.
        /// </remarks>
        private static void Connect(Candidate[] candidates, bool[] kept, int nodeCount, int activityCount, int root, bool forward)
        {
            while (true)
            {
                var connected = Reach(candidates, kept, nodeCount, root, forward);
                var added = false;
                for (var i = 0; i < candidates.Length && !added; i++)
                {
                    var (near, far) = forward ? (candidates[i].From, candidates[i].To) : (candidates[i].To, candidates[i].From);
                    if (!kept[i] && far < activityCount && connected[near] && !connected[far])
                    {
                        kept[i] = true; // candidates are in count order: the first crossing edge is the most frequent
                        added = true;
                    }
                }

                if (!added)
                {
                    return;
                }
            }
        }

        /// <summary>The nodes reachable from <paramref name="root"/> over kept edges (reversed when not forward).</summary>
        private static bool[] Reach(Candidate[] candidates, bool[] kept, int nodeCount, int root, bool forward)
        {
            var adjacency = new List<int>[nodeCount];
            for (var i = 0; i < candidates.Length; i++)
            {
                if (kept[i])
                {
                    var (from, to) = forward ? (candidates[i].From, candidates[i].To) : (candidates[i].To, candidates[i].From);
                    (adjacency[from] ??= []).Add(to);
                }
            }

            var reached = new bool[nodeCount];
            var stack = new Stack<int>();
            reached[root] = true;
            stack.Push(root);
            while (stack.TryPop(out var node))
            {
                if (adjacency[node] is not { } next)
                {
                    continue;
                }

                foreach (var to in next)
                {
                    if (!reached[to])
                    {
                        reached[to] = true;
                        stack.Push(to);
                    }
                }
            }

            return reached;
        }

        /// <summary>Every edge of the graph plus the start and end edges, by count descending, then source and target.</summary>
        private static Candidate[] Candidates(DirectlyFollowsGraph graph, int start, int end)
        {
            var list = new List<Candidate>(graph.Edges.Count + (2 * graph.Activities.Count));
            var starts = graph.StartActivityCounts;
            var ends = graph.EndActivityCounts;
            for (var a = 0; a < starts.Length; a++)
            {
                if (starts[a] > 0)
                {
                    list.Add(new Candidate(start, a, starts[a], -1));
                }

                if (ends[a] > 0)
                {
                    list.Add(new Candidate(a, end, ends[a], -1));
                }
            }

            for (var i = 0; i < graph.Edges.Count; i++)
            {
                var edge = graph.Edges[i];
                list.Add(new Candidate(edge.From, edge.To, edge.Count, i));
            }

            list.Sort(static (x, y) =>
            {
                var order = y.Count.CompareTo(x.Count);
                order = order != 0 ? order : x.From.CompareTo(y.From);
                return order != 0 ? order : x.To.CompareTo(y.To);
            });
            return [.. list];
        }

        private static Paths Collect(Candidate[] candidates, bool[] kept, int start, int end, long total)
        {
            var edges = new List<int>();
            var starts = new List<ProcessMapTerminalEdge>();
            var ends = new List<ProcessMapTerminalEdge>();
            long covered = 0;
            var hiddenTerminal = 0;
            for (var i = 0; i < candidates.Length; i++)
            {
                var c = candidates[i];
                if (!kept[i])
                {
                    hiddenTerminal += c.EdgeIndex < 0 ? 1 : 0;
                    continue;
                }

                covered += c.Count;
                if (c.From == start)
                {
                    starts.Add(new ProcessMapTerminalEdge(c.To, c.Count));
                }
                else if (c.To == end)
                {
                    ends.Add(new ProcessMapTerminalEdge(c.From, c.Count));
                }
                else
                {
                    edges.Add(c.EdgeIndex);
                }
            }

            // Graph edges are already by count descending, then source and target: their index order is the map's order.
            edges.Sort();
            return new Paths([.. edges], [.. starts], [.. ends], hiddenTerminal, total == 0 ? 1.0 : (double)covered / total);
        }
    }

    /// <summary>One edge the path slider may keep; <see cref="EdgeIndex"/> is -1 for start and end edges.</summary>
    private readonly record struct Candidate(int From, int To, long Count, int EdgeIndex);

    /// <summary>What the path slider kept.</summary>
    private sealed record Paths(
        int[] KeptEdges,
        ProcessMapTerminalEdge[] StartEdges,
        ProcessMapTerminalEdge[] EndEdges,
        int HiddenTerminalEdges,
        double Coverage);
}
