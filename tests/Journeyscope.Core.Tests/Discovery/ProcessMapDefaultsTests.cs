using Journeyscope.Discovery;
using Journeyscope.EventLogs;

namespace Journeyscope.Core.Tests.Discovery;

public sealed class ProcessMapDefaultsTests
{
    /// <summary>
    /// 40 activities of falling frequency (case k runs a00, a00 again, then a01..ak; activity i is in 40 - i cases), so
    /// the full map is a spaghetti of 40 nodes whose busiest path is the self-loop a00→a00.
    /// </summary>
    private static EventLog Staircase()
    {
        var cases = new List<(string, (string, double)[])>();
        for (var k = 0; k < 40; k++)
        {
            var events = new List<(string, double)> { ("a00", 0), ("a00", 1) };
            for (var i = 1; i <= k; i++)
            {
                events.Add(($"a{i:00}", 1 + i));
            }

            // Every case jumps back to an earlier step once, so the graph has many rare edges.
            events.Add(($"a{k / 2:00}", 100));
            cases.Add(($"c{k:00}", [.. events]));
        }

        return DiscoveryTestLogs.Build([.. cases]);
    }

    [Fact]
    public void ActivityShare_FortyActivities_KeepsAtMostTwentyFiveOnTheSliderGrid()
    {
        // Given a log of 40 activities
        var statistics = ProcessMapStatistics.Discover(Staircase(), cancellationToken: TestContext.Current.CancellationToken);

        // When the readable activity share is chosen
        var share = ProcessMapDefaults.ActivityShare(statistics);

        // Then it keeps at most 25 activities, one more grid step would keep more, and it lies on the slider's grid
        Kept(statistics, share).ShouldBeLessThanOrEqualTo(ProcessMapDefaults.MaxActivities);
        Kept(statistics, share + ProcessMapDefaults.SliderStep).ShouldBeGreaterThan(ProcessMapDefaults.MaxActivities);
        (share / ProcessMapDefaults.SliderStep).ShouldBe(Math.Round(share / ProcessMapDefaults.SliderStep), 1e-9);
        share.ShouldBeLessThan(1.0);
    }

    [Fact]
    public void ActivityShare_FewActivities_KeepsThemAll()
    {
        // Given a log of 3 activities
        var log = DiscoveryTestLogs.Build(("1", [("A", 0), ("B", 1), ("C", 2)]), ("2", [("A", 0), ("C", 1)]));

        // When / Then every activity stays
        ProcessMapDefaults.ActivityShare(ProcessMapStatistics.Discover(log, cancellationToken: TestContext.Current.CancellationToken)).ShouldBe(1.0);
    }

    [Fact]
    public void PathShare_ReadableActivities_FewEdgesPerActivityAndTheBusiestSelfLoopKept()
    {
        // Given the statistics of the activities the readable activity share keeps
        var log = Staircase();
        var all = ProcessMapStatistics.Discover(log, cancellationToken: TestContext.Current.CancellationToken);
        var kept = ProcessMapStatistics.Discover(log, all.SelectActivities(ProcessMapDefaults.ActivityShare(all)),
            cancellationToken: TestContext.Current.CancellationToken);
        var full = ProcessMap.Build(kept, 1.0);

        // When the readable path share is chosen
        var share = ProcessMapDefaults.PathShare(kept);
        var map = ProcessMap.Build(kept, share);

        // Then the map has at most 1.5 edges per activity, fewer than the full graph, and keeps the busiest path (a00→a00)
        var budget = Math.Ceiling(ProcessMapDefaults.MaxEdgesPerActivity * map.Activities.Count);
        map.Edges.Count.ShouldBeLessThanOrEqualTo((int)budget);
        full.Edges.Count.ShouldBeGreaterThan((int)budget);
        ProcessMap.Build(kept, share + ProcessMapDefaults.SliderStep).Edges.Count.ShouldBeGreaterThan((int)budget);
        map.FindEdge("a00", "a00").ShouldNotBeNull().Count.ShouldBe(full.Edges.Max(e => e.Count));
    }

    private static int Kept(ProcessMapStatistics statistics, double share) =>
        statistics.SelectActivities(Math.Min(1.0, share)).Count(k => k);
}
