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
}
