using DuckDB.NET.Data;
using Journeyscope.EventLogs;
using Journeyscope.Identity;
using Journeyscope.IO;
using Journeyscope.Storage.Collector;
using static Journeyscope.Storage.Tests.Collector.CollectorMessages;

namespace Journeyscope.Storage.Tests.Collector;

/// <summary>The collector's append: message-id dedup across requests and restarts, and stitching applied on read.</summary>
public sealed class WorkspaceCollectTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.FromHours(1));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Collect_SameRequestTwiceAndAcrossARestart_StoresEachMessageOnce()
    {
        // Given a request of three messages, one of them repeated inside the request
        using var temp = new TempFolder();
        var batch = Batch(Track("m1", "anon1", "Viewed", 0), Track("m2", "anon1", "Added", 1), Track("m1", "anon1", "Viewed", 0), Track("m3", "anon2", "Viewed", 2));

        // When it is sent, sent again, and sent once more after the server restarted
        CollectSummary first, second, third;
        long version;
        using (var workspace = Workspace.Open(temp.Path))
        {
            first = await workspace.CollectAsync(batch, TimeSpan.FromDays(30), Ct);
            second = await workspace.CollectAsync(batch, TimeSpan.FromDays(30), Ct);
            version = workspace.Version;
        }

        using var reopened = Workspace.Open(temp.Path, create: false);
        third = await reopened.CollectAsync(batch, TimeSpan.FromDays(30), Ct);

        // Then three events are stored, once; the replays add nothing and leave the version alone
        first.EventsAdded.ShouldBe(3);
        first.Duplicates.ShouldBe(1);
        second.EventsAdded.ShouldBe(0);
        second.Duplicates.ShouldBe(4);
        third.EventsAdded.ShouldBe(0);
        reopened.Version.ShouldBe(version);
        reopened.LoadEventLog(Ct).EventCount.ShouldBe(3);
    }

    [Fact]
    public async Task Collect_AnonymousBrowseThenLogin_LoadsOneJourneyInTimeOrder()
    {
        // Given a visitor browsing as anon1, then identifying as cust-7 and buying, plus the customer's traits
        using var temp = new TempFolder();
        using var workspace = Workspace.Open(temp.Path);
        await workspace.CollectAsync(Batch(Track("m1", "anon1", "Viewed product", 0), Track("m2", "anon1", "Added to cart", 1)), TimeSpan.FromDays(30), Ct);
        var versionBefore = workspace.Version;
        var identify = new CollectedMessage
        {
            MessageId = "m3",
            CaseId = "cust-7",
            Activity = "Identify",
            Timestamp = T0.AddMinutes(2),
            KnownIds = ["cust-7"],
            Links = [new IdentityLink("anon1", "cust-7", T0.AddMinutes(2).UtcTicks)],
            Traits = [new("plan", AttributeValue.FromString("gold"))],
        };
        await workspace.CollectAsync(Batch(identify, Track("m4", "cust-7", "Order placed", 3)), TimeSpan.FromDays(30), Ct);

        // When the log is read
        var log = workspace.LoadEventLog(Ct);

        // Then the anonymous events joined the customer's journey, the version moved on (caches drop the old log)
        log.CaseCount.ShouldBe(1);
        log.CaseIds[0].ShouldBe("cust-7");
        Activities(log, 0).ShouldBe(["Viewed product", "Added to cart", "Identify", "Order placed"]);
        workspace.Version.ShouldBeGreaterThan(versionBefore);
        log.CaseAttributes.Single(a => a.Name == "plan").GetValue(0)!.Value.AsString().ShouldBe("gold");
    }

    [Fact]
    public async Task Collect_SecondCustomerClaimsTheSameAnonymousId_ReportsTheRefusalAndKeepsTheFirst()
    {
        // Given identify(A, anon1) and later identify(B, anon1), sent in reverse order
        using var temp = new TempFolder();
        using var workspace = Workspace.Open(temp.Path);
        await workspace.CollectAsync(Batch(Track("m1", "anon1", "Viewed", 0)), TimeSpan.FromDays(30), Ct);
        var late = await workspace.CollectAsync(Batch(Identify("m3", "anon1", "B", 5)), TimeSpan.FromDays(30), Ct);
        var early = await workspace.CollectAsync(Batch(Identify("m2", "anon1", "A", 3)), TimeSpan.FromDays(30), Ct);

        // Then anon1's events are A's, and the refused merge into B is reported
        var log = workspace.LoadEventLog(Ct);
        Activities(log, log.CaseIds.ToList().IndexOf("A")).ShouldBe(["Viewed", "Identify"]);
        late.Refused.ShouldBeEmpty();
        early.Refused.ShouldHaveSingleItem().ShouldBe(new RefusedMerge("anon1", "B", T0.AddMinutes(5).UtcTicks, MergeRefusal.AlreadyMerged, "A"));
        workspace.GetIdentityGraph().Resolve("anon1").ShouldBe("A");
    }

    [Fact]
    public async Task Collect_AnyOrderAndSplitOfRequests_GivesTheSameStitchedLog()
    {
        // Given a stream of anonymous browsing, identifies (one conflicting, one junk) and purchases
        var messages = new List<CollectedMessage>();
        for (var v = 0; v < 6; v++)
        {
            messages.Add(Track($"v{v}-1", $"anon{v}", "Viewed", v));
            messages.Add(Track($"v{v}-2", $"anon{v}", "Added", v + 10));
            messages.Add(Identify($"v{v}-3", $"anon{v}", $"cust{v % 4}", v + 20));
            messages.Add(Track($"v{v}-4", $"cust{v % 4}", "Bought", v + 30));
        }

        messages.Add(Identify("x-1", "anon1", "cust3", 40));
        messages.Add(Identify("x-2", "null", "cust2", 41));
        var expected = await StitchedAsync([messages]);

        // When the same messages arrive shuffled, in other splits, with replays
        for (var seed = 0; seed < 3; seed++)
        {
            var random = new Random(seed);
            var shuffled = messages.ToArray();
            random.Shuffle(shuffled);
            var requests = shuffled.Chunk(1 + random.Next(7)).Select(c => (IReadOnlyList<CollectedMessage>)c).ToList();
            requests.Add(shuffled[..5]);

            // Then the stitched journeys are the same
            (await StitchedAsync(requests)).ShouldBe(expected, $"seed {seed}");
        }
    }

    [Fact]
    public async Task Open_SchemaVersion2_MigratesByCreatingTheCollectorTables()
    {
        // Given a workspace written by schema 2 (no collector tables)
        using var temp = new TempFolder();
        using (var workspace = Workspace.Open(temp.Path))
        {
            await workspace.CollectAsync(Batch(Track("m1", "anon1", "Viewed", 0)), TimeSpan.FromDays(30), Ct);
        }

        Sql(temp.Path, "DROP TABLE collector_messages", "DROP TABLE identity_links", "UPDATE meta SET value = '2' WHERE key = 'schema_version'");

        // When it is opened and collects
        using var migrated = Workspace.Open(temp.Path, create: false);
        var summary = await migrated.CollectAsync(Batch(Track("m2", "anon1", "Added", 1)), TimeSpan.FromDays(30), Ct);

        // Then it was migrated, and works
        migrated.MigratedFromSchema.ShouldBe(2);
        summary.EventsAdded.ShouldBe(1);
        migrated.LoadEventLog(Ct).EventCount.ShouldBe(2);
    }

    [Fact]
    public async Task Collect_RejectedMessages_AreQuarantinedWithTheirReason()
    {
        using var temp = new TempFolder();
        using var workspace = Workspace.Open(temp.Path);
        var rejected = new QuarantinedRecord("collector:segment", 2, 0, "userId", "no usable customer id", "{}");

        var summary = await workspace.CollectAsync(
            new CollectedBatch("collector:segment", "segment", [Track("m1", "anon1", "Viewed", 0)], [rejected]), TimeSpan.FromDays(30), Ct);

        summary.Quarantined.ShouldBe(1);
        workspace.GetQuarantine(10).ShouldHaveSingleItem().Reason.ShouldBe("no usable customer id");
    }

    private static async Task<string> StitchedAsync(IReadOnlyList<IReadOnlyList<CollectedMessage>> requests)
    {
        using var temp = new TempFolder();
        using var workspace = Workspace.Open(temp.Path);
        foreach (var request in requests)
        {
            await workspace.CollectAsync(new CollectedBatch("collector:test", "segment", request, []), TimeSpan.FromDays(30), Ct);
        }

        var log = workspace.LoadEventLog(Ct);
        return string.Join("\n", Enumerable.Range(0, log.CaseCount)
            .Select(c => log.CaseIds[c] + ": " + string.Join(",", Activities(log, c)))
            .Order(StringComparer.Ordinal));
    }

    private static List<string> Activities(EventLog log, int c)
    {
        var names = new List<string>();
        foreach (var activity in log.CaseActivities(c))
        {
            names.Add(log.ActivityNames[activity]);
        }

        return names;
    }


    private static void Sql(string folder, params string[] statements)
    {
        using var connection = new DuckDBConnection("Data Source=" + Path.Combine(folder, "journeyscope.duckdb"));
        connection.Open();
        foreach (var statement in statements)
        {
            using var command = connection.CreateCommand();
            command.CommandText = statement;
            command.ExecuteNonQuery();
        }
    }
}
