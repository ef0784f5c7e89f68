using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Journeyscope.Server.Notifications;
using Journeyscope.TestSupport;

namespace Journeyscope.Server.Tests.Notifications;

/// <summary>Webhook targets through the API and deliveries to a receiver on 127.0.0.1: signed, retried, deduplicated, logged.</summary>
public sealed class WebhookDeliveryTests(WebhookServer server) : IClassFixture<WebhookServer>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task AddWebhook_ThenList_ShowsTheSecretOnceAndNeverAgain()
    {
        // Given a workspace with a target added through the API
        using var client = server.CreateClient();
        var (workspace, id, secret) = await server.NewWorkspaceAsync(client, "https://hooks.example.com/in");

        // When the targets are listed
        var list = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/workspaces/{workspace}/webhooks", Token)).RootElement;

        // Then the generated secret was shown on creation only
        secret.ShouldStartWith("whsec_");
        list.GetArrayLength().ShouldBe(1);
        list[0].GetProperty("id").GetString().ShouldBe(id);
        list[0].GetProperty("url").GetString().ShouldBe("https://hooks.example.com/in");
        list[0].GetProperty("secret").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Theory]
    [InlineData("ftp://example.com/x")]
    [InlineData("not a url")]
    [InlineData("/relative")]
    public async Task AddWebhook_NotAnHttpUrl_Is400(string url)
    {
        using var client = server.CreateClient();
        var (workspace, _, _) = await server.NewWorkspaceAsync(client, "http://127.0.0.1:9/unused");
        using var response = await client.PostAsJsonAsync($"/api/v1/workspaces/{workspace}/webhooks", new { url }, Token);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Enqueue_ReceiverUp_DeliversASignedBodyOnceAndLogsIt()
    {
        // Given a receiver on 127.0.0.1 configured as the workspace's target
        using var receiver = new WebhookReceiver();
        using var client = server.CreateClient();
        var (workspace, _, secret) = await server.NewWorkspaceAsync(client, receiver.Url);

        // When an event is enqueued twice with the same dedup key
        var first = await server.Outbox.EnqueueAsync(workspace, "rule.fired", new { customer = "c-17", reason = "cart abandoned" }, "cart:c-17:1", Token);
        var second = await server.Outbox.EnqueueAsync(workspace, "rule.fired", new { customer = "c-17", reason = "cart abandoned" }, "cart:c-17:1", Token);
        (await receiver.WaitForAsync(1, Wait, Token)).ShouldBeTrue();
        await Task.Delay(500, Token);

        // Then it arrives once, signed over timestamp and body, with the delivery id in header and body
        first.ShouldBe(1);
        second.ShouldBe(0);
        receiver.Received.Count.ShouldBe(1);
        var got = receiver.Received[0];
        WebhookSignature.Verify(secret, got.Header(WebhookSignature.TimestampHeader), got.Header(WebhookSignature.SignatureHeader), got.Body, DateTimeOffset.UtcNow)
            .ShouldBeTrue();
        WebhookSignature.Verify("whsec_someone-else-entirely", got.Header(WebhookSignature.TimestampHeader), got.Header(WebhookSignature.SignatureHeader), got.Body, DateTimeOffset.UtcNow)
            .ShouldBeFalse();
        var body = JsonDocument.Parse(got.Text).RootElement;
        body.GetProperty("id").GetString().ShouldBe(got.Header(WebhookSignature.DeliveryHeader));
        body.GetProperty("type").GetString().ShouldBe("rule.fired");
        body.GetProperty("workspace").GetString().ShouldBe(workspace);
        body.GetProperty("data").GetProperty("customer").GetString().ShouldBe("c-17");
        got.Header(WebhookSignature.EventHeader).ShouldBe("rule.fired");

        var log = await DeliveriesAsync(client, workspace, d => d.GetProperty("status").GetString() == "delivered");
        log.GetArrayLength().ShouldBe(1);
        log[0].GetProperty("attempts").GetInt32().ShouldBe(1);
        log[0].GetProperty("lastStatusCode").GetInt32().ShouldBe(200);
    }

    [Fact]
    public async Task Enqueue_ReceiverFailsTwiceWith500_RetriesWithBackoffAndTheSameDeliveryId()
    {
        // Given a receiver that answers 500, 503, then 200
        using var receiver = new WebhookReceiver { Answer = n => n switch { 1 => 500, 2 => 503, _ => 200 } };
        using var client = server.CreateClient();
        var (workspace, _, _) = await server.NewWorkspaceAsync(client, receiver.Url);

        // When one event is enqueued
        await server.Outbox.EnqueueAsync(workspace, "alert.raised", new { kpi = "csat" }, "alert:1", Token);
        (await receiver.WaitForAsync(3, Wait, Token)).ShouldBeTrue();

        // Then it is retried until accepted, each attempt with the same id and body, waiting longer each time
        var got = receiver.Received;
        got.Select(r => r.Header(WebhookSignature.DeliveryHeader)).Distinct().Count().ShouldBe(1);
        got.Select(r => r.Text).Distinct().Count().ShouldBe(1);
        // (each gap at least its back-off, 200 ms then 400 ms; a loaded machine can only make a gap longer, so the
        // gaps are compared with the back-off and not with each other)
        (got[1].At - got[0].At).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(190));
        (got[2].At - got[1].At).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(390));
        var log = await DeliveriesAsync(client, workspace, d => d.GetProperty("status").GetString() == "delivered");
        log[0].GetProperty("attempts").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task Enqueue_ReceiverRefusesWith400_FailsAtOnceWithTheReason()
    {
        using var receiver = new WebhookReceiver { Answer = _ => 400 };
        using var client = server.CreateClient();
        var (workspace, _, _) = await server.NewWorkspaceAsync(client, receiver.Url);

        await server.Outbox.EnqueueAsync(workspace, "alert.raised", new { kpi = "nps" }, "alert:2", Token);
        var log = await DeliveriesAsync(client, workspace, d => d.GetProperty("status").GetString() == "failed");

        log[0].GetProperty("attempts").GetInt32().ShouldBe(1);
        log[0].GetProperty("lastStatusCode").GetInt32().ShouldBe(400);
        log[0].GetProperty("lastError").GetString()!.ShouldContain("400");
        receiver.Received.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Enqueue_ReceiverDown_GivesUpAfterMaxAttempts()
    {
        // Given a target on a loopback port nobody listens on
        using var client = server.CreateClient();
        var (workspace, _, _) = await server.NewWorkspaceAsync(client, "http://127.0.0.1:9/hook");

        await server.Outbox.EnqueueAsync(workspace, "alert.raised", new { kpi = "ces" }, "alert:3", Token);
        var log = await DeliveriesAsync(client, workspace, d => d.GetProperty("status").GetString() == "failed");

        log[0].GetProperty("attempts").GetInt32().ShouldBe(4);
        log[0].GetProperty("lastError").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Enqueue_TargetFiltersEventTypes_OnlyItsTypesAreEnqueued()
    {
        using var receiver = new WebhookReceiver();
        using var client = server.CreateClient();
        var (workspace, _, _) = await server.NewWorkspaceAsync(client, receiver.Url, ["rule.fired"]);

        var other = await server.Outbox.EnqueueAsync(workspace, "alert.raised", new { kpi = "csat" }, "a", Token);
        var mine = await server.Outbox.EnqueueAsync(workspace, "rule.fired", new { rule = "x" }, "b", Token);

        other.ShouldBe(0);
        mine.ShouldBe(1);
    }

    [Fact]
    public async Task TestEndpoint_Delivers_AndRemoveStopsDeliveries()
    {
        using var receiver = new WebhookReceiver();
        using var client = server.CreateClient();
        var (workspace, id, _) = await server.NewWorkspaceAsync(client, receiver.Url);

        using var test = await client.PostAsync($"/api/v1/workspaces/{workspace}/webhooks/{id}/test", null, Token);
        test.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await receiver.WaitForAsync(1, Wait, Token)).ShouldBeTrue();
        using var removed = await client.DeleteAsync($"/api/v1/workspaces/{workspace}/webhooks/{id}", Token);
        removed.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var after = await server.Outbox.EnqueueAsync(workspace, "rule.fired", new { rule = "x" }, "c", Token);

        JsonDocument.Parse(receiver.Received[0].Text).RootElement.GetProperty("type").GetString().ShouldBe("webhook.test");
        after.ShouldBe(0);
        using var missing = await client.DeleteAsync($"/api/v1/workspaces/{workspace}/webhooks/{id}", Token);
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static async Task<JsonElement> DeliveriesAsync(HttpClient client, string workspace, Func<JsonElement, bool> until)
    {
        var deadline = DateTimeOffset.UtcNow + Wait;
        while (true)
        {
            var log = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/workspaces/{workspace}/webhooks/deliveries", Token)).RootElement;
            if ((log.GetArrayLength() > 0 && until(log[0])) || DateTimeOffset.UtcNow > deadline)
            {
                return log;
            }

            await Task.Delay(100, Token);
        }
    }
}
