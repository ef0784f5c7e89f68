using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using Journeyscope.Journeys;

namespace Journeyscope.Discovery;

/// <summary>PM4Py's post-processing of mined trees: <c>fold</c> (drop redundant silent leaves, flatten) and <c>tree_sort</c>.</summary>
internal static class TreeNormalisation
{
    /// <summary>PM4Py's <c>fold</c> (objects/process_tree/utils/generic.py), run to its fixed point.</summary>
    /// <remarks>
    /// PM4Py: <c>_fold</c>, drop single-child roots, then fold again while <c>reduce_tau_leafs</c> or another
    /// <c>_fold</c> changes the tree's string. Both only remove nodes, so a changed tree has a changed string.
    /// </remarks>
    public static MinedNode Fold(MinedNode tree)
    {
        tree = tree.DeepCopy();
        while (true)
        {
            tree = FoldOnce(tree) ?? MinedNode.Tau();
            while (tree.Children.Count == 1)
            {
                tree = tree.Children[0];
            }

            var before = tree.ToString();
            ReduceTauLeaves(tree);
            if (tree.ToString() != before)
            {
                continue;
            }

            var refolded = FoldOnce(tree) ?? MinedNode.Tau();
            if (refolded.ToString() == before)
            {
                return refolded;
            }

            tree = refolded;
        }
    }

    /// <summary>PM4Py's <c>_fold</c>: reduce silent leaves, fold the children, collapse single-child nodes, flatten.</summary>
    private static MinedNode? FoldOnce(MinedNode tree)
    {
        ReduceTauLeaves(tree);
        if (tree.Children.Count == 0)
        {
            return tree;
        }

        var children = new List<MinedNode>(tree.Children.Count);
        foreach (var child in tree.Children)
        {
            if (FoldOnce(child) is { } folded)
            {
                children.Add(folded);
            }
        }

        tree.Children.Clear();
        if (children.Count == 0)
        {
            return null;
        }

        if (children.Count == 1)
        {
            return children[0];
        }

        if (tree.Operator is ProcessTreeOperator.Sequence or ProcessTreeOperator.Parallel)
        {
            // Folding can turn a child into a silent leaf (X(tau, tau) -> tau); it is redundant here, and a node
            // left without children becomes a silent leaf itself (PM4Py sets its operator to None).
            children.RemoveAll(c => c.IsTau);
            if (children.Count == 0)
            {
                return MinedNode.Tau();
            }
        }

        foreach (var child in children)
        {
            if (tree.Operator != ProcessTreeOperator.Loop && child.Operator == tree.Operator)
            {
                tree.Children.AddRange(child.Children);
            }
            else
            {
                tree.Children.Add(child);
            }
        }

        return tree;
    }

    /// <summary>PM4Py's <c>reduce_tau_leafs</c>, including the way its loops remove from the list they walk.</summary>
    private static void ReduceTauLeaves(MinedNode tree)
    {
        if (tree.Children.Count == 0)
        {
            return;
        }

        foreach (var child in tree.Children)
        {
            ReduceTauLeaves(child);
        }

        var silents = tree.Children.Count(c => c.IsTau);
        if (silents == 0)
        {
            return;
        }

        var children = tree.Children;
        if (silents == children.Count)
        {
            if (tree.Operator == ProcessTreeOperator.Loop)
            {
                // PM4Py removes while iterating over the same list: of a two-child all-silent loop it removes the
                // first child only, leaving *( tau ), which _fold then replaces by tau. Other loops stay as they are.
                if (children.Count == 2)
                {
                    children.RemoveAt(0);
                }
            }
            else
            {
                // Keep one silent leaf: later reductions need to know that skipping is possible.
                children.RemoveRange(0, children.Count - 1);
            }

            return;
        }

        if (tree.Operator is ProcessTreeOperator.Sequence or ProcessTreeOperator.Parallel)
        {
            // Python's "for c in children: children.remove(c)" skips the element after each removal; the silent
            // leaves it skips are removed by _fold afterwards.
            for (var i = 0; i < children.Count; i++)
            {
                if (children[i].IsTau)
                {
                    children.RemoveAt(children.FindIndex(c => c.IsTau));
                }
            }
        }
        else if (tree.Operator == ProcessTreeOperator.ExclusiveChoice)
        {
            // Removes the first silent leaf until one is left: the last one stays.
            while (silents > 1)
            {
                children.RemoveAt(children.FindIndex(c => c.IsTau));
                silents--;
            }
        }
    }

    /// <summary>Orders the children of choices and parallels by the sum of the MD5 hashes of their labels (stable).</summary>
    public static BigInteger Sort(MinedNode tree)
    {
        var sum = BigInteger.Zero;
        var sums = new List<BigInteger>(tree.Children.Count);
        foreach (var child in tree.Children)
        {
            var childSum = Sort(child);
            sums.Add(childSum);
            sum += childSum;
        }

        if (tree.Label is not null)
        {
            sum += new BigInteger(MD5.HashData(Encoding.UTF8.GetBytes(tree.Label)), isUnsigned: true, isBigEndian: true);
        }

        if (tree.Operator is ProcessTreeOperator.Parallel or ProcessTreeOperator.ExclusiveChoice)
        {
            var order = Enumerable.Range(0, tree.Children.Count).OrderBy(i => sums[i]).ToList();
            var sorted = order.ConvertAll(i => tree.Children[i]);
            tree.Children.Clear();
            tree.Children.AddRange(sorted);
        }

        return sum;
    }
}
