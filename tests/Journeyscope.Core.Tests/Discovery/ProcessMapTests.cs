using System.Globalization;
using CsCheck;
using Journeyscope.Discovery;
using Journeyscope.EventLogs;

namespace Journeyscope.Core.Tests.Discovery;

public sealed class ProcessMapTests
{
    // Few activities so that repeats, self-loops and ties are common; coverages in tenths hit 0 and 1 often.
    private static readonly Gen<(int Activity, int Minute)[][]> GenCases =
        Gen.Select(Gen.Int[0, 5], Gen.Int[0, 40]).Array[1, 9].Array[1, 30];

    private static readonly Gen<double> GenCoverage = Gen.Int[0, 10].Select(i => i / 10.0);

    private static EventLog SampleLog() => DiscoveryTestLogs.Build(
        ("1", [("order", 0), ("pay", 60), ("ship", 120)]),
        ("2", [("order", 0), ("pay", 30), ("pay", 90), ("ship", 100)]),
        ("3", [("order", 0), ("ship", 10), ("order", 20), ("pay", 40)]));

    [Fact]
    public void Build_FullCoverage_EqualsTheDirectlyFollowsGraph()
    {
        // Given
        var log = SampleLog();
        var discovery = DiscoveryResult.Discover(log, null, TestContext.Current.CancellationToken);
        var graph = discovery.DirectlyFollowsGraph;

        // When
        var map = ProcessMap.Build(log, null, TestContext.Current.CancellationToken);

        // Then
        map.Edges.Select(e => (e.From, e.To, e.Count, e.CaseCount)).ShouldBe(graph.Edges.Select(e => (e.From, e.To, e.Count, e.CaseCount)));
        map.Edges.Select(e => e.Performance).ShouldBe(discovery.PerformanceDfg.Edges);
        map.Activities.Select(a => (a.Name, a.Events, a.Cases)).ShouldBe(
            [("order", 4L, 3L), ("pay", 4L, 3L), ("ship", 3L, 3L)]);
        map.StartEdges.ShouldBe([new ProcessMapTerminalEdge(log.FindActivity("order"), 3)]);
        map.EndEdges.Select(e => (map.ActivityNames[e.Activity], e.Count)).ShouldBe([("ship", 2L), ("pay", 1L)]);
        map.HiddenActivityCount.ShouldBe(0);
        map.HiddenEdgeCount.ShouldBe(0);
        map.HiddenTerminalEdgeCount.ShouldBe(0);
        map.ActivityCoverage.ShouldBe(1.0);
        map.PathCoverage.ShouldBe(1.0);
        map.Log.ShouldBeSameAs(log);
    }

    [Fact]
    public void Build_ActivitySliderHidesB_GivesEdgeAToCWithTheProjectedCount()
    {
        // Given B happens once, between A and C, and A→C happens directly three times
        var log = DiscoveryTestLogs.Build(
            ("1", [("A", 0), ("B", 60), ("C", 300)]),
            ("2", [("A", 0), ("C", 10)]),
            ("3", [("A", 0), ("C", 20)]),
            ("4", [("A", 0), ("C", 30)]));

        // When the activity slider keeps 85% of the events (A and C cover 8 of 9)
        var map = ProcessMap.Build(log, new ProcessMapOptions { ActivityCoverage = 0.85 }, TestContext.Current.CancellationToken);

        // Then B is gone and A→C carries all four cases, with the time across the hidden B
        map.Activities.Select(a => a.Name).ShouldBe(["A", "C"]);
        map.HiddenActivityCount.ShouldBe(1);
        map.ActivityCoverage.ShouldBe(8.0 / 9.0, 1e-12);
        var edge = map.FindEdge("A", "C").ShouldNotBeNull();
        edge.Count.ShouldBe(4);
        edge.CaseCount.ShouldBe(4);
        edge.Performance.Max.ShouldBe(300.0);
        edge.Performance.Sum.ShouldBe(360.0);
        map.Edges.Count.ShouldBe(1);
        map.Log.EventCount.ShouldBe(8);
    }

