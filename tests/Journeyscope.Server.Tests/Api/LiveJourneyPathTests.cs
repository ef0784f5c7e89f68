using System.Net;
using System.Text;
using System.Text.Json;
using Journeyscope.Server.Services;
using Journeyscope.Server.Tests.Collector;
using Journeyscope.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Journeyscope.Server.Tests.Api;

/// <summary>
/// A followed workspace's journey analyses (conformance, KPIs, the KPI tree, performance in the journey's order, bottlenecks)
/// come from partials: after a collector batch only the changed partitions are merged again, the answers follow the change,
/// equal those of a whole read of the store, and an edited journey gets caches of its own.
/// </summary>
public sealed class LiveJourneyPathTests(CollectorServer server) : IClassFixture<CollectorServer>
{
    private const string Flow = "flow:\n  sequence: [order, deliver, { optional: survey }]\n";

    private static readonly string Journey = ShopJourney.Header + "\n" + ShopJourney.Touchpoints + "\n" + ShopJourney.SurveyTouchpoint + "\n"
        + ShopJourney.NpsAndDeliveryTime + "\n" + Flow;

    private static readonly string[] Paths =
    [
        "journeys/shop/conformance", "journeys/shop/conformance?top=2", "journeys/shop/kpis", "journeys/shop/kpis?period=day",
        "journeys/shop/kpis?by=channel", "journeys/shop/kpis/tree", "performance?journey=shop", "performance?journey=shop&granularity=day",
        "bottlenecks", "bottlenecks?top=1",
    ];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CollectorBatch_JourneyAnalysesFromPartials_MergeOnlyTheChangedPartitionAndEqualTheStorePath()
    {
        // Given the shop's orders (every fourth late) and journey in a followed workspace, each journey analysis asked once
        using var client = server.CreateClient();
        var (ws, key) = await FollowedShopAsync(client, i => i % 4 != 0);
        var before = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var path in Paths)
        {
            before[path] = await GetAsync(client, ws, path);
        }

        var live = server.Factory.Services.GetRequiredService<LiveLogCache>();
        var logs = server.Factory.Services.GetRequiredService<EventLogCache>();

        // (asked again at the same version, every answer is the one finished before: nothing merged or finished again)
        var finishes = live.PartialFinishes;
        foreach (var path in Paths)
        {
            (await GetAsync(client, ws, path)).GetRawText().ShouldBe(before[path].GetRawText());
        }

        (live.PartialFinishes - finishes).ShouldBe(0);
        var (merges, answers, reads, assemblies) = (live.PartialPartitionMerges, live.PartialAnswers, logs.StoreReads, logs.Assemblies);

