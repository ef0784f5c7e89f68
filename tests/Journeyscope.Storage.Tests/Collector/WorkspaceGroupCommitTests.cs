using Journeyscope.Storage.Collector;
using static Journeyscope.Storage.Tests.Collector.CollectorMessages;

namespace Journeyscope.Storage.Tests.Collector;

/// <summary>The collector's group commit and its cap on attribute names (docs/collector.md).</summary>
public sealed class WorkspaceGroupCommitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Collect_FortyConcurrentRequestsOverlapping_StoresEachMessageOnceInFewerCommits()
    {
        // Given 40 requests of 10 messages each, every request repeating two messages of the request before it
        using var temp = new TempFolder();
        using var workspace = Workspace.Open(temp.Path);
        var batches = Enumerable.Range(0, 40).Select(r => Batch(
            Enumerable.Range(r * 10, 10).Select(n => Track("m" + n, "c" + (n % 7), "Step " + (n % 3), n))
                .Concat(r == 0 ? [] : [Track("m" + ((r * 10) - 1), "c" + (((r * 10) - 1) % 7), "Step " + (((r * 10) - 1) % 3), (r * 10) - 1),
                    Track("m" + ((r * 10) - 2), "c" + (((r * 10) - 2) % 7), "Step " + (((r * 10) - 2) % 3), (r * 10) - 2)])
                .ToArray())).ToList();

        // When they arrive at once
        var summaries = await Task.WhenAll(batches.Select(b => Task.Run(() => workspace.CollectAsync(b, new CollectLimits(), Ct), Ct)));

        // Then each of the 400 messages is stored once, every request learns what it stored, and the requests shared commits
        summaries.Sum(s => s.EventsAdded).ShouldBe(400);
        summaries.Sum(s => s.Duplicates).ShouldBe(78);
        summaries.ShouldAllBe(s => s.Version <= workspace.Version && s.Version > 0);
        var log = workspace.LoadEventLog(Ct);
        log.EventCount.ShouldBe(400);
        workspace.GetInfo().Imports.Count.ShouldBeLessThan(40);
    }

    [Fact]
    public async Task Collect_AfterAReopen_SkipsMessagesStoredBeforeThroughTheLoadedFilter()
    {
        // Given a workspace holding m1 and m2, closed and opened again (a restart: the id filter is loaded from the store)
        using var temp = new TempFolder();
        using (var first = Workspace.Open(temp.Path))
        {
            await first.CollectAsync(Batch(Track("m1", "c1", "A", 0), Track("m2", "c1", "B", 1)), new CollectLimits(), Ct);
        }

        using var workspace = Workspace.Open(temp.Path, create: false);

        // When a request repeats m2 and adds m3
        var summary = await workspace.CollectAsync(Batch(Track("m2", "c1", "B", 1), Track("m3", "c1", "C", 2)), new CollectLimits(), Ct);

        // Then only m3 is added
        summary.EventsAdded.ShouldBe(1);
        summary.Duplicates.ShouldBe(1);
        workspace.LoadEventLog(Ct).EventCount.ShouldBe(3);
    }

    [Fact]
    public async Task Collect_MessageAddingNamesBeyondTheCap_IsQuarantinedWithTheReasonAndTheOthersStored()
    {
        // Given a cap of 4 attribute names (event_id, which every collected event carries, is one of them)
        using var temp = new TempFolder();
        using var workspace = Workspace.Open(temp.Path);
        var limits = new CollectLimits { MaxAttributeNames = 4 };
        var within = Track("m1", "c1", "A", 0, properties: StringProperties("plan", "size"));
        var beyond = Track("m2", "c1", "B", 1, properties: StringProperties("user_1", "user_2", "user_3"));
        var known = Track("m3", "c1", "C", 2, properties: StringProperties("plan"));

        // When one request carries a message within the cap, one beyond it, and one using known names only
        var summary = await workspace.CollectAsync(Batch(within, beyond, known), limits, Ct);

        // Then the message beyond the cap is quarantined with a reason that names the cap and the setting; the others are stored
        summary.EventsAdded.ShouldBe(2);
        summary.Quarantined.ShouldBe(1);
        var quarantined = workspace.GetQuarantine().ShouldHaveSingleItem();
        quarantined.Reason.ShouldContain("too many distinct property names");
        quarantined.Reason.ShouldContain("MaxPropertyNames");
        quarantined.RawText!.ShouldContain("m2");
        workspace.LoadEventLog(Ct).FindEventAttribute("user_1").ShouldBeNull();
    }
}
