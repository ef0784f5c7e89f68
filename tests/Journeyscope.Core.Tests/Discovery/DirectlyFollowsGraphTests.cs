using Journeyscope.Discovery;
using Journeyscope.EventLogs;

namespace Journeyscope.Core.Tests.Discovery;

public sealed class DirectlyFollowsGraphTests
{
    private static EventLog SampleLog() => DiscoveryTestLogs.Build(
        ("1", [("order", 0), ("pay", 60), ("ship", 120)]),
        ("2", [("order", 0), ("pay", 30), ("pay", 90), ("ship", 100)]),
        ("3", [("order", 0), ("ship", 10), ("order", 20), ("pay", 40)]));

    [Fact]
    public void Discover_SmallLog_CountsEdgesAndCasesPerEdge()
    {
        // Given three cases, one with a self-loop and one with a loop back to order
        var log = SampleLog();

        // When
        var graph = DirectlyFollowsGraph.Discover(log, null, TestContext.Current.CancellationToken);

        // Then
        var names = graph.Activities;
        graph.Edges.Select(e => (names[e.From], names[e.To], e.Count, e.CaseCount)).ShouldBe(
        [
            ("order", "pay", 3L, 3L),
            ("pay", "ship", 2L, 2L),
            ("order", "ship", 1L, 1L),
            ("pay", "pay", 1L, 1L),
            ("ship", "order", 1L, 1L),
        ]);
    }

    [Fact]
    public void Discover_RepeatedPairInOneCase_CountsTheCaseOnce()
    {
        // Given a case that goes a->b three times
        var log = DiscoveryTestLogs.Build(("1", [("a", 0), ("b", 1), ("a", 2), ("b", 3), ("a", 4), ("b", 5)]));

        // When
        var edge = DirectlyFollowsGraph.Discover(log, null, TestContext.Current.CancellationToken).FindEdge("a", "b");

        // Then
        edge.ShouldNotBeNull();
        edge.Value.Count.ShouldBe(3);
        edge.Value.CaseCount.ShouldBe(1);
    }

    [Fact]
    public void Discover_SmallLog_CountsStartAndEndActivities()
    {
        // Given
        var log = SampleLog();

        // When
        var graph = DirectlyFollowsGraph.Discover(log, null, TestContext.Current.CancellationToken);

        // Then
        graph.StartActivityCounts[log.FindActivity("order")].ShouldBe(3);
        graph.EndActivityCounts[log.FindActivity("ship")].ShouldBe(2);
        graph.EndActivityCounts[log.FindActivity("pay")].ShouldBe(1);
        graph.EndActivityCounts[log.FindActivity("order")].ShouldBe(0);
        graph.CaseCount.ShouldBe(3);
    }

    [Fact]
    public void Discover_SmallLog_ReportsEventsCasesReworkAndSelfLoops()
    {
        // Given
        var log = SampleLog();

        // When
        var stats = DirectlyFollowsGraph.Discover(log, null, TestContext.Current.CancellationToken).ActivityStatistics;

        // Then
        var pay = stats[log.FindActivity("pay")];
        pay.ShouldBe(new ActivityStatistics(log.FindActivity("pay"), "pay", Events: 4, Cases: 3, ReworkCases: 1, SelfLoops: 1));
        var order = stats[log.FindActivity("order")];
        order.ShouldBe(new ActivityStatistics(log.FindActivity("order"), "order", Events: 4, Cases: 3, ReworkCases: 1, SelfLoops: 0));
        stats[log.FindActivity("ship")].ReworkCases.ShouldBe(0);
    }

    [Fact]
    public void Discover_ActivityRepeatedThreeTimes_CountsOneReworkCase()
    {
        // Given
        var log = DiscoveryTestLogs.Build(("1", [("a", 0), ("a", 1), ("a", 2)]));

        // When
        var a = DirectlyFollowsGraph.Discover(log, null, TestContext.Current.CancellationToken).ActivityStatistics[0];

        // Then
        a.Events.ShouldBe(3);
        a.Cases.ShouldBe(1);
        a.ReworkCases.ShouldBe(1);
        a.SelfLoops.ShouldBe(2);
    }

    [Fact]
    public void Discover_EmptyLog_HasNoEdges()
    {
        // When
        var result = DiscoveryResult.Discover(EventLog.Empty, null, TestContext.Current.CancellationToken);

        // Then
        result.DirectlyFollowsGraph.Edges.ShouldBeEmpty();
        result.Variants.Variants.ShouldBeEmpty();
        result.CaseDurations.Count.ShouldBe(0);
        double.IsNaN(result.CaseDurations.Median).ShouldBeTrue();
    }

    [Fact]
    public void Discover_CancelledToken_Throws()
    {
        // Given
        var log = SampleLog();
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        // When / Then
        Should.Throw<OperationCanceledException>(() => DirectlyFollowsGraph.Discover(log, null, cts.Token));
    }

    [Fact]
    public void Discover_InvalidChunkSize_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() =>
            DirectlyFollowsGraph.Discover(SampleLog(), new DiscoveryOptions { ChunkSize = 0 }, TestContext.Current.CancellationToken));
    }
}
