using CsCheck;
using Journeyscope.Conformance;
using static Journeyscope.Core.Tests.Conformance.ConformanceLogs;

namespace Journeyscope.Core.Tests.Conformance;

public sealed class AlignmentsTests
{
    private static TraceAlignment AlignOne(string tree, string trace) =>
        Alignments.Compute(Log(Trace(trace)), Net(tree), cancellationToken: TestContext.Current.CancellationToken).ForCase(0);

    private static string Describe(TraceAlignment alignment) =>
        string.Join(" ", alignment.Moves.Select(m => m.Kind switch
        {
            MoveKind.Synchronous => $"{m.Label}@{m.TracePosition}",
            MoveKind.LogMove => $"log:{m.Label}@{m.TracePosition}",
            MoveKind.ModelMove => $"model:{m.Label}@{m.TracePosition}",
            _ => $"tau@{m.TracePosition}",
        }));

    [Fact]
    public void Compute_SequenceTraceThatFits_IsAllSynchronousWithCostZero()
    {
        // Given a sequence model and a trace that follows it
        // When
        var alignment = AlignOne("->( 'a', 'b', 'c' )", "a,b,c");

        // Then
        Describe(alignment).ShouldBe("a@0 b@1 c@2");
        alignment.Cost.ShouldBe(0);
        alignment.Fitness.ShouldBe(1.0);
        alignment.ShortestModelPathCost.ShouldBe(3);
    }

    [Fact]
    public void Compute_TraceWithSkippedAndUnexpectedSteps_HasExactModelAndLogMoves()
    {
        // Given a trace that skips b and does an unknown x
        // When
        var alignment = AlignOne("->( 'a', 'b', 'c' )", "a,x,c");

        // Then
        alignment.Cost.ShouldBe(2);
        alignment.Moves.Count(m => m.Kind == MoveKind.Synchronous).ShouldBe(2);
        alignment.Moves.ShouldContain(new AlignmentMove(MoveKind.LogMove, "x", 1));
        alignment.Moves.ShouldContain(m => m.Kind == MoveKind.ModelMove && m.Label == "b");
        alignment.Fitness.ShouldBe(1.0 - (2.0 / (3 + 3)), 1e-12);
    }

    [Fact]
    public void Compute_SkippedStep_ModelMoveIsPlacedBeforeTheNextEvent()
    {
        // Given / When
        var alignment = AlignOne("->( 'a', 'b', 'c' )", "a,c");

        // Then
        Describe(alignment).ShouldBe("a@0 model:b@1 c@1");
        alignment.Fitness.ShouldBe(1.0 - (1.0 / 5), 1e-12);
    }

    [Theory]
    [InlineData("X( 'a', 'b' )", "b", 0)]
    [InlineData("X( 'a', 'b' )", "a,b", 1)]
    [InlineData("*( 'a', 'b' )", "a,b,a,b,a", 0)]
    [InlineData("*( 'a', 'b' )", "a,b", 1)]
    [InlineData("+( 'a', 'b', 'c' )", "c,a,b", 0)]
    [InlineData("+( 'a', 'b' )", "a,a,b", 1)]
    [InlineData("->( 'a', +( 'b', 'c' ), 'd' )", "a,c,d", 1)]
    [InlineData("->( 'a', +( 'b', 'c' ), 'd' )", "d,c,b,a", 4)]
    [InlineData("->( X( tau, 'a' ), 'b' )", "b", 0)]
    [InlineData("->( 'a', 'b' )", "b,b,b", 3)]
    public void Compute_SmallNets_OptimalCost(string tree, string trace, int cost)
    {
        // Given / When
        var alignment = AlignOne(tree, trace);

        // Then
        alignment.Cost.ShouldBe(cost);
        alignment.Moves.Count(m => m.Kind is MoveKind.LogMove or MoveKind.ModelMove).ShouldBe(cost);
        alignment.Moves.Count(m => m.Kind is MoveKind.Synchronous or MoveKind.LogMove).ShouldBe(Trace(trace).Length);
    }

