using CsCheck;
using Journeyscope.Conformance;
using static Journeyscope.Core.Tests.Conformance.ConformanceLogs;

namespace Journeyscope.Core.Tests.Conformance;

public sealed class TokenReplayTests
{
    [Fact]
    public void Compute_FittingTrace_ProducesAndConsumesEveryTokenWithFitnessOne()
    {
        // Given / When
        var replay = TokenReplay.Compute(Log(Trace("a,b,c")), Net("->( 'a', 'b', 'c' )"), cancellationToken: TestContext.Current.CancellationToken);

        // Then
        replay.ForCase(0).ShouldBe(new TokenReplayTrace(Produced: 4, Consumed: 4, Missing: 0, Remaining: 0, UnknownActivities: 0));
        replay.ForCase(0).Fitness.ShouldBe(1.0);
        replay.PercentageOfFittingTraces.ShouldBe(100.0);
    }

    [Fact]
    public void Compute_SkippedStep_CountsOneMissingAndOneRemainingToken()
    {
        // Given a trace that skips b
        // When
        var replay = TokenReplay.Compute(Log(Trace("a,c")), Net("->( 'a', 'b', 'c' )"), cancellationToken: TestContext.Current.CancellationToken);

        // Then
        var trace = replay.ForCase(0);
        trace.ShouldBe(new TokenReplayTrace(Produced: 3, Consumed: 3, Missing: 1, Remaining: 1, UnknownActivities: 0));
        trace.Fitness.ShouldBe(2.0 / 3, 1e-12);
        replay.LogFitness.ShouldBe(2.0 / 3, 1e-12);
        replay.PercentageOfFittingTraces.ShouldBe(0.0);
    }

    [Fact]
    public void Compute_OptionalStepSkipped_FiresTheSilentSkipAndFits()
    {
        // Given
        // When
        var replay = TokenReplay.Compute(Log(Trace("b"), Trace("a,b")), Net("->( X( tau, 'a' ), 'b' )"),
            cancellationToken: TestContext.Current.CancellationToken);

        // Then
        replay.ForCase(0).IsFitting.ShouldBeTrue();
        replay.ForCase(1).IsFitting.ShouldBeTrue();
        replay.AverageTraceFitness.ShouldBe(1.0);
    }

    [Fact]
    public void Compute_UnknownActivity_IsSkippedAndCounted()
    {
        // Given / When
        var replay = TokenReplay.Compute(Log(Trace("a,zz,b")), Net("->( 'a', 'b' )"), cancellationToken: TestContext.Current.CancellationToken);

        // Then
        replay.ForCase(0).UnknownActivities.ShouldBe(1);
        replay.ForCase(0).Missing.ShouldBe(0);
    }

    [Fact]
    public void Compute_ManyTracesSharingOneSilentPathCache_EqualEachTraceReplayedAlone()
    {
        Gen.Select(Gen.Int, Gen.Int[0, 4].Array[1, 7].Array[2, 8]).Sample((seed, letters) =>
        {
            // Given a random model and traces replayed in one call, where later traces reuse the cached silent paths
            var net = Net(RandomTree(new Random(seed), 3));
            var traces = letters.Select(t => t.Select(l => ((char)('a' + l)).ToString()).ToArray()).ToArray();

            // When
            var together = TokenReplay.Compute(Log(traces), net, new AlignmentOptions { MaxDegreeOfParallelism = 1 },
                TestContext.Current.CancellationToken);

            // Then each case has exactly the figures of its trace replayed alone (with an empty cache)
            for (var c = 0; c < traces.Length; c++)
            {
                var alone = TokenReplay.Compute(Log(traces[c]), net, cancellationToken: TestContext.Current.CancellationToken);
                together.ForCase(c).ShouldBe(alone.ForCase(0));
            }
        }, iter: 150);
    }
}
