using System.Text;
using Journeyscope.Conformance;
using Journeyscope.Journeys;

namespace Journeyscope.Core.Tests.Journeys;

/// <summary>Process trees are at most <see cref="ProcessTree.MaxHeight"/> levels, and every walk handles that height.</summary>
public sealed class ProcessTreeHeightTests
{
    /// <summary>'a' wrapped in <paramref name="levels"/> optional choices: X( X( ... X( 'a', tau ) ..., tau ), tau ).</summary>
    private static ProcessTree Optionals(int levels)
    {
        var tree = ProcessTree.Leaf("a");
        for (var i = 0; i < levels; i++)
        {
            tree = ProcessTree.Node(ProcessTreeOperator.ExclusiveChoice, [tree, ProcessTree.Silent()]);
        }

        return tree;
    }

    /// <summary>Runs <paramref name="work"/> on a thread with a 1 MB stack, smaller than the thread pool's, and rethrows.</summary>
    private static void OnSmallStack(Action work)
    {
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    work();
                }
                catch (Exception e)
                {
                    failure = e;
                }
            },
            maxStackSize: 1 << 20);
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            throw new InvalidOperationException("The walk failed on a 1 MB stack.", failure);
        }
    }

    [Fact]
    public void Node_OneLevelPastMaxHeight_Throws()
    {
        // Given a tree of exactly MaxHeight levels
        var highest = Optionals(ProcessTree.MaxHeight - 1);
        highest.Height.ShouldBe(ProcessTree.MaxHeight);

        // When it is wrapped once more, then the builder refuses
        Should.Throw<ArgumentException>(() => ProcessTree.Node(ProcessTreeOperator.Sequence, [highest]))
            .Message.ShouldStartWith($"A process tree may have at most {ProcessTree.MaxHeight} levels.");
    }

    [Fact]
    public void Walks_TreeOfMaxHeight_CompleteOnASmallStack()
    {
        // Given the highest tree allowed
        var tree = Optionals(ProcessTree.MaxHeight - 1);
        string? text = null;
        PetriNet? net = null;
        FlowRelations? relations = null;
        List<string>? labels = null;
        ProcessTree? parsed = null;

        // When every walk runs on a 1 MB stack
        OnSmallStack(() =>
        {
            labels = tree.Labels().ToList();
            text = tree.ToString();
            parsed = ProcessTree.Parse(text);
            net = ProcessTreeConversion.ToPetriNet(tree);
            relations = FlowRelations.FromTree(tree);
        });

        // Then each completes with the one visible step, which may be skipped
        labels.ShouldBe(["a"]);
        text.ShouldNotBeNull().ShouldStartWith("X( X( X(");
        parsed.ShouldNotBeNull().Height.ShouldBe(ProcessTree.MaxHeight);
        net.ShouldNotBeNull().Transitions.Count(t => t.Label == "a").ShouldBe(1);
        relations.ShouldNotBeNull().CanBeEmpty.ShouldBeTrue();
        relations.Starts.ShouldBe(["a"]);
    }

    [Fact]
    public void Parse_Nested10000Deep_ThrowsFormatExceptionBeforeTheStackRunsOut()
    {
        // Given PM4Py notation nested 10,000 levels
        var text = new StringBuilder().Insert(0, "->( ", 10_000).Append("'a'").Insert(4 * 10_000 + 3, " )", 10_000).ToString();

        // When parsed on a small stack, then a FormatException names the cap
        var error = Should.Throw<InvalidOperationException>(() => OnSmallStack(() => ProcessTree.Parse(text)));
        error.InnerException.ShouldBeOfType<FormatException>().Message.ShouldStartWith($"The tree is nested deeper than {ProcessTree.MaxHeight} levels");
    }
}
