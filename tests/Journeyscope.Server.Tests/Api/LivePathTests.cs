using System.Text.Json;
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
        var existing = server.Log(ws).CaseIds[0];

        // When the collector appends to one of its cases and starts a new one (the live log applies it as a delta)
        await SendAsync(client, key, existing, ["Live follow-up", "Live answer"]);
        await SendAsync(client, key, "newcomer", ["Live follow-up"]);

        // Then every unfiltered answer of the live path equals the store path's, byte for byte
        var (live, store) = await LivePathComparison.RunAsync(server.Factory, client, ws, LivePathComparison.WholeLogPaths, Token);
        LivePathComparison.Differences(live, store).ShouldBeEmpty();
        live["summary"].ShouldContain("Live answer");
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
