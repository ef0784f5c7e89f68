using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Journeyscope.Storage;
using Journeyscope.Storage.Collector;

namespace Journeyscope.Server.Tests.Collector;

/// <summary>
/// The server loads a workspace's dedup filters in the background when it opens it: the first collector batch after the
/// load does not pay it, and a batch racing the load is still deduplicated.
/// </summary>
public sealed class DedupPreloadTests(CollectorServer server) : IClassFixture<CollectorServer>
{
    private const int StoredMessages = 3_000;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Batch_AfterTheOpenLoadedTheFilters_PaysNoLoadAndRefusesStoredIds()
    {
        // Given a workspace holding 3,000 collected messages, opened by the server (creating a key) after a restart
        using var client = server.CreateClient();
        var (workspace, key, _) = await StoredWorkspaceAsync(client);
        var store = server.Store(workspace);
        await store.PreloadDedupFilters().WaitAsync(TimeSpan.FromSeconds(60), Token);
        var before = store.MessageFilterLoads;

        // When the first batch repeats stored ids and adds new ones
        using var response = await SegmentEndpointTests.Post(client, "/v1/batch", Body(["m-1", "m-2999", "n-1", "n-2"]), key);

        // Then it neither loaded the filter nor waited for it, and only the new ids were stored
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        store.MessageFilterLoads.ShouldBe(before);
        before.IsLoaded.ShouldBeTrue();
        server.Log(workspace).EventCount.ShouldBe(StoredMessages + 2);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public async Task Batches_RacingTheLoadAtOpen_StoreEachMessageOnce(int seed)
    {
        // Given a stored workspace the server opens (its filters start loading), and batches sent after a random delay of
        // 0-20 ms, concurrently, each mixing stored ids, new ids and ids of the other batches
        var random = new Random(seed);
        using var client = server.CreateClient();
        var (workspace, key, setUp) = await StoredWorkspaceAsync(client);
        await Task.Delay(random.Next(21), Token);
        var batches = Enumerable.Range(0, 4).Select(_ => Enumerable.Range(0, 1 + random.Next(8))
            .Select(_ => random.Next(2) == 0 ? "m-" + random.Next(StoredMessages) : "n-" + random.Next(10)).Distinct().ToList()).ToList();

        // When they are sent at once
        var responses = await Task.WhenAll(batches.Select(ids => SegmentEndpointTests.Post(client, "/v1/batch", Body(ids), key)));

        // Then each is acknowledged, every message is stored once, and no batch loaded a filter itself
        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        var fresh = batches.SelectMany(b => b).Where(id => id.StartsWith("n-", StringComparison.Ordinal)).Distinct().Count();
        server.Log(workspace).EventCount.ShouldBe(StoredMessages + fresh);
        var loads = server.Store(workspace).MessageFilterLoads;
        loads.OnDemand.ShouldBe(setUp.OnDemand);
        loads.InBackground.ShouldBe(setUp.InBackground + 1);
        TestContext.Current.TestOutputHelper?.WriteLine($"seed {seed}: batches that waited for the load: {loads.Waited - setUp.Waited}");
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    /// <summary>
    /// A workspace folder holding <see cref="StoredMessages"/> collected messages written before the server opened it (as a
    /// previous run of the server would have), then opened by the server through the API that creates its ingest key; with
    /// the message filter's load counts of the set-up (counted per database file in the process).
    /// </summary>
    private async Task<(string Workspace, string Key, DedupFilterLoads SetUp)> StoredWorkspaceAsync(HttpClient client)
    {
        var name = "preload-" + Guid.NewGuid().ToString("N")[..8];
        DedupFilterLoads setUp;
        using (var before = Workspace.Open(Path.Combine(server.Root, name)))
        {
            var messages = Enumerable.Range(0, StoredMessages).Select(i => new CollectedMessage
            {
                MessageId = "m-" + i,
                CaseId = "c-" + (i % 300),
                Activity = "Viewed",
                Timestamp = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero).AddSeconds(i),
            }).ToList();
            await before.CollectAsync(new CollectedBatch("collector:test", "segment", messages, []), new CollectLimits(), Token);
            setUp = before.MessageFilterLoads;
        }

        using var keyResponse = await client.PostAsJsonAsync($"/api/v1/workspaces/{name}/keys", new { kind = "ingest", name = "test" }, Token);
        keyResponse.EnsureSuccessStatusCode();
        var key = JsonDocument.Parse(await keyResponse.Content.ReadAsStringAsync(Token)).RootElement.GetProperty("key").GetString()!;
        return (name, key, setUp);
    }

    /// <summary>A Segment batch of one track per message id, each id with its own customer, at one time.</summary>
    private static string Body(IEnumerable<string> ids) =>
        JsonSerializer.Serialize(new
        {
            batch = ids.Select(id => new
            {
                type = "track",
                @event = "Viewed",
                userId = "u-" + id,
                messageId = id,
                timestamp = "2026-03-02T09:00:00Z",
            }),
        });
}
