using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Journeyscope.Server.Tests.Api;

namespace Journeyscope.Server.Tests.Collector;

/// <summary>The PostHog-compatible endpoints, with the bodies posthog-node and posthog-js send.</summary>
public sealed class PostHogEndpointTests(CollectorServer server) : IClassFixture<CollectorServer>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Batch_GzipAsPostHogNodeSendsIt_StoresTheEventsAndStitchesIdentify()
    {
        // Given posthog-node's gzip batch: an anonymous pageview, $identify with $anon_distinct_id and $set, and an order
        using var client = server.CreateClient();
        var (workspace, key) = await server.NewWorkspaceAsync(client);
        var json = $$$"""
            {"api_key":"{{{key}}}","batch":[
              {"event":"$pageview","distinct_id":"0190-anon","uuid":"u-1","timestamp":"2026-03-01T09:00:00.000Z","properties":{"$lib":"posthog-node","$current_url":"/home"}},
              {"event":"$identify","distinct_id":"cust-9","uuid":"u-2","timestamp":"2026-03-01T09:10:00.000Z","properties":{"$anon_distinct_id":"0190-anon","$set":{"plan":"pro"},"$lib":"posthog-node"}},
              {"event":"order placed","distinct_id":"cust-9","uuid":"u-3","timestamp":"2026-03-01T11:20:00.000+02:00","properties":{"total":99.5,"$objects":[{"type":"order","id":"o-7","qualifier":"placed"}]}}
            ],"sent_at":"2026-03-01T09:21:00Z"}
            """;
        using var content = new ByteArrayContent(CollectorServer.Gzip(json));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.ContentEncoding.Add("gzip");

        // When it is posted to /batch/ (and again: a retry)
        using var response = await client.PostAsync("/batch/", content, Token);
        using var again = await client.PostAsync("/batch", new ByteArrayContent(CollectorServer.Gzip(json)), Token);

        // Then PostHog's answer, one stitched journey with the customer's traits, channel and the order object
        (await Problem.JsonAsync(response)).GetProperty("status").GetInt32().ShouldBe(1);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        var log = server.Log(workspace);
        CollectorServer.Journeys(log).ShouldBe(["cust-9: $pageview, $identify, order placed"]);
        log.CaseAttributes.Single(a => a.Name == "plan").GetValue(0)!.Value.AsString().ShouldBe("pro");
        log.Channel!.GetValue(0)!.Value.AsString().ShouldBe("server");
        var objects = server.Store(workspace).LoadObjects()!;
        objects.Objects.ShouldHaveSingleItem().Id.ShouldBe("o-7");
        objects.EventObjects.ShouldHaveSingleItem().ShouldBe(new Journeyscope.EventLogs.OcelEventObject("u-3", "o-7", "placed"));
    }

    [Fact]
    public async Task E_Base64FormOfGzipAsPostHogJsSendsIt_IsStored()
    {
        // Given posthog-js's /e/ body: an array of events with the token in properties, gzip, base64, as data=...
        using var client = server.CreateClient();
        var (workspace, key) = await server.NewWorkspaceAsync(client);
        var json = $$$"""[{"event":"$pageview","properties":{"token":"{{{key}}}","distinct_id":"anon-js","$lib":"web","$os":"Mac OS X"},"uuid":"js-1","timestamp":"2026-03-01T09:00:00.000Z"}]""";
        var form = "data=" + Uri.EscapeDataString(Convert.ToBase64String(CollectorServer.Gzip(json)));

        // When it is posted
        using var response = await client.PostAsync("/e/?compression=gzip-js&ver=1.200.0",
            new StringContent(form, Encoding.ASCII, "application/x-www-form-urlencoded"), Token);

        // Then the event is stored, from the web channel
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Token));
        var log = server.Log(workspace);
        CollectorServer.Journeys(log).ShouldBe(["anon-js: $pageview"]);
        log.Channel!.GetValue(0)!.Value.AsString().ShouldBe("web");
    }

    [Fact]
    public async Task Capture_PlainBase64Body_IsStored()
    {
        using var client = server.CreateClient();
        var (workspace, key) = await server.NewWorkspaceAsync(client);
        var json = $$$"""{"api_key":"{{{key}}}","event":"signed up","distinct_id":"u-5","properties":{"$lib":"posthog-ios"}}""";

        using var response = await client.PostAsync("/i/v0/e", new StringContent(Convert.ToBase64String(Encoding.UTF8.GetBytes(json))), Token);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var log = server.Log(workspace);
        CollectorServer.Journeys(log).ShouldBe(["u-5: signed up"]);
        log.Channel!.GetValue(0)!.Value.AsString().ShouldBe("ios");
    }

    [Fact]
    public async Task Batch_DecodedOverTheLimit_Returns413SoPostHogNodeHalvesIt()
    {
        // Given a gzip body small on the wire but over the limit once decoded
        using var client = server.CreateClient();
        var (workspace, key) = await server.NewWorkspaceAsync(client);
        var events = Enumerable.Range(0, 300).Select(i => $$$"""{"event":"e","distinct_id":"u","uuid":"big-{{{i}}}","properties":{"pad":"{{{new string('x', 10_000)}}}"}}""");
        var json = $$$"""{"api_key":"{{{key}}}","batch":[{{{string.Join(",", events)}}}]}""";

        using var response = await client.PostAsync("/batch/", new ByteArrayContent(CollectorServer.Gzip(json)), Token);

        await Problem.ReadAsync(response, HttpStatusCode.RequestEntityTooLarge);
        server.Log(workspace).EventCount.ShouldBe(0);
    }

    [Fact]
    public async Task Capture_LzStringCompression_Returns415()
    {
        using var client = server.CreateClient();
        var (_, key) = await server.NewWorkspaceAsync(client);

        using var response = await client.PostAsync("/e/?compression=lz64", new StringContent("data=" + key), Token);

        await Problem.ReadAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task CreateAlias_BetweenTwoKnownCustomers_IsRefusedAndBothStayApart()
    {
        // Given two identified customers, and an alias from one to the other
        using var client = server.CreateClient();
        var (workspace, key) = await server.NewWorkspaceAsync(client);
        var json = $$$"""
            {"api_key":"{{{key}}}","batch":[
              {"event":"$identify","distinct_id":"A","uuid":"a-1","timestamp":"2026-03-01T09:00:00Z","properties":{"$anon_distinct_id":"anon-a"}},
              {"event":"$identify","distinct_id":"B","uuid":"b-1","timestamp":"2026-03-01T09:01:00Z","properties":{"$anon_distinct_id":"anon-b"}},
              {"event":"$create_alias","distinct_id":"B","uuid":"b-2","timestamp":"2026-03-01T09:02:00Z","properties":{"alias":"A"}}
            ]}
            """;

        using var response = await client.PostAsync("/batch", new StringContent(json, Encoding.UTF8, "application/json"), Token);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        CollectorServer.Journeys(server.Log(workspace)).ShouldBe(["A: $identify", "B: $identify, $create_alias"]);
        var refused = server.Store(workspace).GetIdentityGraph().Refused.ShouldHaveSingleItem();
        refused.Reason.ShouldBe(Journeyscope.Identity.MergeRefusal.BothKnown);
    }

    [Fact]
    public async Task Batch_EventNamingAnotherWorkspacesKey_IsQuarantinedNotStored()
    {
        // Given two workspaces with ingest keys, and a batch under A's key whose second event names B's key
        using var client = server.CreateClient();
        var (a, keyA) = await server.NewWorkspaceAsync(client);
        var (b, keyB) = await server.NewWorkspaceAsync(client);
        var json = $$$"""
            {"api_key":"{{{keyA}}}","batch":[
              {"event":"$pageview","distinct_id":"ann","uuid":"f-1","timestamp":"2026-03-01T09:00:00Z","api_key":"{{{keyA}}}"},
              {"event":"order placed","distinct_id":"bob","uuid":"f-2","timestamp":"2026-03-01T09:05:00Z","properties":{"token":"{{{keyB}}}"}}
            ]}
            """;

        // When it is posted
        using var response = await client.PostAsync("/batch", new StringContent(json, Encoding.UTF8, "application/json"), Token);

        // Then A stores its own event only, the other is quarantined with the reason, and B got nothing
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        CollectorServer.Journeys(server.Log(a)).ShouldBe(["ann: $pageview"]);
        server.Store(a).GetQuarantine().ShouldContain(q => q.Reason.Contains("another key", StringComparison.Ordinal));
        server.Store(b).GetInfo().EventCount.ShouldBe(0);
    }
}
