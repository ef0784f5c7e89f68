using CsCheck;
using Journeyscope.Conformance;
using static Journeyscope.Core.Tests.Conformance.ConformanceLogs;

namespace Journeyscope.Core.Tests.Conformance;

/// <summary>The walk along the suffix cost table against plain A* on the same complete marking graph.</summary>
public sealed class AlignmentSearchTests
{
    private static MarkingGraph Explore(PetriNet net)
    {
        var graph = new MarkingGraph(net, 100_000);
        graph.TryExploreAll(TestContext.Current.CancellationToken).ShouldBeTrue();
        graph.ComputeHeuristics(TestContext.Current.CancellationToken);
        return graph;
    }

    /// <summary>Replays the moves: log projection equals the trace, model projection is a run to the final marking.</summary>
    private static void ShouldBeAnAlignment(PetriNet net, int[] trace, RawAlignment alignment)
    {
        var marking = net.InitialMarking.ToArray();
        var position = 0;
        foreach (var move in alignment.Moves)
        {
            move.TracePosition.ShouldBe(position);
            if (move.Kind is MoveKind.Synchronous or MoveKind.LogMove)
            {
                position++;
            }

            if (move.Kind == MoveKind.LogMove)
            {
                continue;
            }

            net.IsEnabled(move.Transition, marking).ShouldBeTrue();
            net.Fire(move.Transition, marking);
            var label = net.TransitionLabelIds[move.Transition];
            (label < 0).ShouldBe(move.Kind == MoveKind.SilentMove);
            if (move.Kind == MoveKind.Synchronous)
            {
                label.ShouldBe(trace[move.TracePosition]);
            }
        }

        position.ShouldBe(trace.Length);
        marking.ShouldBe(net.FinalMarking.ToArray());
        alignment.Deviations.ShouldBe(alignment.Moves.Count(m => m.Kind is MoveKind.LogMove or MoveKind.ModelMove));
        alignment.SilentMoves.ShouldBe(alignment.Moves.Count(m => m.Kind == MoveKind.SilentMove));
    }

    [Fact]
    public void Align_TracesSharingSuffixes_WalkCostsEqualAStarCosts()
    {
        Gen.Select(Gen.Int, Gen.Int[-1, 4].Array[0, 7].Array[1, 6]).Sample((seed, traces) =>
        {
            // Given a random model and traces (label ids, -1 unknown) aligned one after another by one search, so the
            // later ones reuse the cost layers of the suffix they share with the one before (as Alignments sorts them)
            var net = Net(RandomTree(new Random(seed), 3));
            var graph = Explore(net);
            var labels = net.Labels.Count;
            var sorted = traces
                .Select(t => t.Select(l => l < 0 || l >= labels ? -1 : l).ToArray())
                .SelectMany(t => new[] { t, [.. t.Skip(1)], [.. t.Skip(t.Length / 2)] })
                .OrderBy(t => string.Join(",", t.Reverse()), StringComparer.Ordinal)
                .ToArray();
            var walk = new AlignmentSearch(net, graph, 100_000);
            var aStar = new AlignmentSearch(net, graph, 100_000, walkCostTable: false);

            foreach (var trace in sorted)
            {
                // When
                var walked = walk.Align(trace, TestContext.Current.CancellationToken);
                var searched = aStar.Align(trace, TestContext.Current.CancellationToken);

                // Then both are optimal for PM4Py's raw cost, and the walk is a valid alignment
                ((10_000L * walked.Deviations) + walked.SilentMoves).ShouldBe((10_000L * searched.Deviations) + searched.SilentMoves);
                ShouldBeAnAlignment(net, trace, walked);
            }
        }, iter: 300);
    }

    [Fact]
    public void Align_DeviatingTrace_WalkFindsTheKnownOptimum()
    {
        // Given a parallel block with an optional step, and a trace that misses c and repeats b
        var net = Net("->( 'a', +( 'b', X( tau, 'c' ), 'd' ), 'e' )");
        var graph = Explore(net);
        var label = (string name) => net.LabelIndex[name];
        int[] trace = [label("a"), label("b"), label("d"), label("b"), label("e")];

        // When
        var alignment = new AlignmentSearch(net, graph, 100_000).Align(trace, TestContext.Current.CancellationToken);

        // Then one log move (the second b), no model move, and one silent move: the skip of c (the sequence's places
        // split and join the parallel block, so no silent split or join is needed)
        net.TransitionLabelIds.Count(l => l < 0).ShouldBe(1);
        alignment.Deviations.ShouldBe(1);
        alignment.Moves.Count(m => m.Kind == MoveKind.LogMove).ShouldBe(1);
        alignment.SilentMoves.ShouldBe(1);
        ShouldBeAnAlignment(net, trace, alignment);
    }
}