    [Fact]
    public void Build_ActivityCoverageZero_KeepsTheMostFrequentActivity()
    {
        // Given
        var log = SampleLog();

        // When
        var map = ProcessMap.Build(log, new ProcessMapOptions { ActivityCoverage = 0, PathCoverage = 0 }, TestContext.Current.CancellationToken);

        // Then order (4 events, seen first) is kept alone; its self-loop from case 3 (order, ship, order) is hidden
        map.Activities.Select(a => (a.Name, a.Events, a.StartCount, a.EndCount)).ShouldBe([("order", 4L, 3L, 3L)]);
        map.HiddenActivityCount.ShouldBe(2);
        map.StartEdges.Count.ShouldBe(1);
        map.EndEdges.Count.ShouldBe(1);
        map.Edges.ShouldBeEmpty();
        map.HiddenEdgeCount.ShouldBe(1);
    }

    [Fact]
    public void Build_PathSliderAtNinetyPercent_HidesTheRareShortcut()
    {
        // Given ▶→A 4, A→B 3, B→C 3, C→■ 4 and a rare A→C 1 (15 in all)
        var log = DiscoveryTestLogs.Build(
            ("1", [("A", 0), ("B", 1), ("C", 2)]),
            ("2", [("A", 0), ("B", 1), ("C", 2)]),
            ("3", [("A", 0), ("B", 1), ("C", 2)]),
            ("4", [("A", 0), ("C", 2)]));

        // When
        var map = ProcessMap.Build(log, new ProcessMapOptions { PathCoverage = 0.9 }, TestContext.Current.CancellationToken);

        // Then
        map.FindEdge("A", "C").ShouldBeNull();
        map.Edges.Select(e => (map.ActivityNames[e.From], map.ActivityNames[e.To], e.Count)).ShouldBe([("A", "B", 3L), ("B", "C", 3L)]);
        map.HiddenEdgeCount.ShouldBe(1);
        map.PathCoverage.ShouldBe(14.0 / 15.0, 1e-12);
        map.FindActivity("C").ShouldNotBeNull().Events.ShouldBe(4);
    }

    [Fact]
    public void Build_PathSliderAtZero_KeepsEveryActivityConnectedFromStartToEnd()
    {
        // Given branches, a loop and rare activities that only a rare edge reaches
        var log = DiscoveryTestLogs.Build(
            ("1", [("A", 0), ("B", 1), ("D", 2)]),
            ("2", [("A", 0), ("B", 1), ("D", 2)]),
            ("3", [("A", 0), ("C", 1), ("D", 2)]),
            ("4", [("A", 0), ("B", 1), ("A", 2), ("B", 3), ("D", 4)]),
            ("5", [("E", 0), ("A", 1), ("F", 2)]));

        // When
        var map = ProcessMap.Build(log, new ProcessMapOptions { PathCoverage = 0 }, TestContext.Current.CancellationToken);

        // Then every activity stays on a start-to-end path, with fewer edges than the full graph
        map.Activities.Count.ShouldBe(6);
        AssertConnected(map);
        map.Edges.Select(e => (map.ActivityNames[e.From], map.ActivityNames[e.To], e.Count)).ShouldBe(
            [("A", "B", 4L), ("B", "D", 3L), ("A", "C", 1L), ("A", "F", 1L), ("C", "D", 1L), ("E", "A", 1L)]);
        map.HiddenEdgeCount.ShouldBe(1);
        map.FindEdge("B", "A").ShouldBeNull();
        map.FindEdge("A", "C").ShouldNotBeNull().Count.ShouldBe(1);
        map.PathCoverage.ShouldBeLessThan(1.0);
    }

    [Fact]
    public void Build_EmptyLog_GivesAnEmptyMap()
    {
        // When
        var map = ProcessMap.Build(EventLog.Empty, new ProcessMapOptions { ActivityCoverage = 0.5, PathCoverage = 0.5 }, TestContext.Current.CancellationToken);

        // Then
        map.Activities.ShouldBeEmpty();
        map.Edges.ShouldBeEmpty();
        map.StartEdges.ShouldBeEmpty();
        map.ActivityCoverage.ShouldBe(1.0);
        map.PathCoverage.ShouldBe(1.0);
    }