    [Fact]
    public void Compute_OptionalStepSkipped_UsesOneSilentMove()
    {
        // Given an optional a before b
        // When
        var alignment = AlignOne("->( X( tau, 'a' ), 'b' )", "b");

        // Then
        alignment.SilentMoves.ShouldBe(1);
        alignment.Moves[0].Kind.ShouldBe(MoveKind.SilentMove);
        alignment.RawCost.ShouldBe(1);
    }

    [Fact]
    public void Compute_Log_GroupsVariantsAndComputesPm4pyFigures()
    {
        // Given three cases, two of the same fitting variant
        var log = Log(Trace("a,b,c"), Trace("a,c"), Trace("a,b,c"));

        // When
        var result = Alignments.Compute(log, Net("->( 'a', 'b', 'c' )"), cancellationToken: TestContext.Current.CancellationToken);

        // Then
        result.Variants.Count.ShouldBe(2);
        result.Variants[0].Cases.ShouldBe([0, 2]);
        result.CaseVariants.ShouldBe([0, 1, 0]);
        result.PercentageOfFittingTraces.ShouldBe(200.0 / 3, 1e-12);
        result.AverageTraceFitness.ShouldBe((1 + 0.8 + 1) / 3, 1e-12);
        result.LogFitness.ShouldBe(1.0 - (10000.0 / (60000 + 50000 + 60000)), 1e-12);
    }

    [Fact]
    public void Compute_TracesPlayedOutOfTheNet_HaveCostZero()
    {
        Gen.Int.Sample(seed =>
        {
            // Given a random model and a run of it
            var random = new Random(seed);
            var net = Net(RandomTree(random, 3));
            var trace = PlayOut(net, random);
            if (trace is null || trace.Length == 0)
            {
                return;
            }

            // When
            var result = Alignments.Compute(Log(trace), net, cancellationToken: TestContext.Current.CancellationToken);

            // Then
            result.ForCase(0).Cost.ShouldBe(0);
            result.PercentageOfFittingTraces.ShouldBe(100.0);
        }, iter: 200);
    }

    [Fact]
    public void Compute_RandomTraces_FitnessInUnitIntervalAndCostBoundedByWorstCase()
    {
        Gen.Select(Gen.Int, Gen.Int[0, 4].Array[1, 8]).Sample((seed, letters) =>
        {
            // Given a random model and a random trace over its alphabet plus an unknown activity
            var net = Net(RandomTree(new Random(seed), 3));
            var trace = letters.Select(l => l == 4 ? "z" : ((char)('a' + l)).ToString()).ToArray();

            // When
            var result = Alignments.Compute(Log(trace), net, cancellationToken: TestContext.Current.CancellationToken);

            // Then
            var alignment = result.ForCase(0);
            alignment.Fitness.ShouldBeInRange(0.0, 1.0);
            result.LogFitness.ShouldBeInRange(0.0, 1.0);
            alignment.Cost.ShouldBeLessThanOrEqualTo(trace.Length + alignment.ShortestModelPathCost);
            alignment.Moves.Where(m => m.Kind is MoveKind.Synchronous or MoveKind.LogMove).Select(m => m.Label).ShouldBe(trace);
        }, iter: 200);
    }

    [Fact]
    public void Compute_LazyStateSpace_GivesTheSameCostsAsTheCompleteOne()
    {
        Gen.Select(Gen.Int, Gen.Int[0, 4].Array[1, 6]).Sample((seed, letters) =>
        {
            // Given a model too large for the up-front exploration limit
            var net = Net(RandomTree(new Random(seed), 3));
            var log = Log(letters.Select(l => ((char)('a' + l)).ToString()).ToArray());

            // When
            var complete = Alignments.Compute(log, net, cancellationToken: TestContext.Current.CancellationToken);
            var lazy = Alignments.Compute(log, net, new AlignmentOptions { MaxMarkings = 2 }, TestContext.Current.CancellationToken);

            // Then
            lazy.ForCase(0).RawCost.ShouldBe(complete.ForCase(0).RawCost);
            lazy.LogFitness.ShouldBe(complete.LogFitness);
        }, iter: 100);
    }
}
