using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using Journeyscope.Journeys;

namespace Journeyscope.Discovery;

/// <summary>PM4Py's post-processing of mined trees: <c>fold</c> (drop redundant silent leaves, flatten) and <c>tree_sort</c>.</summary>
internal static class TreeNormalisation
{
    public static MinedNode Fold(MinedNode tree)
    {
        while (true)
        {
            var folded = FoldOnce(tree.DeepCopy()) ?? MinedNode.Tau();
            while (folded.Operator != ProcessTreeOperator.Leaf && folded.Children.Count == 1)
            {
                folded = folded.Children[0];
            }

            var reduced = ReduceTaus(folded.DeepCopy());
            if (reduced.ToString() == folded.ToString())
            {
                return folded;
            }

            tree = folded;
        }
    }

    private static MinedNode? FoldOnce(MinedNode tree)
    {
        tree = ReduceTaus(tree);
        if (tree.Children.Count == 0)
        {
            return tree;
        }

        var children = new List<MinedNode>();
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

    /// <summary>Silent leaves are redundant in sequences and parallels; a choice needs only one.</summary>
    private static MinedNode ReduceTaus(MinedNode tree)
    {
        if (tree.Children.Count == 0)
        {
            return tree;
        }

        foreach (var child in tree.Children)
        {
            ReduceTaus(child);
        }

        var silents = tree.Children.Count(c => c.IsTau);
        if (silents == 0)
        {
            return tree;
        }

        if (silents == tree.Children.Count)
        {
            // All silent: keep one (a loop of silent steps too), later folding replaces the node by it.
            tree.Children.RemoveRange(1, tree.Children.Count - 1);
            return tree;
        }

        if (tree.Operator is ProcessTreeOperator.Sequence or ProcessTreeOperator.Parallel)
        {
            tree.Children.RemoveAll(c => c.IsTau);
        }
        else if (tree.Operator == ProcessTreeOperator.ExclusiveChoice)
        {
            var first = tree.Children.FindIndex(c => c.IsTau);
            for (var i = tree.Children.Count - 1; i > first; i--)
            {
                if (tree.Children[i].IsTau)
                {
                    tree.Children.RemoveAt(i);
                }
            }
        }

        return tree;
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
