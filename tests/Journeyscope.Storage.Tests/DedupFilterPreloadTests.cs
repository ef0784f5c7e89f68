using Journeyscope.Storage.Collector;
using static Journeyscope.Storage.Tests.Collector.CollectorMessages;
using static Journeyscope.Storage.Tests.EventIdFilterTests;

namespace Journeyscope.Storage.Tests;

/// <summary>
/// The dedup filters (stored event ids, collector message ids) loaded in the background when a host opens a workspace, and
/// dropped when the file may have been written by another process: no duplicate is ever missed.
/// </summary>
public sealed class DedupFilterPreloadTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Collect_MessageStoredByAnotherWorkspaceWhileClosed_IsRefusedAfterReopening()
    {
        // Given A caching its message filter, closed; then B, as another process would (its own state: the same file
        // reached through another path), collects m2
        using var temp = new TempFolder();
        var other = temp.Path + "-link";
        Directory.CreateSymbolicLink(other, temp.Path);
        try
        {
            using (var a = Workspace.Open(temp.Path))
            {
                await a.CollectAsync(Batch(Track("m1", "c1", "A", 0)), new CollectLimits(), Ct);
                a.Shared.MessageIds.Loaded.ShouldNotBeNull();
            }

            using (var b = Workspace.Open(other, create: false))
            {
                (await b.CollectAsync(Batch(Track("m2", "c1", "B", 1)), new CollectLimits(), Ct)).EventsAdded.ShouldBe(1);
            }

            // When A's path opens the file again and m2 is sent once more
            using var reopened = Workspace.Open(temp.Path, create: false);
            var summary = await reopened.CollectAsync(Batch(Track("m2", "c1", "B", 1), Track("m3", "c1", "C", 2)), new CollectLimits(), Ct);

            // Then the duplicate is refused
            summary.EventsAdded.ShouldBe(1);
            summary.Duplicates.ShouldBe(1);
            reopened.LoadEventLog(Ct).EventCount.ShouldBe(3);
        }
        finally
        {
            Directory.Delete(other);
        }
    }

    [Fact]
    public async Task AppendAndCollect_AfterThePreloadFinished_LoadNothingAndRefuseStoredIds()
    {
        // Given a workspace holding events and messages, reopened, with its filters loaded in the background
        using var temp = new TempFolder();
        using (var first = Workspace.Open(temp.Path))
        {
            await first.AppendAsync(Events(("a", "E1"), ("b", "E2")), "one.csv", Ct);
            await first.CollectAsync(Batch(Track("m1", "c1", "A", 0)), new CollectLimits(), Ct);
        }

        using var workspace = Workspace.Open(temp.Path, create: false);
        var eventsBefore = workspace.EventIdFilterLoads;
        var messagesBefore = workspace.MessageFilterLoads;
        await workspace.PreloadDedupFilters().WaitAsync(Ct);

        // When the stored ids come again with new ones, through a file and through the collector
        var appended = await workspace.AppendAsync(Events(("a", "E1"), ("c", "E3")), "two.csv", Ct);
        var collected = await workspace.CollectAsync(Batch(Track("m1", "c1", "A", 0), Track("m2", "c1", "B", 1)), new CollectLimits(), Ct);

        // Then each stored id is refused, and neither call loaded a filter or waited for one
        appended.EventsAdded.ShouldBe(1);
        appended.DuplicatesSkipped.ShouldBe(1);
        collected.EventsAdded.ShouldBe(1);
        collected.Duplicates.ShouldBe(1);
        workspace.EventIdFilterLoads.ShouldBe(eventsBefore with { InBackground = eventsBefore.InBackground + 1, IsLoaded = true });
        workspace.MessageFilterLoads.ShouldBe(messagesBefore with { InBackground = messagesBefore.InBackground + 1, IsLoaded = true });
    }

    [Fact]
    public async Task Dispose_WhileABackgroundLoadRuns_StopsItAndReleasesTheFile()
    {
        // Given a background load held before its scan
        using var temp = new TempFolder();
        using var release = new ManualResetEventSlim();
        var workspace = Workspace.Open(temp.Path);
        await workspace.AppendAsync(Events(("a", "E1")), "one.csv", Ct);
        Task load;
        await workspace.Shared.Gate.WaitAsync(Ct);
        try
        {
            var scan = workspace.ScanAside(workspace.Shared.EventIds);
            load = workspace.Shared.EventIds.BeginLoad(
                token =>
                {
                    release.Wait(token);
                    return scan(token);
                },
                workspace.Shared.LoadsToken);
        }
        finally
        {
            workspace.Shared.Gate.Release();
        }

        // When the only instance closes
        workspace.Dispose();

        // Then the load was cancelled and the file can be opened again, with no filter carried over
        load.IsCanceled.ShouldBeTrue();
        using var reopened = Workspace.Open(temp.Path, create: false);
        reopened.Shared.EventIds.Loaded.ShouldBeNull();
        reopened.Shared.EventIds.IsLoading.ShouldBeFalse();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public async Task AppendsAndBatches_RacingTheBackgroundLoads_StoreEachIdOnce(int seed)
    {
        // Given a reopened workspace holding events f0-f9 and messages m0-m9, whose two filter loads are held (by seed)
        // before their scans or after them, until a random point among the operations
        var random = new Random(seed);
        using var temp = new TempFolder();
        using (var first = Workspace.Open(temp.Path))
        {
            await first.CollectAsync(Batch([.. Enumerable.Range(0, 10).Select(Message)]), new CollectLimits(), Ct);
            await first.AppendAsync(Events([.. Enumerable.Range(0, 10).Select(i => (CaseOf(i), "f" + i))]), "base.csv", Ct);
        }

        using var workspace = Workspace.Open(temp.Path, create: false);
        var eventLoads = workspace.EventIdFilterLoads.OnDemand;
        var messageLoads = workspace.MessageFilterLoads.OnDemand;
        using var eventsHeld = new ManualResetEventSlim();
        using var messagesHeld = new ManualResetEventSlim();
        var eventsAfterScan = random.Next(2) == 0;
        var messagesAfterScan = random.Next(2) == 0;
        Task eventsLoaded, messagesLoaded;
        await workspace.Shared.Gate.WaitAsync(Ct);
        try
        {
            eventsLoaded = workspace.Shared.EventIds.BeginLoad(
                Held(workspace.ScanAside(workspace.Shared.EventIds), eventsHeld, eventsAfterScan), workspace.Shared.LoadsToken);
            messagesLoaded = workspace.Shared.MessageIds.BeginLoad(
                Held(workspace.ScanAside(workspace.Shared.MessageIds), messagesHeld, messagesAfterScan), workspace.Shared.LoadsToken);
        }
        finally
        {
            workspace.Shared.Gate.Release();
        }

        // When twelve operations start one after another (collector batches of new and stored message ids; files of new
        // events, stored ones and events collected before re-sent), the loads released at random points among them
        var stored = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 10; i++)
        {
            stored.Add("m" + i);
            stored.Add("f" + i);
        }

        var operations = new List<Task>();
        var releaseEvents = random.Next(13);
        var releaseMessages = random.Next(13);
        for (var op = 0; op < 12; op++)
        {
            if (op == releaseEvents)
            {
                eventsHeld.Set();
            }

            if (op == releaseMessages)
            {
                messagesHeld.Set();
            }

            if (random.Next(2) == 0)
            {
                var ids = Enumerable.Range(0, 1 + random.Next(5)).Select(_ => random.Next(40)).ToList();
                stored.UnionWith(ids.Select(i => "m" + i));
                operations.Add(Task.Run(() => workspace.CollectAsync(Batch([.. ids.Select(Message)]), new CollectLimits(), Ct), Ct));
            }
            else
            {
                var events = Enumerable.Range(0, 1 + random.Next(5)).Select(_ => random.Next(40)).Distinct()
                    .Select(i => random.Next(2) == 0 ? (CaseOf(i), "f" + i) : (CaseOf(i % 10), "m" + (i % 10))).Distinct().ToList();
                stored.UnionWith(events.Select(e => e.Item2));
                operations.Add(Task.Run(() => workspace.AppendAsync(Events([.. events]), "racing.csv", Ct), Ct));
            }

            await Task.Delay(random.Next(4), Ct);
        }

        eventsHeld.Set();
        messagesHeld.Set();
        await Task.WhenAll(operations).WaitAsync(TimeSpan.FromSeconds(60), Ct);
        await Task.WhenAll(eventsLoaded, messagesLoaded).WaitAsync(TimeSpan.FromSeconds(60), Ct);

        // Then every id is stored exactly once, and no operation loaded a filter itself
        workspace.GetInfo().EventCount.ShouldBe(stored.Count);
        workspace.EventIdFilterLoads.OnDemand.ShouldBe(eventLoads);
        workspace.MessageFilterLoads.OnDemand.ShouldBe(messageLoads);

        // And afterwards the loaded filters still refuse every stored id: the events collected while the event-id load ran
        // (re-sent as a file) and the message ids
        var collected = stored.Count(id => id.StartsWith('m'));
        var files = stored.Count(id => id.StartsWith('f'));
        var resent = await workspace.AppendAsync(
            Events([.. Enumerable.Range(0, 40).SelectMany(i => new[] { (CaseOf(i), "m" + i), (CaseOf(i), "f" + i) })]), "all.csv", Ct);
        resent.EventsAdded.ShouldBe(80 - collected - files);
        var again = await workspace.CollectAsync(Batch([.. Enumerable.Range(0, 40).Select(Message)]), new CollectLimits(), Ct);
        again.EventsAdded.ShouldBe(40 - collected);
    }

    /// <summary>The case of id number <paramref name="i"/>: an id always belongs to the same case, so a re-send is a duplicate.</summary>
    private static string CaseOf(int i) => "c" + (i % 7);

    /// <summary>Message <c>m{i}</c>, tracked in its case.</summary>
    private static CollectedMessage Message(int i) => Track("m" + i, CaseOf(i), "step", i);

    /// <summary><paramref name="scan"/>, held by <paramref name="held"/> before it runs or after it ran.</summary>
    private static Func<CancellationToken, HashSet<ulong>> Held(Func<CancellationToken, HashSet<ulong>> scan, ManualResetEventSlim held, bool afterScan) =>
        token =>
        {
            if (!afterScan)
            {
                held.Wait(token);
            }

            var hashes = scan(token);
            if (afterScan)
            {
                held.Wait(token);
            }

            return hashes;
        };
}
