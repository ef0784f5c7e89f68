using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Journeyscope.Server.Tests.Api;
using Journeyscope.Storage;
using Journeyscope.Storage.Collector;

namespace Journeyscope.Server.Tests.Collector;

/// <summary>
/// The server loads a workspace's dedup filters in the background only where collector batches are expected: when it opens
/// a workspace that has an ingest key, or when a key is created through the API. The first batch after the load does not
/// pay it, a batch racing the load is still deduplicated, and a workspace without a key is not scanned at open (its first
/// batch loads the filter, and dedups as before).
/// </summary>
public sealed class DedupPreloadTests(CollectorServer server) : IClassFixture<CollectorServer>
{
    private const int StoredMessages = 3_000;

    /// <summary>
    /// Load counts of a database file this process never opened: every workspace of these tests is made outside the server's
    /// root (counts are kept per path) and moved in.
    /// </summary>
    private static readonly DedupFilterLoads NeverLoaded = new(0, 0, 0, false);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Batch_AfterTheOpenLoadedTheFilters_PaysNoLoadAndRefusesStoredIds()
    {
        // Given a workspace holding 3,000 collected messages, opened by the server (creating a key) after a restart
        using var client = server.CreateClient();
        var (workspace, key) = await StoredWorkspaceAsync(client);
        var store = server.Store(workspace);
        await store.PreloadDedupFilters(includeEventIds: false).WaitAsync(TimeSpan.FromSeconds(60), Token);
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
    public async Task Batches_RacingTheLoadAtKeyCreation_StoreEachMessageOnce(int seed)
    {
        // Given a stored workspace the server opens and creates a key for (its filters start loading), and batches sent
        // after a random delay of 0-20 ms, concurrently, each mixing stored ids, new ids and ids of the other batches
        var random = new Random(seed);
        using var client = server.CreateClient();
        var (workspace, key) = await StoredWorkspaceAsync(client);
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
        loads.OnDemand.ShouldBe(0);
        loads.InBackground.ShouldBe(1);
        TestContext.Current.TestOutputHelper?.WriteLine($"seed {seed}: batches that waited for the load: {loads.Waited}");
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Open_WorkspaceWithoutIngestKey_StartsNoBackgroundLoad()
    {
        // Given a workspace holding 3,000 events (appended just before) and no ingest key
        using var client = server.CreateClient();
        var (workspace, _) = await StoredFolderAsync(withKey: false);

        // When the server opens it (a page asks for its summary)
        await OpenAsync(client, workspace);

        // Then neither filter was loaded or is being loaded: nothing scanned, nothing held
        var store = server.Store(workspace);
        store.EventIdFilterLoads.ShouldBe(NeverLoaded);
        store.MessageFilterLoads.ShouldBe(NeverLoaded);
    }

    [Fact]
    public async Task Open_WorkspaceWithAnIngestKey_LoadsTheMessageFilterInTheBackgroundAndNotTheEventIds()
    {
        // Given a workspace holding 3,000 collected messages, with an ingest key made by `journeyscope keys create`
        using var client = server.CreateClient();
        var (workspace, key) = await StoredFolderAsync(withKey: true);

        // When the server opens it, and after the load the first batch repeats a stored id beside a new one
        await OpenAsync(client, workspace);
        var store = server.Store(workspace);
        var opened = (store.EventIdFilterLoads.InBackground, store.MessageFilterLoads.InBackground);
        await store.PreloadDedupFilters(includeEventIds: false).WaitAsync(TimeSpan.FromSeconds(60), Token);
        using var response = await SegmentEndpointTests.Post(client, "/v1/batch", Body(["m-7", "n-1"]), key!);

        // Then the message-id load started in the background when it opened, the batch loaded nothing itself, and only the
        // new id was stored; the event-id filter, which only file imports use, was neither loaded nor held
        opened.ShouldBe((0L, 1L));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        store.EventIdFilterLoads.ShouldBe(NeverLoaded);
        store.MessageFilterLoads.ShouldBe(NeverLoaded with { InBackground = 1, IsLoaded = true });
        server.Log(workspace).EventCount.ShouldBe(StoredMessages + 1);
    }

    [Fact]
    public async Task FirstBatch_AfterTheCliCreatedAKeyForAnOpenWorkspace_LoadsTheFilterOnDemandAndStoresEachMessageOnce()
    {
        // Given a workspace holding 3,000 collected messages and no key, open in the server, then given a key by the CLI
        using var client = server.CreateClient();
        var (workspace, _) = await StoredFolderAsync(withKey: false);
        await OpenAsync(client, workspace);
        var key = CreateKeyWithCli(Path.Combine(server.Root, workspace));

        // When the first batch (a stored id, a new id twice) is sent, and sent again
        using var first = await SegmentEndpointTests.Post(client, "/v1/batch", Body(["m-2999", "n-1", "n-1"]), key);
        using var again = await SegmentEndpointTests.Post(client, "/v1/batch", Body(["m-2999", "n-1", "n-1"]), key);

        // Then both are acknowledged, the new message is stored once, and the first batch loaded the filter itself
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        server.Log(workspace).EventCount.ShouldBe(StoredMessages + 1);
        server.Store(workspace).MessageFilterLoads.ShouldBe(NeverLoaded with { OnDemand = 1, IsLoaded = true });
    }

    /// <summary>
    /// A workspace holding <see cref="StoredMessages"/> collected messages written before the server opened it (as a
    /// previous run of the server would have), then opened by the server through the API that creates its ingest key.
    /// </summary>
    private async Task<(string Workspace, string Key)> StoredWorkspaceAsync(HttpClient client)
    {
        var (name, _) = await StoredFolderAsync(withKey: false);
        using var keyResponse = await client.PostAsJsonAsync($"/api/v1/workspaces/{name}/keys", new { kind = "ingest", name = "test" }, Token);
        keyResponse.EnsureSuccessStatusCode();
        var key = JsonDocument.Parse(await keyResponse.Content.ReadAsStringAsync(Token)).RootElement.GetProperty("key").GetString()!;
        return (name, key);
    }

    /// <summary>
    /// A workspace holding <see cref="StoredMessages"/> collected messages (3,000 events), and when <paramref name="withKey"/>
    /// an ingest key made by the CLI (returned), written outside the server's root and then moved into it: the server (whose
    /// scheduler opens every workspace it finds) never sees it half made.
    /// </summary>
    private async Task<(string Workspace, string? Key)> StoredFolderAsync(bool withKey)
    {
        var name = "preload-" + Guid.NewGuid().ToString("N")[..8];
        var staging = Path.Combine(Path.GetTempPath(), "journeyscope-staging-" + Guid.NewGuid().ToString("N"));
        var folder = Path.Combine(staging, name);
        using (var before = Workspace.Open(folder))
        {
            var messages = Enumerable.Range(0, StoredMessages).Select(i => new CollectedMessage
            {
                MessageId = "m-" + i,
                CaseId = "c-" + (i % 300),
                Activity = "Viewed",
                Timestamp = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero).AddSeconds(i),
            }).ToList();
            await before.CollectAsync(new CollectedBatch("collector:test", "segment", messages, []), new CollectLimits(), Token);
        }

        var key = withKey ? CreateKeyWithCli(folder) : null;
        Directory.Move(folder, Path.Combine(server.Root, name));
        Directory.Delete(staging);
        return (name, key);
    }

    /// <summary>Asks the server for the workspace's summary, which opens it.</summary>
    private static async Task OpenAsync(HttpClient client, string workspace)
    {
        using var response = await client.GetAsync($"/api/v1/workspaces/{workspace}", Token);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Creates an ingest key with <c>journeyscope keys create --ingest</c>, as a user beside the server would.</summary>
    private static string CreateKeyWithCli(string folder) =>
        CliRunner.Json("keys", "create", "--workspace", folder, "--ingest", "--name", "web").Trim();

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
