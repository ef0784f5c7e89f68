using CsCheck;
using Journeyscope.Conformance;
using Journeyscope.Journeys;

namespace Journeyscope.Core.Tests.Deviations;

public sealed class FlowRelationsTests
{
    private static string Describe(FlowRelations relations) =>
        $"start [{string.Join(",", relations.Starts.Order(StringComparer.Ordinal))}] " +
        $"end [{string.Join(",", relations.Ends.Order(StringComparer.Ordinal))}] " +
        $"df [{string.Join(",", relations.Edges.Select(e => e.From + e.To).Order(StringComparer.Ordinal))}]" +
        (relations.CanBeEmpty ? " empty" : string.Empty);

    [Theory]
    [InlineData("->( 'a', 'b', 'c' )", "start [a] end [c] df [ab,bc]")]
    [InlineData("->( 'a', X( 'b', tau ), 'c' )", "start [a] end [c] df [ab,ac,bc]")]
    [InlineData("+( 'a', 'b' )", "start [a,b] end [a,b] df [ab,ba]")]
    [InlineData("*( 'a', 'b' )", "start [a] end [a] df [ab,ba]")]
    [InlineData("*( 'a', tau )", "start [a] end [a] df [aa]")]
    [InlineData("*( tau, 'a' )", "start [a] end [a] df [aa] empty")]
    [InlineData("->( X( 'a', tau ), X( 'b', tau ) )", "start [a,b] end [a,b] df [ab] empty")]
    [InlineData("->( 'x', +( ->( 'a', 'b' ), 'c' ), 'y' )", "start [x] end [y] df [ab,ac,bc,bc,by,ca,cb,cy,xa,xc]")]
    public void FromTree_SmallTrees_GiveTheirDirectlyFollowsRelation(string tree, string expected)
    {
        var expectedDistinct = expected.Replace("bc,bc", "bc", StringComparison.Ordinal);

        Describe(FlowRelations.FromTree(ProcessTree.Parse(tree))).ShouldBe(expectedDistinct);
    }

    private static readonly Gen<ProcessTree> GenTree = GenNode(3);

    private static Gen<ProcessTree> GenNode(int depth)
    {
        var leaf = Gen.OneOf(
            Gen.Int[0, 3].Select(i => ProcessTree.Leaf("abcd"[i].ToString())),
            Gen.Const(0).Select(_ => ProcessTree.Silent()));
        if (depth == 0)
        {
            return leaf;
        }

        var child = GenNode(depth - 1);
        return Gen.Frequency(
            (2, leaf),
            (1, Gen.Select(Gen.Int[1, 3].Select(i => (ProcessTreeOperator)i), child.Array[1, 3])
                .Select((op, children) => ProcessTree.Node(op, children))),
            (1, Gen.Select(child, child).Select((body, redo) => ProcessTree.Node(ProcessTreeOperator.Loop, [body, redo]))));
    }

    /// <summary>The runs of a tree with at most two redo iterations per loop: enough to witness every directly-follows pair.</summary>
    private static List<string[]> Runs(ProcessTree tree)
    {
        switch (tree.Operator)
        {
            case ProcessTreeOperator.Leaf:
                return [tree.Label is null ? [] : [tree.Label]];
            case ProcessTreeOperator.Sequence:
                return tree.Children.Aggregate(new List<string[]> { Array.Empty<string>() }, (acc, c) => Distinct(acc.SelectMany(x => Runs(c).Select(y => x.Concat(y).ToArray()))));
            case ProcessTreeOperator.ExclusiveChoice:
                return Distinct(tree.Children.SelectMany(Runs));
            case ProcessTreeOperator.Parallel:
                return tree.Children.Aggregate(new List<string[]> { Array.Empty<string>() }, (acc, c) => Distinct(acc.SelectMany(x => Runs(c).SelectMany(y => Interleave(x, y)))));
            default:
                var body = Runs(tree.Children[0]);
                var redo = Runs(tree.Children[1]);
                var result = new List<string[]>(body);
                var current = body;
                for (var i = 0; i < 2; i++)
                {
                    current = Distinct(current.SelectMany(x => redo.SelectMany(r => body.Select(b => x.Concat(r).Concat(b).ToArray()))));
                    result.AddRange(current);
                }

                return Distinct(result);
        }
    }

    private static IEnumerable<string[]> Interleave(string[] x, string[] y)
    {
        if (x.Length == 0 || y.Length == 0)
        {
            yield return x.Concat(y).ToArray();
            yield break;
        }

        foreach (var rest in Interleave(x[1..], y))
        {
            yield return [x[0], .. rest];
        }

        foreach (var rest in Interleave(x, y[1..]))
        {
            yield return [y[0], .. rest];
        }
    }

    private static List<string[]> Distinct(IEnumerable<string[]> runs) =>
        runs.DistinctBy(r => string.Join(" ", r)).Take(5000).ToList();

    [Fact]
    public void FromTree_RandomTrees_EqualsTheRelationOfTheirRuns()
    {
        GenTree.Sample(tree =>
        {
            // Given the runs of a random tree (loops unrolled twice)
            var runs = Runs(tree);
            if (runs.Count >= 5000)
            {
                return;
            }

            var expected = new HashSet<string>(runs.SelectMany(r => r.Zip(r.Skip(1), (a, b) => a + b)));

            // When
            var relations = FromTreeSafe(tree);

            // Then
            relations.Edges.Select(e => e.From + e.To).ToHashSet().SetEquals(expected).ShouldBeTrue(tree.ToString());
            relations.Starts.SetEquals(runs.Where(r => r.Length > 0).Select(r => r[0])).ShouldBeTrue(tree.ToString());
            relations.Ends.SetEquals(runs.Where(r => r.Length > 0).Select(r => r[^1])).ShouldBeTrue(tree.ToString());
            relations.CanBeEmpty.ShouldBe(runs.Any(r => r.Length == 0), tree.ToString());
        }, iter: 400);
    }

    private static FlowRelations FromTreeSafe(ProcessTree tree) => FlowRelations.FromTree(tree);
}