    [Theory]
    [InlineData(-0.1, 1.0)]
    [InlineData(1.0, 1.5)]
    [InlineData(double.NaN, 1.0)]
    public void Build_CoverageOutsideZeroToOne_Throws(double activityCoverage, double pathCoverage)
    {
        // Given
        var options = new ProcessMapOptions { ActivityCoverage = activityCoverage, PathCoverage = pathCoverage };

        // When / Then
        Should.Throw<ArgumentOutOfRangeException>(() => ProcessMap.Build(SampleLog(), options, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Build_AnyLogAndSliders_IsConnectedAndTrueToTheProjectedLog()
    {
        Gen.Select(GenCases, GenCoverage, GenCoverage).Sample(t =>
        {
            // Given
            var (cases, activityCoverage, pathCoverage) = t;
            var log = DiscoveryTestLogs.Build(cases);

            // When
            var map = ProcessMap.Build(log, new ProcessMapOptions { ActivityCoverage = activityCoverage, PathCoverage = pathCoverage }, TestContext.Current.CancellationToken);

            // Then the kept activities are the most frequent ones and cover the requested share
            var counts = log.ActivityNames.Select((n, a) => (Name: n, Events: (long)log.Activities.ToArray().Count(x => x == a))).ToArray();
            var kept = map.Activities.Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
            map.Activities.ShouldAllBe(a => counts[a.Activity].Events == a.Events);
            var minKept = map.Activities.Min(a => a.Events);
            counts.Where(c => !kept.Contains(c.Name)).ShouldAllBe(c => c.Events <= minKept);
            map.ActivityCoverage.ShouldBeGreaterThanOrEqualTo(activityCoverage - 1e-12);
            map.PathCoverage.ShouldBeGreaterThanOrEqualTo(pathCoverage - 1e-12);
            AssertConnected(map);

            // ... and every kept count equals a directly-follows count computed by hand on the projected cases
            var pairs = new Dictionary<(string, string), long>();
            var starts = new Dictionary<string, long>(StringComparer.Ordinal);
            var ends = new Dictionary<string, long>(StringComparer.Ordinal);
            for (var c = 0; c < log.CaseCount; c++)
            {
                var names = log.CaseActivities(c).ToArray().Select(a => log.ActivityNames[a]).Where(kept.Contains).ToArray();
                if (names.Length == 0)
                {
                    continue;
                }

                starts[names[0]] = starts.GetValueOrDefault(names[0]) + 1;
                ends[names[^1]] = ends.GetValueOrDefault(names[^1]) + 1;
                for (var i = 1; i < names.Length; i++)
                {
                    pairs[(names[i - 1], names[i])] = pairs.GetValueOrDefault((names[i - 1], names[i])) + 1;
                }
            }

            var n = map.ActivityNames;
            foreach (var e in map.Edges)
            {
                e.Count.ShouldBe(pairs[(n[e.From], n[e.To])]);
                e.Performance.Count.ShouldBe(e.Count);
            }

            map.StartEdges.ShouldAllBe(e => starts[n[e.Activity]] == e.Count);
            map.EndEdges.ShouldAllBe(e => ends[n[e.Activity]] == e.Count);
            map.Activities.ShouldAllBe(a => starts.GetValueOrDefault(a.Name) == a.StartCount && ends.GetValueOrDefault(a.Name) == a.EndCount);
            (map.Edges.Count + map.HiddenEdgeCount).ShouldBe(pairs.Count);
            (map.StartEdges.Count + map.EndEdges.Count + map.HiddenTerminalEdgeCount).ShouldBe(starts.Count + ends.Count);
            if (pathCoverage == 1.0)
            {
                map.HiddenEdgeCount.ShouldBe(0);
            }
        }, iter: 200);
    }

    /// <summary>Asserts that every kept activity is reachable from start and reaches end over kept edges.</summary>
    private static void AssertConnected(ProcessMap map)
    {
        var forward = new HashSet<int>(map.StartEdges.Select(e => e.Activity));
        var backward = new HashSet<int>(map.EndEdges.Select(e => e.Activity));
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var e in map.Edges)
            {
                changed |= forward.Contains(e.From) && forward.Add(e.To);
                changed |= backward.Contains(e.To) && backward.Add(e.From);
            }
        }

        foreach (var a in map.Activities)
        {
            forward.ShouldContain(a.Activity, string.Create(CultureInfo.InvariantCulture, $"{a.Name} is not reachable from start"));
            backward.ShouldContain(a.Activity, string.Create(CultureInfo.InvariantCulture, $"{a.Name} does not reach end"));
        }
    }
}
