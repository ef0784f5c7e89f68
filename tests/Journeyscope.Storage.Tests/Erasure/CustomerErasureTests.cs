using Journeyscope.Storage.Erasure;
using Journeyscope.Storage.Tests.Collector;
using Journeyscope.TestSupport;

namespace Journeyscope.Storage.Tests.Erasure;

/// <summary>Erasure of one customer: every copy in the workspace folder, the suppression list, the others untouched.</summary>
public sealed class CustomerErasureTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Erase_CustomerFromCsvCollectorAndQuarantine_ByteScanFindsNoIdOrMarker()
    {
        // Given a workspace where the customer's ids and marker are stored (the byte scan finds them before)
        using var fixture = new ErasureWorkspace();
        await fixture.FillAsync(Ct);
        FileScan.Find(fixture.Folder, fixture.Secrets).ShouldNotBeEmpty();

        // When the customer is erased
        var receipt = CustomerErasure.Erase(fixture.Folder, ErasureWorkspace.Customer, cancellationToken: Ct);

        // Then no byte of any file holds an id or the marker, and the receipt says so
        FileScan.Find(fixture.Folder, fixture.Secrets).ShouldBeEmpty();
        receipt.Succeeded.ShouldBeTrue();
        receipt.Compacted.ShouldBeTrue();
        receipt.IdsErased.ShouldBe(2);
        receipt.Verification!.Occurrences.ShouldBe(0);
        receipt.Verification.DatabaseRows.ShouldBe(0);
        receipt.Verification.Needles.ShouldBeGreaterThanOrEqualTo(3);
        Rows(receipt, "events").ShouldBe(2 + 2 + 1);
        Rows(receipt, "cases").ShouldBe(2);
        Rows(receipt, "quarantine").ShouldBe(1);
        Rows(receipt, "identity_links").ShouldBe(2);
        Rows(receipt, "collector_messages").ShouldBe(3);
    }

    [Fact]
    public async Task Erase_CustomerWithRuleFiringsWebhookDeliveriesAndLiveDeviations_SideFilesHoldNoByteOfIt()
    {
        // Given the filled workspace where a live rule fired for the customer (under its anonymous id too) and for another,
        // each firing queued as a webhook whose body names the customer, and each had a live deviation
        using var fixture = new ErasureWorkspace();
        await fixture.FillAsync(Ct);
        var now = DateTimeOffset.UnixEpoch.AddYears(55);
        var target = Journeyscope.Storage.Notifications.WebhookStore.AddTarget(fixture.Folder, "https://hooks.example.com/in", null, "crm", []);
        target.Id.ShouldNotBeNullOrEmpty();
        foreach (var customer in new[] { ErasureWorkspace.Customer, ErasureWorkspace.Anonymous, "cust-keep-002" })
        {
            var firing = new Journeyscope.Monitoring.RuleFiring("shop", "abandoned", "Abandoned cart", "deadline", customer, 1, now, now, $"{customer} left the cart", ["cart"]);
            Journeyscope.Storage.Monitoring.RuleFiringLog.TryRecord(fixture.Folder, firing).ShouldBeTrue();
            Journeyscope.Storage.Notifications.WebhookStore.Enqueue(fixture.Folder, "ws", "rule.fired",
                System.Text.Json.JsonSerializer.Serialize(new { data = firing }), firing.DedupKey, now).ShouldBe(1);
            Journeyscope.Storage.Monitoring.LiveDeviationLog.Record(fixture.Folder,
                [new Journeyscope.Monitoring.LiveDeviation("shop", customer, "skipped", "cart", now, 1, $"{customer} skipped browsing")]).Count.ShouldBe(1);
        }

        // When the customer is erased
        var receipt = CustomerErasure.Erase(fixture.Folder, ErasureWorkspace.Customer, cancellationToken: Ct);

        // Then neither side file holds a byte of its ids (WAL and free pages included), the other customer's firing and
        // delivery remain, and the receipt counts what went
        FileScan.Find(fixture.Folder, fixture.Secrets).ShouldBeEmpty();
        receipt.Succeeded.ShouldBeTrue();
        Rows(receipt, "live.firings").ShouldBe(2);
        Rows(receipt, "webhooks.deliveries").ShouldBe(2);
        Rows(receipt, "live.deviations").ShouldBe(2);
        Journeyscope.Storage.Monitoring.RuleFiringLog.List(fixture.Folder).Select(f => f.Customer).ShouldBe(["cust-keep-002"]);
        Journeyscope.Storage.Monitoring.LiveDeviationLog.List(fixture.Folder).Select(d => d.Customer).ShouldBe(["cust-keep-002"]);
        Journeyscope.Storage.Notifications.WebhookStore.Deliveries(fixture.Folder).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Erase_Customer_OthersKeepEveryEventAndTheirBadLine()
    {
        // Given the filled workspace and its log before
        using var fixture = new ErasureWorkspace();
        await fixture.FillAsync(Ct);
        int eventsBefore, casesBefore;
        long quarantinedBefore;
        using (var workspace = Workspace.Open(fixture.Folder))
        {
            var log = workspace.LoadEventLog(Ct);
            eventsBefore = log.EventCount;
            casesBefore = log.CaseCount;
            quarantinedBefore = workspace.GetInfo().QuarantineCount;
        }

        // When the customer is erased
        CustomerErasure.Erase(fixture.Folder, ErasureWorkspace.Customer, cancellationToken: Ct);

        // Then the others' events, cases and bad line remain, exactly minus the customer's
        using var after = Workspace.Open(fixture.Folder, create: false);
        var remaining = after.LoadEventLog(Ct);
        remaining.EventCount.ShouldBe(eventsBefore - 5);
        remaining.CaseCount.ShouldBe(casesBefore - 1);
        remaining.CaseIds.ShouldBe(["cust-keep-002", "cust-keep-003", "anon-other-9"], ignoreOrder: true);
        after.GetInfo().QuarantineCount.ShouldBe(quarantinedBefore - 1);
    }

    [Fact]
    public async Task DeleteWithoutCompaction_Customer_LeavesTheMarkerInTheFile()
    {
        // Given the filled workspace (why compaction is part of the erasure: DuckDB keeps deleted values)
        using var fixture = new ErasureWorkspace();
        await fixture.FillAsync(Ct);

        // When only the rows are deleted and checkpointed
        using (var workspace = Workspace.Open(fixture.Folder))
        {
            workspace.DeleteCustomer(ErasureWorkspace.Customer, dryRun: false, Ct);
        }

        // Then the bytes are still in the database file
        FileScan.Find(fixture.Folder, [fixture.Marker]).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Import_SameCsvAfterErasure_RefusesTheCustomerAsQuarantinedWithoutText()
    {
        // Given an erased customer
        using var fixture = new ErasureWorkspace();
        await fixture.FillAsync(Ct);
        CustomerErasure.Erase(fixture.Folder, ErasureWorkspace.Customer, cancellationToken: Ct);

        // When the original CSV is imported again
        using (var workspace = Workspace.Open(fixture.Folder))
        {
            var summary = await workspace.AppendAsync(IO.EventLogFile.Import(fixture.Csv, cancellationToken: Ct), "orders.csv", Ct);

            // Then none of their events comes back; their rows count as quarantined ("erased customer")
            summary.EventsAdded.ShouldBe(0);
            summary.RecordsQuarantined.ShouldBe(2 + 2);
            workspace.LoadEventLog(Ct).CaseIds.ShouldNotContain(ErasureWorkspace.Customer);
            workspace.GetQuarantine().ShouldContain(q => q.Reason == "erased customer");
        }

        // And no file holds their ids or marker
        FileScan.Find(fixture.Folder, fixture.Secrets).ShouldBeEmpty();
    }

    [Fact]
    public async Task Collect_LateEventsOfErasedIds_AreDroppedAndCounted()
    {
        // Given an erased customer
        using var fixture = new ErasureWorkspace();
        await fixture.FillAsync(Ct);
        CustomerErasure.Erase(fixture.Folder, ErasureWorkspace.Customer, cancellationToken: Ct);

        // When a late event arrives under the anonymous id, another under the customer id, and one of someone else
        using var workspace = Workspace.Open(fixture.Folder);
        var summary = await workspace.CollectAsync(CollectorMessages.Batch(
            ErasureWorkspace.Track("m-late-1", ErasureWorkspace.Anonymous, "Viewed product", 30),
            ErasureWorkspace.Identify("m-late-2", ErasureWorkspace.Customer, "anon-fresh-1", 31),
            ErasureWorkspace.Track("m-late-3", "anon-other-9", "Added to cart", 32)), TimeSpan.FromDays(30), Ct);

        // Then only the other visitor's event is stored; the two are counted as suppressed, and no id of theirs is stored
        summary.EventsAdded.ShouldBe(1);
        summary.Suppressed.ShouldBe(2);
        summary.Quarantined.ShouldBe(2);
        workspace.Dispose();
        FileScan.Find(fixture.Folder, [.. fixture.Secrets, "anon-fresh-1", "m-late-1", "m-late-2"]).ShouldBeEmpty();
    }

    [Fact]
    public async Task Erase_DryRun_CountsAndChangesNothing()
    {
        // Given the filled workspace
        using var fixture = new ErasureWorkspace();
        await fixture.FillAsync(Ct);
        long version;
        using (var workspace = Workspace.Open(fixture.Folder))
        {
            version = workspace.Version;
        }

        // When a dry run is asked for
        var receipt = CustomerErasure.Erase(fixture.Folder, ErasureWorkspace.Customer, new ErasureOptions { DryRun = true }, Ct);

        // Then it counts the same rows, changes nothing and scans nothing
        receipt.DryRun.ShouldBeTrue();
        Rows(receipt, "events").ShouldBe(5);
        receipt.Verification.ShouldBeNull();
        using var after = Workspace.Open(fixture.Folder);
        after.Version.ShouldBe(version);
        after.LoadEventLog(Ct).CaseIds.ShouldContain(ErasureWorkspace.Customer);
    }

    [Fact]
    public async Task Erase_ByTheAnonymousId_ErasesTheCustomerItBelongsTo()
    {
        // Given the customer's anonymous id, merged by identify
        using var fixture = new ErasureWorkspace();
        await fixture.FillAsync(Ct);

        // When the anonymous id is erased
        var receipt = CustomerErasure.Erase(fixture.Folder, ErasureWorkspace.Anonymous, cancellationToken: Ct);

        // Then the whole customer is gone
        receipt.Succeeded.ShouldBeTrue();
        FileScan.Find(fixture.Folder, fixture.Secrets).ShouldBeEmpty();
    }

    [Fact]
    public async Task Erase_WhileAnotherInstanceIsOpen_RefusesWithoutChangingAnything()
    {
        // Given the workspace open elsewhere in the process (a server that did not close it)
        using var fixture = new ErasureWorkspace();
        await fixture.FillAsync(Ct);
        using var open = Workspace.Open(fixture.Folder);

        // When an erasure is asked for, then it is refused and the customer is still there
        Should.Throw<WorkspaceException>(() => CustomerErasure.Erase(fixture.Folder, ErasureWorkspace.Customer, cancellationToken: Ct))
            .Message.ShouldContain("open elsewhere");
        open.LoadEventLog(Ct).CaseIds.ShouldContain(ErasureWorkspace.Customer);
    }

    private static long Rows(Journeyscope.Erasure.ErasureReceipt receipt, string table) => receipt.Removed.Single(r => r.Table == table).Rows;
}
