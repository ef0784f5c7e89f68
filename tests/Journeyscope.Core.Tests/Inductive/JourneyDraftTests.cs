using Journeyscope.Discovery;
using Journeyscope.EventLogs;
using Journeyscope.Journeys;

namespace Journeyscope.Core.Tests.Inductive;

public sealed class JourneyDraftTests
{
    private static EventLog Log(params string[] traces)
    {
        var builder = new EventLogBuilder();
        for (var c = 0; c < traces.Length; c++)
        {
            var events = traces[c].Split(',');
            for (var i = 0; i < events.Length; i++)
            {
                var ev = builder.AddEvent("c" + c, events[i], new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks + (i * TimeSpan.TicksPerMinute));
                builder.SetChannel(ev, i % 2 == 0 ? "web" : "phone");
            }
        }

        return builder.Build();
    }

    [Fact]
    public void FromLog_Activities_BecomeSluggedTouchpointsWithTheirOwnRule()
    {
        // Given two activities whose names slug alike
        var log = Log("Place order,Pay (card),Pay-card,Ship");

        // When
        var journey = JourneyDraft.FromLog(log, 0, cancellationToken: TestContext.Current.CancellationToken);

        // Then
        journey.Touchpoints.Select(t => t.Id).ShouldBe(["place-order", "pay-card", "pay-card-2", "ship"]);
        journey.Touchpoints.Select(t => t.Name).ShouldBe(["Place order", "Pay (card)", "Pay-card", "Ship"]);
        journey.Touchpoints.ShouldAllBe(t => t.Lane == BlueprintLane.Frontstage && t.Rule.Activities.Count == 1 && t.Rule.Activities[0] == t.Name);
        journey.Touchpoints.Select(t => t.Channel).ShouldBe(["web", "phone", "web", "phone"]);
    }

    [Fact]
    public void FromLog_Stages_BucketTheMeanRelativePositionIntoTheDefaultStages()
    {
        // Given a 9-step case: positions 0, 1/8, ..., 1 and an activity in the middle on average (positions 0 and 1)
        var log = Log("s0,s1,s2,s3,s4,s5,s6,s7,s8", "m,x,m");

        // When
        var journey = JourneyDraft.FromLog(log, 0, cancellationToken: TestContext.Current.CancellationToken);

        // Then s_i has position i/8: bucket i (s8 at 1.0 joins the last stage); m averages 0.5 -> bucket 4
        var stageOf = journey.Touchpoints.ToDictionary(t => t.Id, t => t.Stage);
        stageOf["s0"].ShouldBe("awareness");
        stageOf["s3"].ShouldBe("fulfilment");
        stageOf["s7"].ShouldBe("advocacy");
        stageOf["s8"].ShouldBe("advocacy");
        stageOf["m"].ShouldBe("service");
        journey.Stages.Count.ShouldBe(8);
        journey.Touchpoints.Select(t => t.Stage).ShouldBeInOrder(SortDirection.Ascending, Comparer<string>.Create((a, b) =>
            IndexOfStage(a).CompareTo(IndexOfStage(b))));
    }

    private static int IndexOfStage(string id) => DesignedJourney.DefaultStages.ToList().FindIndex(s => s.Id == id);

    [Fact]
    public void FromLog_UnusedStages_AreLeftOut()
    {
        var journey = JourneyDraft.FromLog(Log("a,b"), 0, cancellationToken: TestContext.Current.CancellationToken);

        journey.Stages.Select(s => s.Id).ShouldBe(["awareness", "advocacy"]);
    }

    [Fact]
    public void FromLog_NoiseZero_EveryCaseFitsTheDraftFlow()
    {
        // Given
        string[] traces = ["Order,Pay,Ship", "Order,Ship,Pay", "Order,Pay,Pay,Ship", "Order,Cancel"];
        var log = Log(traces);

        // When
        var journey = JourneyDraft.FromLog(log, 0, cancellationToken: TestContext.Current.CancellationToken);

        // Then the flow names touchpoint ids, and each case, as touchpoint ids, is a run of it
        var idOf = journey.Touchpoints.ToDictionary(t => t.Name, t => t.Id);
        journey.Flow!.Labels().ShouldAllBe(label => journey.FindTouchpoint(label) != null);
        foreach (var trace in traces)
        {
            TreeLanguage.Accepts(journey.Flow, trace.Split(',').Select(a => idOf[a]).ToList()).ShouldBeTrue(trace);
        }
    }
}
