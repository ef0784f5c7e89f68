using Journeyscope.Core.Tests.Filters;
using Journeyscope.Journeys;
using Journeyscope.Performance;

namespace Journeyscope.Core.Tests.Performance;

public sealed class ProcessOrderTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void Of_NoJourney_FollowsTheDominantVariantNotFrequency()
    {
        // Given B is as frequent as A and more frequent than C, but the dominant variant meets C before B
        var log = TestLogs.Sequences("A C B", "A C B", "A C B", "A B D", "A B D", "E");

        // When the process order is taken without a journey
        var order = ProcessOrder.Of(log, null, Token);

        // Then it is the dominant variant's order, then the activities the next variants add, as they meet them
        order.Basis.ShouldBe(StepOrder.DominantVariant);
        order.Activities.ShouldBe(["A", "C", "B", "D", "E"]);
    }

    [Fact]
    public void Of_Journey_FollowsStagesThenTouchpointsThenUnmappedByVariants()
    {
        // Given a journey that lists a purchase touchpoint (B) before an awareness one (C), and nothing for A or D
        var log = TestLogs.Sequences("A C B", "A C B", "A B D");
        var journey = Journey(Touchpoint("pay", "purchase", "B"), Touchpoint("browse", "awareness", "C"));

        // When the process order is taken with the journey
        var order = ProcessOrder.Of(log, journey, Token);

        // Then designed stages come first in stage order (awareness before purchase), the unmapped activities after
        order.Basis.ShouldBe(StepOrder.DesignedJourney);
        order.Activities.ShouldBe(["C", "B", "A", "D"]);
    }

    [Fact]
    public void Of_JourneyMatchingNoEvent_FallsBackToTheDominantVariant()
    {
        var log = TestLogs.Sequences("A C B", "A C B", "A B D");
        var journey = Journey(Touchpoint("other", "purchase", "Z"));

        var order = ProcessOrder.Of(log, journey, Token);

        order.Basis.ShouldBe(StepOrder.DominantVariant);
        order.Activities.ShouldBe(["A", "C", "B", "D"]);
    }

    [Fact]
    public void PerformanceResult_NoStartTimes_ProcessingUnknownCountsAsTheMapsAndStepsInProcessOrder()
    {
        // Given a log of instant events (no start times) where D is the most frequent activity but comes last
        var log = TestLogs.Sequences("A D D", "A B D", "A B D", "A B D D");

        // When the value stream record is built
        var result = PerformanceResult.Analyze(log, version: 7, cancellationToken: Token);

        // Then processing time is unknown (null), not zero, for the whole and for every step
        result.ProcessingFrom.ShouldBe(ProcessingTimeSource.None);
        result.ProcessingTimeSeconds.ShouldBeNull();
        result.FlowEfficiency.ShouldBeNull();
        result.Activities.ShouldAllBe(s => s.MeanProcessingSeconds == null && s.TotalProcessingSeconds == null);

        // And the steps are in process order with the events the map counts per activity
        result.StepOrder.ShouldBe(StepOrder.DominantVariant);
        result.Activities.Select(s => (s.Activity, s.Events)).ShouldBe([("A", 4L), ("B", 3L), ("D", 6L)]);
        result.LeadTimeSeconds.Total.ShouldBe((2 + 2 + 2 + 3) * 3600);
        result.Version.ShouldBe(7);
    }

    private static Touchpoint Touchpoint(string id, string stage, string activity) =>
        new(id, id, stage, BlueprintLane.Frontstage, null, null, new TouchpointRule([activity], null, []));

    private static DesignedJourney Journey(params Touchpoint[] touchpoints) =>
        new("j", "J", null, null, [], DesignedJourney.DefaultStages, touchpoints, null, [], [], []);
}
