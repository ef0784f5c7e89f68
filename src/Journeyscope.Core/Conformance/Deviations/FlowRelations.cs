using Journeyscope.Journeys;

namespace Journeyscope.Conformance;

/// <summary>
/// The directly-follows relation a process tree allows: which labels can start and end a run, and for each pair
/// (a, b) whether b can directly follow a in some run (silent steps in between are invisible).
/// </summary>
/// <remarks>
/// Computed bottom-up in one pass from each node's first labels, last labels and whether it can do nothing:
/// a sequence links the last labels of a child to the first labels of every later child reachable over children
/// that can do nothing; a parallel node lets any label of one child directly follow any label of another; a loop
/// links do's last labels to redo's first labels and back (and do to do when redo can do nothing). Exact for trees
/// whose every leaf occurs in some run, which holds for all process trees.
/// </remarks>
public sealed class FlowRelations
{
    private readonly HashSet<(string From, string To)> _edges;

    private FlowRelations(HashSet<string> starts, HashSet<string> ends, HashSet<(string, string)> edges, bool canBeEmpty, List<(string, string)> order)
    {
        Starts = starts;
        Ends = ends;
        _edges = edges;
        CanBeEmpty = canBeEmpty;
        Edges = order;
    }

    /// <summary>The labels that can start a run.</summary>
    public IReadOnlySet<string> Starts { get; }

    /// <summary>The labels that can end a run.</summary>
    public IReadOnlySet<string> Ends { get; }

    /// <summary>Every pair (a, b) where b can directly follow a, in the order first found (left to right in the tree).</summary>
    public IReadOnlyList<(string From, string To)> Edges { get; }

    /// <summary>Whether the tree has a run with no visible step.</summary>
    public bool CanBeEmpty { get; }

    /// <summary>Whether <paramref name="to"/> can directly follow <paramref name="from"/>.</summary>
    public bool Allows(string from, string to) => _edges.Contains((from, to));

    /// <summary>Computes the relation of <paramref name="tree"/>.</summary>
    public static FlowRelations FromTree(ProcessTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var edges = new HashSet<(string, string)>();
        var order = new List<(string, string)>();
        var root = Visit(tree, edges, order);
        return new FlowRelations(root.First, root.Last, edges, root.Nullable, order);
    }

    /// <summary>The sets of every node, children before parents, left to right, with an explicit stack (the tree comes from a file).</summary>
    private static NodeSets Visit(ProcessTree root, HashSet<(string, string)> edges, List<(string, string)> order)
    {
        var stack = new Stack<Frame>();
        stack.Push(new Frame(root));
        NodeSets? finished = null;
        while (true)
        {
            var top = stack.Peek();
            if (finished is not null)
            {
                top.Done[top.Next++] = finished;
                finished = null;
            }

            if (top.Next < top.Node.Children.Count)
            {
                stack.Push(new Frame(top.Node.Children[top.Next]));
                continue;
            }

            stack.Pop();
            var sets = Combine(top.Node, top.Done, edges, order);
            if (stack.Count == 0)
            {
                return sets;
            }

            finished = sets;
        }
    }

    private static NodeSets Combine(ProcessTree node, NodeSets[] children, HashSet<(string, string)> edges, List<(string, string)> order)
    {
        if (node.Operator == ProcessTreeOperator.Leaf)
        {
            return node.Label is null
                ? new NodeSets([], [], [], true)
                : new NodeSets([node.Label], [node.Label], [node.Label], false);
        }

        var alphabet = new HashSet<string>(StringComparer.Ordinal);
        foreach (var child in children)
        {
            alphabet.UnionWith(child.Alphabet);
        }

        switch (node.Operator)
        {
            case ProcessTreeOperator.Sequence:
                {
                    for (var i = 0; i < children.Length; i++)
                    {
                        for (var j = i + 1; j < children.Length; j++)
                        {
                            Link(children[i].Last, children[j].First, edges, order);
                            if (!children[j].Nullable)
                            {
                                break;
                            }
                        }
                    }

                    var first = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var child in children)
                    {
                        first.UnionWith(child.First);
                        if (!child.Nullable)
                        {
                            break;
                        }
                    }

                    var last = new HashSet<string>(StringComparer.Ordinal);
                    for (var i = children.Length - 1; i >= 0; i--)
                    {
                        last.UnionWith(children[i].Last);
                        if (!children[i].Nullable)
                        {
                            break;
                        }
                    }

                    return new NodeSets(first, last, alphabet, Array.TrueForAll(children, c => c.Nullable));
                }

            case ProcessTreeOperator.ExclusiveChoice:
                return new NodeSets(Union(children, c => c.First), Union(children, c => c.Last), alphabet, Array.Exists(children, c => c.Nullable));

            case ProcessTreeOperator.Parallel:
                for (var i = 0; i < children.Length; i++)
                {
                    for (var j = 0; j < children.Length; j++)
                    {
                        if (i != j)
                        {
                            Link(children[i].Alphabet, children[j].Alphabet, edges, order);
                        }
                    }
                }

                return new NodeSets(Union(children, c => c.First), Union(children, c => c.Last), alphabet, Array.TrueForAll(children, c => c.Nullable));

            default:
                {
                    // Loop: do (redo do)*.
                    var body = children[0];
                    var redo = children[1];
                    Link(body.Last, redo.First, edges, order);
                    Link(redo.Last, body.First, edges, order);
                    if (redo.Nullable)
                    {
                        Link(body.Last, body.First, edges, order);
                    }

                    if (body.Nullable)
                    {
                        Link(redo.Last, redo.First, edges, order);
                    }

                    var first = new HashSet<string>(body.First, StringComparer.Ordinal);
                    var last = new HashSet<string>(body.Last, StringComparer.Ordinal);
                    if (body.Nullable)
                    {
                        first.UnionWith(redo.First);
                        last.UnionWith(redo.Last);
                    }

                    return new NodeSets(first, last, alphabet, body.Nullable);
                }
        }
    }

    private static HashSet<string> Union(NodeSets[] children, Func<NodeSets, HashSet<string>> select)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var child in children)
        {
            set.UnionWith(select(child));
        }

        return set;
    }

    private static void Link(HashSet<string> from, HashSet<string> to, HashSet<(string, string)> edges, List<(string, string)> order)
    {
        foreach (var a in from)
        {
            foreach (var b in to)
            {
                if (edges.Add((a, b)))
                {
                    order.Add((a, b));
                }
            }
        }
    }

    private sealed record NodeSets(HashSet<string> First, HashSet<string> Last, HashSet<string> Alphabet, bool Nullable);

    /// <summary>A node being visited: the sets of its children so far.</summary>
    private sealed class Frame(ProcessTree node)
    {
        public ProcessTree Node { get; } = node;

        public NodeSets[] Done { get; } = new NodeSets[node.Children.Count];

        public int Next { get; set; }
    }
}
