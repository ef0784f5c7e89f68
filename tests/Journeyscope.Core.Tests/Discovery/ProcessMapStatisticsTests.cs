using CsCheck;
using Journeyscope.Discovery;

namespace Journeyscope.Core.Tests.Discovery;

public sealed class ProcessMapStatisticsTests
{
    // Few activities so that repeats, self-loops and ties are common; minutes in a small range give equal timestamps.
    private static readonly Gen<(int Activity, int Minute)[][]> GenCases =
        Gen.Select(Gen.Int[0, 5], Gen.Int[0, 40]).Array[1, 9].Array[1, 40];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void Discover_AnyLogAndKeptActivities_EqualsDiscoveryOfTheProjectedLog()
    {
        Gen.Select(GenCases, Gen.Bool.Array[6], Gen.Int[1, 7]).Sample(t =>
        {
            // Given a log, a set of kept activities and a chunk size
            var (cases, keepFlags, chunk) = t;
            var log = DiscoveryTestLogs.Build(cases);
            var keep = keepFlags.AsSpan(0, log.ActivityCount).ToArray();

            // When the statistics are computed on the restricted log, in chunks, and discovery runs on the projected log
            var statistics = ProcessMapStatistics.Discover(log, keep, new DiscoveryOptions { ChunkSize = chunk }, Token);
            var rows = Enumerable.Range(0, log.EventCount).Where(e => keep[log.Activities[e]]).ToArray();
            var projected = log.SelectEvents(rows);
            var expected = DiscoveryResult.Discover(projected, null, Token);

            // Then every count and every edge statistic is exactly that of the projected log
            var graph = statistics.DirectlyFollowsGraph;
            graph.Edges.ShouldBe(expected.DirectlyFollowsGraph.Edges);
            statistics.EdgePerformance.ShouldBe(expected.PerformanceDfg.Edges);
            graph.ActivityStatistics.ShouldBe(expected.DirectlyFollowsGraph.ActivityStatistics);
            graph.StartActivityCounts.ToArray().ShouldBe(expected.DirectlyFollowsGraph.StartActivityCounts.ToArray());
            graph.EndActivityCounts.ToArray().ShouldBe(expected.DirectlyFollowsGraph.EndActivityCounts.ToArray());
            graph.CaseCount.ShouldBe(projected.CaseCount);
            statistics.KeptEventCount.ShouldBe(rows.Length);
            statistics.SourceEventCount.ShouldBe(log.EventCount);
            statistics.ProjectedLog.EventCount.ShouldBe(rows.Length);
        }, iter: 300);
    }

