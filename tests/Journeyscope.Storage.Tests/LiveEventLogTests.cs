using System.Text.Json;
using System.Text.Json.Serialization;
using Journeyscope.EventLogs;
using Journeyscope.IO;
using Journeyscope.Partitions;
using Journeyscope.TestSupport;
using static Journeyscope.Storage.Tests.Collector.CollectorMessages;

namespace Journeyscope.Storage.Tests;

/// <summary>The event store seam and the log grown in place: after any append or identity merge it equals a fresh load.</summary>
public sealed class LiveEventLogTests
{
    private static readonly JsonSerializerOptions Exact = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.FromHours(1));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 7)]
    [InlineData(3, 64)]
    public async Task Refresh_RandomAppends_EqualsWholeLoadAndTouchesOnlyChangedPartitions(int seed, int partitions)
    {
        // Given a workspace followed by a live log
        using var temp = new TempFolder();
        using var workspace = Workspace.Open(temp.Path);
        var live = new LiveEventLog(workspace, partitions);
        var random = new Random(seed);
        await workspace.AppendAsync(Result(random, 300, 60, "a"), "first.csv", Ct);
        await live.RefreshAsync(Ct);

        for (var round = 0; round < 6; round++)
        {
            // When a batch arrives, partly for known cases, partly for new ones (with a case attribute)
            var before = live.Current!;
            await workspace.AppendAsync(Result(random, 20, 80, "r" + round), $"batch{round}.csv", Ct);
            var after = await live.RefreshAsync(Ct);

            // Then the grown log equals the whole log loaded again, and untouched partitions are the same objects
            Snapshot(after).ShouldBe(WholeSnapshot(workspace));
            after.Version.ShouldBe(workspace.Version);
            for (var p = 0; p < partitions; p++)
            {
                ReferenceEquals(before.Partitions[p], after.Partitions[p]).ShouldBe(!live.LastChangedPartitions.Contains(p));
            }
        }

        live.FullReads.ShouldBe(1);
        live.ChangeReads.ShouldBe(6);
        live.AppendReads.ShouldBe(6);
    }

    [Fact]
    public async Task Refresh_IdentifyMergesAnonymousJourney_EqualsWholeLoad()
    {
        // Given an anonymous visitor's browsing, and a known customer's earlier order
        using var temp = new TempFolder();
        using var workspace = Workspace.Open(temp.Path);
        var live = new LiveEventLog(workspace, 16);
        await workspace.CollectAsync(Batch(Track("m1", "anon-42", "Viewed product", 1), Track("m2", "anon-42", "Added to cart", 2),
            Track("m3", "cust-7", "Ordered", 0), Track("m4", "anon-9", "Viewed product", 3)), TimeSpan.FromDays(30), Ct);
        var first = await live.RefreshAsync(Ct);
        first.CaseCount.ShouldBe(3);

        // When the visitor identifies as the customer (events of anon-42 join cust-7's journey)
        await workspace.CollectAsync(Batch(Identify("m5", "anon-42", "cust-7", 4), Track("m6", "cust-7", "Ordered", 5)), TimeSpan.FromDays(30), Ct);
        var merged = await live.RefreshAsync(Ct);

        // Then the grown log equals a fresh load: two journeys, the stitched one in time order
        live.ChangeReads.ShouldBe(1);
        Snapshot(merged).ShouldBe(WholeSnapshot(workspace));
        merged.CaseCount.ShouldBe(2);
        var snapshot = new PartitionedAnalysis().Snapshot(merged, 3, Ct);
        snapshot.Variants[0].Activities.ShouldBe(["Ordered", "Viewed product", "Added to cart", "Identify", "Ordered"]);
    }

    [Fact]
    public async Task Refresh_AfterErasure_ReadsEverythingAgain()
    {
        // Given a followed workspace whose version is bumped by a change of unknown cases
        using var temp = new TempFolder();
        using var workspace = Workspace.Open(temp.Path);
        var live = new LiveEventLog(workspace, 4);
        await workspace.AppendAsync(Result(new Random(5), 50, 10, "a"), "a.csv", Ct);
        await live.RefreshAsync(Ct);

        // When the journal cannot name the changed cases
        workspace.Shared.Version += 1;
        var after = await live.RefreshAsync(Ct);

        // Then the live log reads everything again, and is still equal to the whole log
        live.FullReads.ShouldBe(2);
        Snapshot(after).ShouldBe(WholeSnapshot(workspace));
    }

    [Fact]
    public async Task Refresh_ManyAppendsToOnePartition_CompactsSegmentsAndStaysEqual()
    {
        // Given a single partition receiving more appends than it may hold segments
        using var temp = new TempFolder();
        using var workspace = Workspace.Open(temp.Path);
        var live = new LiveEventLog(workspace, 1);
        var random = new Random(9);
        for (var round = 0; round < LiveEventLog.MaxSegments + 3; round++)
        {
            await workspace.AppendAsync(Result(random, 5, 1_000, "x" + round), $"{round}.csv", Ct);
            await live.RefreshAsync(Ct);
        }

        // Then the partition was compacted, and the log still equals the whole load
        live.Current!.Partitions[0].Segments.Count(s => s.Log.CaseCount < PartitionedEventLog.SegmentCases / 2).ShouldBeLessThanOrEqualTo(LiveEventLog.MaxSegments);
        live.Current.Partitions[0].Segments.Count.ShouldBeLessThan(LiveEventLog.MaxSegments + 3);
        Snapshot(live.Current).ShouldBe(WholeSnapshot(workspace));
    }

    [Fact]
    public async Task Refresh_RealLogInTwoSlices_EqualsWholeLoadAndDiscovery()
    {
        // Given the receipt log (1,434 cases), imported up to the median time, then the rest appended
        var path = SharedData.Path("logs/receipt.xes.gz");
        var log = EventLogFile.Import(path, cancellationToken: Ct).Log;
        var timestamps = log.Timestamps.ToArray();
        var median = timestamps.Order().ElementAt(timestamps.Length / 2);
        var early = Enumerable.Range(0, log.EventCount).Where(e => timestamps[e] < median).ToArray();
        var late = Enumerable.Range(0, log.EventCount).Where(e => timestamps[e] >= median).ToArray();
        using var temp = new TempFolder();
        using var workspace = Workspace.Open(temp.Path);
        var live = new LiveEventLog(workspace);
        await workspace.AppendAsync(Import(log.SelectEvents(early)), "early.xes", Ct);
        await live.RefreshAsync(Ct);

        // When the late events arrive (many of them continue cases already stored)
        await workspace.AppendAsync(Import(log.SelectEvents(late)), "late.xes", Ct);
        var grown = await live.RefreshAsync(Ct);

        // Then the grown log's snapshot equals the whole log's, and its counts equal discovery over the loaded log
        live.ChangeReads.ShouldBe(1);
        var snapshot = Snapshot(grown);
        snapshot.ShouldBe(WholeSnapshot(workspace));
        var whole = workspace.LoadEventLog(Ct);
        var discovery = Discovery.DiscoveryResult.Discover(whole, cancellationToken: Ct);
        var analysed = new PartitionedAnalysis().Snapshot(grown, 3, Ct);
        analysed.Kpis.Events.ShouldBe(log.EventCount);
        analysed.Variants.Count.ShouldBe(discovery.Variants.Variants.Count);
        analysed.Variants[0].CaseCount.ShouldBe(discovery.Variants.Variants[0].CaseCount);
        analysed.CaseDurations.MedianSeconds.ShouldBe(discovery.CaseDurations.Median);
        analysed.Edges.Sum(e => e.Count).ShouldBe(discovery.DirectlyFollowsGraph.Edges.Sum(e => e.Count));
    }

    [Fact]
    public async Task LiveJourney_AppendsAndIdentityMerge_AppliedAsDeltasEqualWholeLoad()
    {
        // Given a workspace followed by the live analyses (log + running totals)
        using var temp = new TempFolder();
        using var workspace = Workspace.Open(temp.Path);
        var live = new LiveJourney(workspace, 8);
        var random = new Random(11);
        await workspace.AppendAsync(Result(random, 200, 40, "a"), "first.csv", Ct);
        await live.RefreshAsync(null, 3, Ct);

        for (var round = 0; round < 5; round++)
        {
            // When batches arrive, then a collected anonymous journey is stitched into a customer
            await workspace.AppendAsync(Result(random, 15, 60, "r" + round), $"batch{round}.csv", Ct);
            var view = await live.RefreshAsync(null, 3, Ct);

            // Then each refresh applied a delta, and the totals' snapshot equals the whole log's
            JsonSerializer.Serialize(view.Snapshot, Exact).ShouldBe(WholeSnapshot(workspace));
        }

        await workspace.CollectAsync(Batch(Track("m1", "anon-1", "Viewed product", 1), Track("m2", "cust-0", "Ordered", 2)), TimeSpan.FromDays(30), Ct);
        await live.RefreshAsync(null, 3, Ct);
        await workspace.CollectAsync(Batch(Identify("m3", "anon-1", "cust-0", 3)), TimeSpan.FromDays(30), Ct);
        var stitched = await live.RefreshAsync(null, 3, Ct);
        JsonSerializer.Serialize(stitched.Snapshot, Exact).ShouldBe(WholeSnapshot(workspace));
        (live.Rebuilds, live.Deltas).ShouldBe((1L, 7L));
    }

    private static string Snapshot(PartitionedEventLog log) =>
        JsonSerializer.Serialize(new PartitionedAnalysis().Snapshot(log, 3, Ct), Exact);

    private static string WholeSnapshot(Workspace workspace)
    {
        var all = workspace.ReadAll(Ct);
        all.Log.CaseIds.ShouldBe(workspace.LoadEventLog(Ct).CaseIds);
        return JsonSerializer.Serialize(JourneyPartial.Map(new EventLogSegment(all.Log, all.CaseKeys)).Finish(3), Exact);
    }

    private static ImportResult Import(EventLog log) => new(log, "xes", log.EventCount, [], []);

    private static ImportResult Result(Random random, int events, int cases, string tag)
    {
        var builder = new EventLogBuilder();
        var origin = T0.UtcTicks + (random.Next(1_000) * TimeSpan.TicksPerMinute);
        for (var i = 0; i < events; i++)
        {
            var c = random.Next(cases);
            var caseId = c % 2 == 0 ? $"cust-{c}" : $"anon {c} ü";
            var e = builder.AddEvent(caseId, $"step {(char)('A' + random.Next(6))}", origin + (random.Next(600) * TimeSpan.TicksPerMinute));
            builder.SetEventAttribute(e, "tag", AttributeValue.FromString(tag));
            builder.SetCaseAttribute(caseId, "segment", AttributeValue.FromString("s" + (c % 3)));
        }

        var log = builder.Build();
        return new ImportResult(log, "csv", log.EventCount, [], []);
    }
}