        // When the collector brings a new order, delivered 6 days later (late) and answered with a detractor's score
        var placed = new DateTimeOffset(2024, 5, 1, 9, 0, 0, TimeSpan.Zero);
        await SendAsync(client, key, "o-live", [("Order", placed, null), ("Deliver", placed.AddDays(6), null), ("NPS survey", placed.AddDays(7), 2)]);
        var after = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var path in Paths)
        {
            after[path] = await GetAsync(client, ws, path);
        }

        // Then every answer came from partials: six caches (conformance with two pattern counts, KPIs and the tree, KPIs by
        // channel, performance in the journey's order, bottlenecks) each merged only the new case's partition again, nothing
        // read or assembled
        (live.PartialAnswers - answers).ShouldBe(Paths.Length);
        (live.PartialFinishes - finishes).ShouldBe(Paths.Length);
        live.PartialCaches(ws).ShouldBe(6);
        (live.PartialPartitionMerges - merges).ShouldBe(6);
        (logs.StoreReads - reads, logs.Assemblies - assemblies).ShouldBe((0L, 0L));

        // And the answers follow the change: one more case, checked and measured (a cache not invalidated would give the old ones)
        Cases(after["journeys/shop/conformance"]).ShouldBe(Cases(before["journeys/shop/conformance"]) + 1);
        Cases(after["journeys/shop/kpis"]).ShouldBe(Cases(before["journeys/shop/kpis"]) + 1);
        Kpi(after["journeys/shop/kpis"], "nps").ShouldBeLessThan(Kpi(before["journeys/shop/kpis"], "nps"));
        Kpi(after["journeys/shop/kpis"], "delivery-time").ShouldBeGreaterThan(Kpi(before["journeys/shop/kpis"], "delivery-time"));
        after["bottlenecks"].GetProperty("version").GetInt64().ShouldBeGreaterThan(before["bottlenecks"].GetProperty("version").GetInt64());

        // And they equal the store path's, byte for byte
        var (livePath, storePath) = await LivePathComparison.RunAsync(server.Factory, client, ws,
            [.. Paths.Select(p => new LivePathRequest(p, null, true))], Token);
        LivePathComparison.Differences(livePath, storePath).ShouldBeEmpty();
    }

    [Fact]
    public async Task EditedJourneyOrUnknownAttribute_FollowedWorkspace_NewCacheOrTheStorePathsError()
    {
        // Given the shop in a followed workspace, its KPIs asked once
        using var client = server.CreateClient();
        var (ws, _) = await FollowedShopAsync(client, i => i % 2 == 0);
        var first = await GetAsync(client, ws, "journeys/shop/kpis");
        var live = server.Factory.Services.GetRequiredService<LiveLogCache>();
        live.PartialCaches(ws).ShouldBe(1);

        // When the journey's NPS target is edited, and the KPIs asked again
        await PutJourneyAsync(client, ws, Journey.Replace("\">= 40\"", "\">= -50\"", StringComparison.Ordinal));
        var edited = await GetAsync(client, ws, "journeys/shop/kpis");

        // Then the edited journey has a cache of its own and its answer the new target and status
        live.PartialCaches(ws).ShouldBe(2);
        Target(first, "nps").ShouldNotBe(Target(edited, "nps"));
        Status(edited, "nps").ShouldBe("met");
        Status(first, "nps").ShouldNotBe("met");

        // And segments by an attribute the log lacks are refused as on the store path (400 naming the attribute), not cached
        using var unknown = await client.GetAsync($"/api/v1/workspaces/{ws}/journeys/shop/kpis?by=colour", Token);
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknown.Content.ReadAsStringAsync(Token)).ShouldContain("by='colour'");
        live.PartialCaches(ws).ShouldBe(2);
    }

    [Fact]
    public async Task AttributesTypedDifferentlyByBatch_KpiSegmentsFromPartials_EqualTheStorePath()
    {
        // Given the shop's orders in a followed workspace, then customers whose traits and properties come as numbers in
        // one batch and as text in another (the case attribute 'tier', the event attribute 'device'), some without either
        using var client = server.CreateClient();
        var (ws, key) = await FollowedShopAsync(client, i => i % 3 != 0);
        var placed = new DateTimeOffset(2024, 5, 1, 9, 0, 0, TimeSpan.Zero);
        object[] tiers = [1, "gold", 2.5, "1", true];
        for (var i = 0; i < tiers.Length; i++)
        {
            var user = $"typed-{i}";
            var batch = new object[]
            {
                new { type = "identify", messageId = $"{user}-id-{Guid.NewGuid():N}", userId = user, traits = new Dictionary<string, object> { ["tier"] = tiers[i] }, timestamp = placed },
                new { type = "track", messageId = $"{user}-o-{Guid.NewGuid():N}", userId = user, @event = "Order", timestamp = placed.AddHours(i), properties = new Dictionary<string, object> { ["device"] = tiers[(i + 1) % tiers.Length] } },
                new { type = "track", messageId = $"{user}-d-{Guid.NewGuid():N}", userId = user, @event = "Deliver", timestamp = placed.AddDays(1 + i), properties = new Dictionary<string, object>() },
            };
            using var response = await SegmentEndpointTests.Post(client, "/v1/batch", JsonSerializer.Serialize(new { batch }), key);
            response.EnsureSuccessStatusCode();
        }

        // When the KPIs by each attribute, and the journey's other answers, are asked on both paths
        string[] paths = ["journeys/shop/kpis?by=tier", "journeys/shop/kpis?by=device", "journeys/shop/kpis?by=channel", "journeys/shop/conformance", "performance?journey=shop"];
        var answered = new List<LivePathRequest>();
        foreach (var path in paths)
        {
            answered.Add(new LivePathRequest(path, null, true));
        }

        var (livePath, storePath) = await LivePathComparison.RunAsync(server.Factory, client, ws, answered, Token);

        // Then they are equal, byte for byte (a partial labelling a segment by its own column type would differ)
        LivePathComparison.Differences(livePath, storePath).ShouldBeEmpty();
        livePath["journeys/shop/kpis?by=tier"].ShouldContain("gold");
    }

    private static long Cases(JsonElement answer) => answer.GetProperty("cases").GetInt64();

    private static JsonElement KpiOf(JsonElement kpis, string id) =>
        kpis.GetProperty("kpis").EnumerateArray().Single(k => k.GetProperty("id").GetString() == id);

    private static double Kpi(JsonElement kpis, string id) => KpiOf(kpis, id).GetProperty("value").GetDouble();

    private static string? Target(JsonElement kpis, string id) => KpiOf(kpis, id).GetProperty("target").ToString();

    private static string? Status(JsonElement kpis, string id) => KpiOf(kpis, id).GetProperty("status").GetString();

    /// <summary>
    /// A new workspace with an ingest key, the shop's orders (<paramref name="onTime"/> selects those delivered in a day)
    /// and the shop journey, followed by the live log.
    /// </summary>
    private async Task<(string Workspace, string Key)> FollowedShopAsync(HttpClient client, Func<int, bool> onTime)
    {
        var (ws, key) = await server.NewWorkspaceAsync(client);
        using (var imported = await client.PostAsync($"/api/v1/workspaces/{ws}/imports",
            ServerFixture.Upload(Encoding.UTF8.GetBytes(ShopJourney.OrdersCsv(TimeSpan.FromDays(1), onTime)), "orders.csv"), Token))
        {
            imported.EnsureSuccessStatusCode();
        }

        await PutJourneyAsync(client, ws, Journey);
        (await GetAsync(client, ws, "live")).GetProperty("partitions").GetInt32().ShouldBeGreaterThan(1);
        return (ws, key);
    }

    private static async Task PutJourneyAsync(HttpClient client, string ws, string yaml)
    {
        using var body = new StringContent(yaml, Encoding.UTF8, "application/yaml");
        using var response = await client.PutAsync($"/api/v1/workspaces/{ws}/journeys/shop", body, Token);
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync(Token));
    }

    private static async Task SendAsync(HttpClient client, string key, string user, (string Activity, DateTimeOffset At, int? Score)[] events)
    {
        var batch = events.Select(e => new
        {
            type = "track",
            messageId = $"{user}-{e.Activity}-{Guid.NewGuid():N}",
            userId = user,
            @event = e.Activity,
            timestamp = e.At,
            properties = e.Score is { } score ? new { score } : null,
        });
        using var response = await SegmentEndpointTests.Post(client, "/v1/batch", JsonSerializer.Serialize(new { batch }), key);
        response.EnsureSuccessStatusCode();
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string ws, string path)
    {
        using var response = await client.GetAsync($"/api/v1/workspaces/{ws}/{path}", Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        response.IsSuccessStatusCode.ShouldBeTrue($"{path}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