    [Fact]
    public void Discover_AnyLog_WaitsAreTheGapsBeforeEachActivity()
    {
        Gen.Select(GenCases, Gen.Bool.Array[6]).Sample(t =>
        {
            // Given a log and kept activities
            var (cases, keepFlags) = t;
            var log = DiscoveryTestLogs.Build(cases);
            var keep = keepFlags.AsSpan(0, log.ActivityCount).ToArray();

            // When the statistics are computed
            var statistics = ProcessMapStatistics.Discover(log, keep, new DiscoveryOptions { ChunkSize = 3 }, Token);

            // Then each activity's waits are the gaps since the previous kept event of its case, computed by hand
            var gaps = Enumerable.Range(0, log.ActivityCount).Select(_ => new List<long>()).ToArray();
            for (var c = 0; c < log.CaseCount; c++)
            {
                var previous = -1L;
                for (var e = log.CaseStarts[c]; e < log.CaseStarts[c + 1]; e++)
                {
                    if (!keep[log.Activities[e]])
                    {
                        continue;
                    }

                    if (previous >= 0)
                    {
                        gaps[log.Activities[e]].Add(log.Timestamps[e] - previous);
                    }

                    previous = log.Timestamps[e];
                }
            }

            for (var a = 0; a < log.ActivityCount; a++)
            {
                var wait = statistics.Waits[a];
                var sorted = gaps[a].Order().ToArray();
                wait.Count.ShouldBe(sorted.Length);
                wait.TotalSeconds.ShouldBe(sorted.Sum() / (double)TimeSpan.TicksPerSecond);
                if (sorted.Length == 0)
                {
                    double.IsNaN(wait.MedianSeconds).ShouldBeTrue();
                    wait.MeanSeconds.ShouldBeNull();
                    continue;
                }

                var mid = sorted.Length / 2;
                var median = sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + (double)sorted[mid]) / 2;
                wait.MedianSeconds.ShouldBe(median / TimeSpan.TicksPerSecond);
            }
        }, iter: 200);
    }

    [Fact]
    public void Discover_ChunkingAndParallelism_DoNotChangeTheResult()
    {
        Gen.Select(GenCases, Gen.Int[1, 9]).Sample(t =>
        {
            // Given a log
            var log = DiscoveryTestLogs.Build(t.Item1);

            // When computed in one chunk on one thread, and in small chunks in parallel
            var one = ProcessMapStatistics.Discover(log, default, new DiscoveryOptions { ChunkSize = 1 << 20, MaxDegreeOfParallelism = 1 }, Token);
            var many = ProcessMapStatistics.Discover(log, default, new DiscoveryOptions { ChunkSize = t.Item2 }, Token);

            // Then the results are identical
            many.DirectlyFollowsGraph.Edges.ShouldBe(one.DirectlyFollowsGraph.Edges);
            many.EdgePerformance.ShouldBe(one.EdgePerformance);
            many.Waits.ShouldBe(one.Waits);
            many.DirectlyFollowsGraph.ActivityStatistics.ShouldBe(one.DirectlyFollowsGraph.ActivityStatistics);
        }, iter: 200);
    }

    [Fact]
    public void SelectActivities_Coverage_KeepsTheMostFrequentPrefix()
    {
        // Given a log with events a×3, b×2, c×1 (codes in order of appearance)
        var log = DiscoveryTestLogs.Build(
            ("1", [("a", 0), ("b", 1), ("a", 2)]),
            ("2", [("a", 0), ("b", 1), ("c", 2)]));
        var statistics = ProcessMapStatistics.Discover(log, default, null, Token);

        // When the activity slider asks for half, five sixths and all of the events
        var half = statistics.SelectActivities(0.5);
        var most = statistics.SelectActivities(5.0 / 6);
        var all = statistics.SelectActivities(1.0);

        // Then it keeps the smallest most-frequent prefix that covers the share
        half.ShouldBe([true, false, false]);
        most.ShouldBe([true, true, false]);
        all.ShouldBe([true, true, true]);
        Should.Throw<ArgumentOutOfRangeException>(() => statistics.SelectActivities(1.5));
    }

    [Fact]
    public void Build_FromStatistics_EqualsBuildFromTheLog()
    {
        Gen.Select(GenCases, Gen.Int[0, 10], Gen.Int[0, 10]).Sample(t =>
        {
            // Given a log and slider positions
            var (cases, activityTenths, pathTenths) = t;
            var log = DiscoveryTestLogs.Build(cases);
            var options = new ProcessMapOptions { ActivityCoverage = activityTenths / 10.0, PathCoverage = pathTenths / 10.0 };

            // When the map is built from the log, and from cached statistics of the activity slider's choice
            var direct = ProcessMap.Build(log, options, Token);
            var full = ProcessMapStatistics.Discover(log, default, null, Token);
            var statistics = ProcessMapStatistics.Discover(log, full.SelectActivities(options.ActivityCoverage), null, Token);
            var cached = ProcessMap.Build(statistics, options.PathCoverage);

            // Then both maps are the same
            cached.Activities.ShouldBe(direct.Activities);
            cached.Edges.ShouldBe(direct.Edges);
            cached.StartEdges.ShouldBe(direct.StartEdges);
            cached.EndEdges.ShouldBe(direct.EndEdges);
            (cached.HiddenActivityCount, cached.HiddenEdgeCount, cached.HiddenTerminalEdgeCount).ShouldBe(
                (direct.HiddenActivityCount, direct.HiddenEdgeCount, direct.HiddenTerminalEdgeCount));
            (cached.ActivityCoverage, cached.PathCoverage, cached.CaseCount).ShouldBe((direct.ActivityCoverage, direct.PathCoverage, direct.CaseCount));
        }, iter: 200);
    }

    [Fact]
    public void Discover_WrongNumberOfFlags_Throws()
    {
        var log = DiscoveryTestLogs.Build(("1", [("a", 0), ("b", 1)]));
        Should.Throw<ArgumentException>(() => ProcessMapStatistics.Discover(log, [true], null, Token));
    }
}
