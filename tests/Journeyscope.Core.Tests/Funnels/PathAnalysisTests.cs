using CsCheck;
using Journeyscope.Core.Tests.Filters;
using Journeyscope.EventLogs;
using Journeyscope.Funnels;

namespace Journeyscope.Core.Tests.Funnels;

public sealed class PathAnalysisTests
{
    private static readonly string[] Names = ["A", "B", "C", "D", "E", "F"];

    private static PathResult Run(EventLog log, PathOptions options) => PathAnalysis.Compute(log, options, TestContext.Current.CancellationToken);

    [Fact]
    public void Compute_Forward_TopNextStepsWithOtherAndEnd()
    {
        // Given three journeys from A: to B twice, to C once; one ends right after A
        var log = TestLogs.Sequences("A B C", "X A B", "A C", "A");

        // When
        var result = Run(log, new PathOptions(new FunnelStep("A")) { Depth = 2, Top = 1 });

        // Then
        result.Cases.ShouldBe(4);
        var depth1 = result.Nodes.Where(n => n.Depth == 1).Select(n => (n.Label, n.Cases)).ToList();
        depth1.ShouldBe([("B", 2L), ("other", 1L), ("end of journey", 1L)]);
        var b = result.Nodes.Single(n => n.Depth == 1 && n.Label == "B");
        result.Links.Where(l => l.Source == b.Id).Sum(l => l.Cases).ShouldBe(2);
        result.Nodes.Where(n => n.Depth == 2).Sum(n => n.Cases).ShouldBe(3);
    }

    [Fact]
    public void Compute_BackwardWithTarget_StopsAtTheTarget()
    {
        // Given journeys leading to D, one passing through the target A on the way back
        var log = TestLogs.Sequences("A B D", "C D", "D");

        // When
        var result = Run(log, new PathOptions(new FunnelStep("D")) { Direction = PathDirection.Backward, Target = new FunnelStep("A"), Depth = 3 });

        // Then
        result.Nodes.Single(n => n.Kind == PathNodeKind.Target).Depth.ShouldBe(2);
        result.Nodes.Where(n => n.Kind == PathNodeKind.End).Sum(n => n.Cases).ShouldBe(2);
        result.Nodes.Single(n => n.Kind == PathNodeKind.End && n.Depth == 1).Label.ShouldBe("start of journey");
    }

    [Fact]
    public void Compute_RandomLogs_CountsAddUpAtEveryNode() =>
        Gen.Select(Gen.Int[0, 12], Gen.Int[0, 5], Gen.Int[0, 50]).Array[0, 80]
            .Select(Gen.Int[1, 4], Gen.Int[1, 3], Gen.Bool, Gen.Bool)
            .Sample((rows, depth, top, backward, withTarget) =>
            {
                // Given
                var builder = new EventLogBuilder();
                foreach (var (c, a, h) in rows)
                {
                    builder.AddEvent($"c{c}", Names[a], TestLogs.At(h));
                }

                var log = builder.Build();
                var options = new PathOptions(new FunnelStep("A", "B"))
                {
                    Depth = depth,
                    Top = top,
                    Direction = backward ? PathDirection.Backward : PathDirection.Forward,
                    Target = withTarget ? new FunnelStep("C") : null,
                };

                // When
                var result = Run(log, options);

                // Then: into a node == out of it unless terminal; every depth's nodes hold the cases still walking
                foreach (var node in result.Nodes)
                {
                    var into = node.Depth == 0 ? result.Cases : result.Links.Where(l => l.Target == node.Id).Sum(l => l.Cases);
                    into.ShouldBe(node.Cases);
                    if (node.Depth < depth && node.Kind is PathNodeKind.Anchor or PathNodeKind.Activity or PathNodeKind.Other)
                    {
                        result.Links.Where(l => l.Source == node.Id).Sum(l => l.Cases).ShouldBe(node.Cases);
                    }
                }

                var withAnchor = Enumerable.Range(0, log.CaseCount).Count(c => TestLogs.Sequence(log, c).Any(a => a is "A" or "B"));
                result.Cases.ShouldBe(withAnchor);
                result.Nodes.Count(n => n.Depth == 1 && n.Kind == PathNodeKind.Activity).ShouldBeLessThanOrEqualTo(top);
            }, iter: 300);
}
