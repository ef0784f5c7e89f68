using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Journeyscope.Server.Tests.Api;

namespace Journeyscope.Server.Tests.Collector;

/// <summary>The Segment-compatible endpoints, called as analytics-node and analytics.js call them.</summary>
public sealed class SegmentEndpointTests(CollectorServer server) : IClassFixture<CollectorServer>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Batch_WithWriteKeyAsBasicUser_StoresEachMessageOnceAcrossRetries()
    {
        // Given a workspace with an ingest key, and analytics-node's batch of two tracks with the key as Basic user
        using var client = server.CreateClient();
        var (workspace, key) = await server.NewWorkspaceAsync(client);
        var body = """
            {"batch":[
              {"type":"track","event":"Product Viewed","anonymousId":"anon-1","messageId":"m-1","timestamp":"2026-03-01T09:00:00.000+01:00",
               "properties":{"sku":"A-1","price":12.5,"qty":2,"gift":false,"tags":["x"]},"context":{"library":{"name":"@segment/analytics-node","version":"2.1.0"}}},
              {"type":"page","name":"Checkout","anonymousId":"anon-1","messageId":"m-2","timestamp":"2026-03-01T09:05:00Z"}
            ],"sentAt":"2026-03-01T09:06:00Z"}
            """;

        // When it is sent, then retried (the SDK did not see the first answer)
        using var first = await Post(client, "/v1/batch", body, key);
        using var retry = await Post(client, "/v1/batch", body, key);

        // Then both are acknowledged, and the workspace holds each event once, typed, with its offset and channel
        (await Problem.JsonAsync(first)).GetProperty("success").GetBoolean().ShouldBeTrue();
        retry.StatusCode.ShouldBe(HttpStatusCode.OK);
        var log = server.Log(workspace);
        CollectorServer.Journeys(log).ShouldBe(["anon-1: Product Viewed, Checkout"]);
        log.GetTimestamp(0).Offset.ShouldBe(TimeSpan.FromHours(1));
        log.EventAttributes.Single(a => a.Name == "price").Type.ShouldBe(Journeyscope.EventLogs.AttributeType.Double);
        log.EventAttributes.Single(a => a.Name == "qty").Type.ShouldBe(Journeyscope.EventLogs.AttributeType.Long);
        log.Channel!.GetValue(0)!.Value.AsString().ShouldBe("server");
    }

    [Fact]
    public async Task Identify_AfterAnonymousBrowsing_StitchesOneJourneyCountedOnceInTheFunnel()
    {
        // Given two visitors who browse anonymously, identify, and buy (one signs in twice: a replayed identify)
        using var client = server.CreateClient();
        var (workspace, key) = await server.NewWorkspaceAsync(client);
        foreach (var v in new[] { 1, 2 })
        {
            (await Post(client, "/v1/page", $$$"""{"name":"Home","anonymousId":"anon-{{{v}}}","messageId":"p-{{{v}}}","timestamp":"2026-03-01T09:0{{{v}}}:00Z","writeKey":"{{{key}}}"}""", null)).EnsureSuccessStatusCode();
            var identify = $$$"""{"userId":"cust-{{{v}}}","anonymousId":"anon-{{{v}}}","messageId":"i-{{{v}}}","timestamp":"2026-03-01T10:0{{{v}}}:00Z","traits":{"plan":"gold"}}""";
            (await Post(client, "/v1/identify", identify, key)).EnsureSuccessStatusCode();
            (await Post(client, "/v1/identify", identify, key)).EnsureSuccessStatusCode();
            (await Post(client, "/v1/track", $$$"""{"event":"Order Completed","userId":"cust-{{{v}}}","messageId":"o-{{{v}}}","timestamp":"2026-03-01T11:0{{{v}}}:00Z"}""", key)).EnsureSuccessStatusCode();
        }

        // When the funnel from anonymous browsing to the order is computed through the API
        using var funnel = await client.PostAsJsonAsync($"/api/v1/workspaces/{workspace}/funnels",
            new { steps = new object[] { new { activities = new[] { "Home" } }, new { activities = new[] { "Order Completed" } } } }, Token);

        // Then each customer is one journey, counted once at each step
        var steps = (await Problem.JsonAsync(funnel)).GetProperty("steps").EnumerateArray().ToList();
        steps.Select(s => s.GetProperty("entered").GetInt64()).ShouldBe([2L, 2L]);
        CollectorServer.Journeys(server.Log(workspace)).ShouldBe(["cust-1: Home, Identify, Order Completed", "cust-2: Home, Identify, Order Completed"]);
    }

    [Fact]
    public async Task Batch_OneUnusableMessage_IsQuarantinedAndTheRestStored()
    {
        using var client = server.CreateClient();
        var (workspace, key) = await server.NewWorkspaceAsync(client);
        var body = """{"batch":[{"type":"track","event":"A","userId":"null","anonymousId":"undefined","messageId":"x1"},{"type":"track","event":"B","userId":"u1","messageId":"x2","timestamp":"not a time"},{"type":"track","event":"C","userId":"u1","messageId":"x3"}]}""";

        using var response = await Post(client, "/v1/batch", body, key);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        CollectorServer.Journeys(server.Log(workspace)).ShouldBe(["u1: C"]);
        var quarantine = await Problem.JsonAsync(await client.GetAsync($"/api/v1/workspaces/{workspace}/quarantine", Token));
        quarantine.GetRawText().ShouldContain("no usable customer id");
        quarantine.GetRawText().ShouldContain("not an ISO 8601 time");
    }

    [Theory]
    [InlineData("not json", "/v1/batch")]
    [InlineData("""{"event":"no batch array"}""", "/v1/batch")]
    [InlineData("""{"event":"A"}""", "/v1/track")]
    [InlineData("[1,2]", "/v1/track")]
    public async Task Post_InvalidPayload_Returns400(string body, string path)
    {
        using var client = server.CreateClient();
        var (_, key) = await server.NewWorkspaceAsync(client);

        using var response = await Post(client, path, body, key);

        await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Batch_OverSegmentsLimit_Returns400AndStoresNothing()
    {
        using var client = server.CreateClient();
        var (workspace, key) = await server.NewWorkspaceAsync(client);
        var messages = Enumerable.Range(0, 30).Select(i => $$$"""{"type":"track","event":"A","userId":"u","messageId":"big-{{{i}}}","properties":{"pad":"{{{new string('x', 20_000)}}}"}}""");

        using var response = await Post(client, "/v1/batch", "{\"batch\":[" + string.Join(",", messages) + "]}", key);

        (await Problem.ReadAsync(response, HttpStatusCode.BadRequest)).GetProperty("detail").GetString()!.ShouldContain("Segment's limit is 512,000 bytes per batch");
        server.Log(workspace).EventCount.ShouldBe(0);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("jsi_thisisnotakeyofanyworkspaceatall")]
    [InlineData("wrong")]
    public async Task Track_UnknownKey_Returns401(string? key)
    {
        using var client = server.CreateClient();

        using var response = await Post(client, "/v1/track", """{"event":"A","userId":"u1"}""", key);

        await Problem.ReadAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Track_KeyOfWorkspaceA_WritesOnlyToA()
    {
        using var client = server.CreateClient();
        var (a, keyA) = await server.NewWorkspaceAsync(client);
        var (b, _) = await server.NewWorkspaceAsync(client);

        (await Post(client, "/v1/track", """{"event":"A","userId":"u1","messageId":"only-a"}""", keyA)).EnsureSuccessStatusCode();

        server.Log(a).EventCount.ShouldBe(1);
        server.Log(b).EventCount.ShouldBe(0);
    }

    [Fact]
    public async Task Batch_FromAPageOfAnotherSite_IsAcceptedWithCorsWhileTheApiStaysGuarded()
    {
        // Given a shop's web page on another origin, embedding the ingest key
        using var client = server.CreateClient();
        var (workspace, key) = await server.NewWorkspaceAsync(client);
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/v1/batch");
        preflight.Headers.Add("Origin", "https://shop.example.com");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type,authorization");

        // When the browser preflights and posts, and the same page tries the API
        using var preflighted = await client.SendAsync(preflight, Token);
        using var post = new HttpRequestMessage(HttpMethod.Post, "/v1/batch") { Content = Json("""{"batch":[{"type":"track","event":"A","anonymousId":"a1","messageId":"cors-1"}]}""") };
        post.Headers.Add("Origin", "https://shop.example.com");
        post.Headers.Authorization = Basic(key);
        using var posted = await client.SendAsync(post, Token);
        using var api = new HttpRequestMessage(HttpMethod.Post, "/api/v1/workspaces") { Content = JsonContent.Create(new { name = "evil" }) };
        api.Headers.Add("Origin", "https://shop.example.com");
        using var refused = await client.SendAsync(api, Token);

        // Then the collector answers with open CORS and stores the event, and the API refuses the cross-site post
        preflighted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        preflighted.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe(["*"]);
        preflighted.Headers.GetValues("Access-Control-Allow-Headers").Single().ShouldContain("authorization");
        posted.StatusCode.ShouldBe(HttpStatusCode.OK);
        posted.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe(["*"]);
        server.Log(workspace).EventCount.ShouldBe(1);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Track_StorageUnavailable_Returns503SoTheSdkRetries()
    {
        // Given a workspace whose store is gone (closed under the server)
        using var client = server.CreateClient();
        var (workspace, key) = await server.NewWorkspaceAsync(client);
        server.Store(workspace).Dispose();

        // When an event is sent
        using var response = await Post(client, "/v1/track", """{"event":"A","userId":"u1","messageId":"lost?"}""", key);

        // Then it is not acknowledged: 503 with Retry-After
        await Problem.ReadAsync(response, HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter.ShouldNotBeNull();
    }

    internal static Task<HttpResponseMessage> Post(HttpClient client, string path, string body, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Json(body) };
        if (key is not null)
        {
            request.Headers.Authorization = Basic(key);
        }

        return client.SendAsync(request, Token);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static AuthenticationHeaderValue Basic(string key) => new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(key + ":")));
}
