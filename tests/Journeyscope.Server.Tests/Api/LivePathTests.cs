using System.Text.Json;
using Journeyscope.Partitions;
using Journeyscope.Server.Services;
using Journeyscope.Server.Tests.Collector;
using Journeyscope.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Journeyscope.Server.Tests.Api;

/// <summary>
/// A growing workspace's unfiltered analyses come from the live path (the partitioned log grown in place) and equal those of
/// a whole read of the store; a collector batch reaches them without the whole log being read again.
/// </summary>
public sealed class LivePathTests(CollectorServer server) : IClassFixture<CollectorServer>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CollectorBatch_WorkspaceWatched_MapAndSummaryIncludeItWithoutReadingTheStoreAgain()
    {
        // Given a workspace with a first batch, whose summary and map were asked (the log is cached at that version)
        using var client = server.CreateClient();
        var (ws, key) = await server.NewWorkspaceAsync(client);
        await SendAsync(client, key, "first", ["Browse", "Cart", "Order"]);
        var logs = server.Factory.Services.GetRequiredService<EventLogCache>();
        var reads = logs.StoreReads;
        (await GetAsync(client, ws, "summary")).GetProperty("events").GetInt32().ShouldBe(3);
        (logs.StoreReads - reads).ShouldBe(1);

        // When a second batch arrives, with an activity never seen, and the analyses are asked again twice
        await SendAsync(client, key, "second", ["Browse", "Live chat", "Order"]);
        var summary = await GetAsync(client, ws, "summary");
        var map = await GetAsync(client, ws, "process-map");
        var variants = await GetAsync(client, ws, "variants");
        var again = await GetAsync(client, ws, "summary");

        // Then they include the new events, and the whole log was assembled from the live log once, never read from the store again
        summary.GetProperty("events").GetInt32().ShouldBe(6);
        summary.GetProperty("cases").GetInt32().ShouldBe(2);
        map.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()).ShouldContain("Live chat");
        variants.GetProperty("variantCount").GetInt32().ShouldBe(2);
        again.GetProperty("version").GetInt64().ShouldBe(summary.GetProperty("version").GetInt64());
        (logs.StoreReads - reads).ShouldBe(1);
        logs.Assemblies.ShouldBeGreaterThan(0);
        server.Factory.Services.GetRequiredService<LiveLogCache>().Follows(ws).ShouldBeTrue();
    }

    [Theory]
    [InlineData("logs/receipt.xes.gz")]
    [InlineData("logs/SEPSIS.xes.gz")]
    public async Task RealLogThenCollectorBatch_LivePath_AnswersEqualTheStoreReadPath(string file)
    {
        // Given a real log imported into a workspace the live log follows
        using var client = server.CreateClient();
        var (ws, key) = await server.NewWorkspaceAsync(client);
        var bytes = await File.ReadAllBytesAsync(SharedData.Path(file), Token);
        using (var imported = await client.PostAsync($"/api/v1/workspaces/{ws}/imports", ServerFixture.Upload(bytes, Path.GetFileName(file)), Token))
        {
            imported.EnsureSuccessStatusCode();
        }

        (await client.GetAsync($"/api/v1/workspaces/{ws}/live", Token)).EnsureSuccessStatusCode();
        var stored = server.Log(ws);
        var existing = stored.CaseIds[0];
        var steps = FirstActivities(stored, 2);
        List<LivePathRequest> requests = [.. LivePathComparison.WholeLogPaths.Select(p => new LivePathRequest(p)), .. LivePathRequest.Partials(steps)];

        // When the collector appends to one of its cases and starts a new one (the live log applies it as a delta)
        await SendAsync(client, key, existing, ["Live follow-up", "Live answer"]);
        await SendAsync(client, key, "newcomer", ["Live follow-up", .. steps]);

        // Then every unfiltered answer of the live path (funnels, VoC and throughput from partials) equals the store path's, byte for byte
        var (live, store) = await LivePathComparison.RunAsync(server.Factory, client, ws, requests, Token);
        LivePathComparison.Differences(live, store).ShouldBeEmpty();
        live["summary"].ShouldContain("Live answer");
    }

    [Fact]
    public async Task CollectorBatches_FunnelVocThroughputBottlenecksFromPartials_RemapOnlyTheChangedPartitionsAndFollowTheChange()
    {
        // Given receipt imported into a followed workspace, its funnel, VoC, throughput and bottlenecks asked once (their partial caches warm)
        using var client = server.CreateClient();
        var (ws, key) = await server.NewWorkspaceAsync(client);
        var bytes = await File.ReadAllBytesAsync(SharedData.Path("logs/receipt.xes.gz"), Token);
        using (var imported = await client.PostAsync($"/api/v1/workspaces/{ws}/imports", ServerFixture.Upload(bytes, "receipt.xes.gz"), Token))
        {
            imported.EnsureSuccessStatusCode();
        }

        var snapshot = await GetAsync(client, ws, "live");
        var partitions = snapshot.GetProperty("partitions").GetInt32();
        var stored = server.Log(ws);
        var existing = stored.CaseIds[0];
        var steps = FirstActivities(stored, 2);
        var funnel = JsonSerializer.Serialize(new { steps = steps.Select(s => new { activities = new[] { s } }).ToList() });
        var before = await PostAsync(client, ws, "funnels", funnel);
        await GetAsync(client, ws, "voc");
        var throughputBefore = await GetAsync(client, ws, "throughput?granularity=day");
        var bottlenecksBefore = await GetAsync(client, ws, "bottlenecks");
        var live = server.Factory.Services.GetRequiredService<LiveLogCache>();
        var logs = server.Factory.Services.GetRequiredService<EventLogCache>();
        var (merges, reads, assemblies) = (live.PartialPartitionMerges, logs.StoreReads, logs.Assemblies);

        // When the collector extends an old case and starts a new one that enters the funnel, and the four are asked again
        await SendAsync(client, key, existing, ["Live follow-up"]);
        await SendAsync(client, key, "newcomer-funnel", [.. steps]);
        var after = await PostAsync(client, ws, "funnels", funnel);
        await GetAsync(client, ws, "voc");
        var throughput = await GetAsync(client, ws, "throughput?granularity=day");
        var bottlenecks = await GetAsync(client, ws, "bottlenecks");

        // Then each cache merged again only the partitions of the two changed cases, nothing was read from the store or assembled,
        // and the answers follow the change (a cache that was not invalidated would give the old funnel and periods)
        var changed = new HashSet<int> { CasePartitioner.PartitionOf(existing, partitions), CasePartitioner.PartitionOf("newcomer-funnel", partitions) };
        (live.PartialPartitionMerges - merges).ShouldBe(4 * changed.Count);
        (logs.StoreReads - reads, logs.Assemblies - assemblies).ShouldBe((0L, 0L));
        after.GetProperty("cases").GetInt64().ShouldBe(before.GetProperty("cases").GetInt64() + 1);
        Entered(after, 0).ShouldBe(Entered(before, 0) + 1);
        after.GetProperty("version").GetInt64().ShouldBeGreaterThan(before.GetProperty("version").GetInt64());
        throughput.GetProperty("periods").GetArrayLength().ShouldBeGreaterThan(throughputBefore.GetProperty("periods").GetArrayLength());
        bottlenecks.GetProperty("version").GetInt64().ShouldBeGreaterThan(bottlenecksBefore.GetProperty("version").GetInt64());
        live.PartialCaches(ws).ShouldBe(4);

        // And a workspace no longer followed holds no partial cache
        live.Forget(ws);
        live.PartialCaches(ws).ShouldBe(0);
    }

    [Fact]
    public async Task ManyFunnels_FollowedWorkspace_PartialCachesStayBounded()
    {
        // Given a followed workspace with a few cases
        using var client = server.CreateClient();
        var (ws, key) = await server.NewWorkspaceAsync(client);
        await SendAsync(client, key, "bounded", ["Browse", "Cart", "Order", "Pay"]);
        (await client.GetAsync($"/api/v1/workspaces/{ws}/live", Token)).EnsureSuccessStatusCode();
        var live = server.Factory.Services.GetRequiredService<LiveLogCache>();

        // When more distinct funnels than the capacity are asked
        string[] names = ["Browse", "Cart", "Order", "Pay"];
        var asked = 0;
        foreach (var first in names)
        {
            foreach (var second in names)
            {
                await PostAsync(client, ws, "funnels", JsonSerializer.Serialize(new { steps = new[] { new { activities = new[] { first } }, new { activities = new[] { second } } } }));
                asked++;
            }
        }

        // Then only the most recently used parameter sets keep a cache
        asked.ShouldBeGreaterThan(live.PartialCapacity);
        live.PartialCaches(ws).ShouldBe(live.PartialCapacity);
    }

    private static List<string> FirstActivities(Journeyscope.EventLogs.EventLog log, int count)
    {
        var names = new List<string>();
        for (var e = log.CaseStart(0); e < log.CaseStart(0) + log.CaseLength(0) && names.Count < count; e++)
        {
            var name = log.ActivityNames[log.Activities[e]];
            if (!names.Contains(name))
            {
                names.Add(name);
            }
        }

        return names;
    }

    private static long Entered(JsonElement funnel, int step) => funnel.GetProperty("steps")[step].GetProperty("entered").GetInt64();

    private static async Task<JsonElement> PostAsync(HttpClient client, string ws, string path, string json)
    {
        using var body = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PostAsync($"/api/v1/workspaces/{ws}/{path}", body, Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        response.IsSuccessStatusCode.ShouldBeTrue(text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task SendAsync(HttpClient client, string key, string user, string[] activities)
    {
        var batch = activities.Select((activity, n) => new
        {
            type = "track",
            messageId = $"{user}-{n}-{Guid.NewGuid():N}",
            userId = user,
            @event = activity,
            timestamp = new DateTimeOffset(2030, 3, 1, 9, n, 0, TimeSpan.Zero),
        });
        using var response = await SegmentEndpointTests.Post(client, "/v1/batch", JsonSerializer.Serialize(new { batch }), key);
        response.EnsureSuccessStatusCode();
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string ws, string path)
    {
        using var response = await client.GetAsync($"/api/v1/workspaces/{ws}/{path}", Token);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token)).RootElement.Clone();
    }
}
