using Journeyscope.Journeys;

namespace Journeyscope.Core.Tests.Inductive;

/// <summary>
/// Decides whether a process tree can produce a trace: a node produces a set of trace positions (a bitmask) when its
/// semantics can yield exactly those events in order. Exponential in trace length; for short test traces only.
/// </summary>
internal sealed class TreeLanguage
{
    private readonly string[] _trace;
    private readonly Dictionary<(ProcessTree, int), bool> _memo = new();

    private TreeLanguage(string[] trace) => _trace = trace;

    public static bool Accepts(ProcessTree tree, IReadOnlyList<string> trace)
    {
        if (trace.Count > 16)
        {
            throw new ArgumentException("Traces longer than 16 events are too long for this checker.", nameof(trace));
        }

        return new TreeLanguage([.. trace]).Produces(tree, (1 << trace.Count) - 1);
    }

    private bool Produces(ProcessTree node, int mask)
    {
        if (_memo.TryGetValue((node, mask), out var known))
        {
            return known;
        }

        var result = node.Operator switch
        {
            ProcessTreeOperator.Leaf => node.Label is null
                ? mask == 0
                : System.Numerics.BitOperations.PopCount((uint)mask) == 1 && _trace[System.Numerics.BitOperations.TrailingZeroCount(mask)] == node.Label,
            ProcessTreeOperator.ExclusiveChoice => node.Children.Any(c => Produces(c, mask)),
            ProcessTreeOperator.Sequence => Sequence(node.Children, 0, Positions(mask), 0),
            ProcessTreeOperator.Parallel => Parallel(node.Children, 0, mask),
            _ => Loop(node.Children[0], node.Children[1], Positions(mask), 0, expectDo: true),
        };
        _memo[(node, mask)] = result;
        return result;
    }

    private static List<int> Positions(int mask) => Enumerable.Range(0, 16).Where(i => (mask & (1 << i)) != 0).ToList();

    private static int MaskOf(List<int> positions, int from, int to)
    {
        var mask = 0;
        for (var i = from; i < to; i++)
        {
            mask |= 1 << positions[i];
        }

        return mask;
    }

    private bool Sequence(IReadOnlyList<ProcessTree> children, int child, List<int> positions, int from)
    {
        if (child == children.Count)
        {
            return from == positions.Count;
        }

        for (var to = from; to <= positions.Count; to++)
        {
            if (Produces(children[child], MaskOf(positions, from, to)) && Sequence(children, child + 1, positions, to))
            {
                return true;
            }
        }

        return false;
    }

    private bool Parallel(IReadOnlyList<ProcessTree> children, int child, int mask)
    {
        if (child == children.Count - 1)
        {
            return Produces(children[child], mask);
        }

        // Every submask of mask (including empty and full) for this child, the rest for the others.
        for (var sub = mask; ; sub = (sub - 1) & mask)
        {
            if (Produces(children[child], sub) && Parallel(children, child + 1, mask & ~sub))
            {
                return true;
            }

            if (sub == 0)
            {
                return false;
            }
        }
    }

    private bool Loop(ProcessTree body, ProcessTree redo, List<int> positions, int from, bool expectDo, HashSet<(int, bool)>? visiting = null)
    {
        // do (redo do)*: pieces alternate, starting and ending with do. An empty do and an empty redo could alternate
        // forever at the same position, so a (position, phase) already on the path is a dead end.
        visiting ??= [];
        if (!visiting.Add((from, expectDo)))
        {
            return false;
        }

        try
        {
            for (var to = from; to <= positions.Count; to++)
            {
                if (!Produces(expectDo ? body : redo, MaskOf(positions, from, to)))
                {
                    continue;
                }

                if ((expectDo && to == positions.Count) || Loop(body, redo, positions, to, !expectDo, visiting))
                {
                    return true;
                }
            }

            return false;
        }
        finally
        {
            visiting.Remove((from, expectDo));
        }
    }
}
