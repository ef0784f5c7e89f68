using System.Globalization;
using System.Text.Json;
using Journeyscope.Server.Notifications;
using Journeyscope.Server.Tests.Collector;
using Journeyscope.TestSupport;

namespace Journeyscope.Server.Tests.Notifications;

/// <summary>
/// Live events through the collector: an abandoned-cart rule fires its signed webhook to a receiver on 127.0.0.1 within
/// its window plus 5 s, once per customer; a skipped step shows as a live deviation at once; the dry run counts firings.
/// </summary>
public sealed class LiveRulesTests(CollectorServer server) : IClassFixture<CollectorServer>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly string Journey = RuleSnippets.Shop(RuleSnippets.AbandonedCart("3s"));

    [Fact]
    public async Task AbandonedCart_LiveEvents_FiresOneSignedWebhookPerCustomerWithinTheWindowPlus5s()
    {
        // Given a workspace with the journey, a webhook receiver on 127.0.0.1, and the live monitor running
        using var receiver = new WebhookReceiver();
        using var client = server.CreateClient();
        var (workspace, key) = await server.NewLiveWorkspaceAsync(client, Journey, receiver.Url, "live-rules-secret-0123");

        // When three customers add to cart now; one checks out, one skips browsing, and the events are sent twice
        var now = DateTimeOffset.UtcNow;
        var sent = DateTimeOffset.UtcNow;
        string Track(string user, string activity, int seconds, string id) =>
            $$"""{"type":"track","event":"{{activity}}","userId":"{{user}}","messageId":"{{id}}","timestamp":"{{now.AddSeconds(seconds).ToString("O", CultureInfo.InvariantCulture)}}"}""";
        var batch = "{\"batch\":[" + string.Join(",",
            Track("ann", "Browse", 0, "m1"), Track("ann", "Add to cart", 0, "m2"),
            Track("bob", "Browse", 0, "m3"), Track("bob", "Add to cart", 0, "m4"), Track("bob", "Checkout", 1, "m5"),
            Track("cy", "Add to cart", 0, "m6")) + "]}";
        using (var response = await SegmentEndpointTests.Post(client, "/v1/batch", batch, key))
        {
            response.IsSuccessStatusCode.ShouldBeTrue();
        }

        using (var again = await SegmentEndpointTests.Post(client, "/v1/batch", batch, key))
        {
            again.IsSuccessStatusCode.ShouldBeTrue();
        }

        // Then cy's skipped step is a live deviation at once
        var deviations = await PollAsync(client, $"/api/v1/workspaces/{workspace}/live/deviations", d => d.GetArrayLength() > 0, TimeSpan.FromSeconds(10));
        deviations.EnumerateArray().Any(d => d.GetProperty("customer").GetString() == "cy" && d.GetProperty("kind").GetString() == "skipped").ShouldBeTrue();

        // And ann's and cy's abandoned carts each fire one signed webhook within 3 s + 5 s; bob's does not
        (await receiver.WaitForAsync(2, TimeSpan.FromSeconds(3 + 5) + (DateTimeOffset.UtcNow - sent), Token)).ShouldBeTrue();
        var arrived = DateTimeOffset.UtcNow;
        await Task.Delay(2500, Token);
        receiver.Received.Count.ShouldBe(2);
        (arrived - now).ShouldBeLessThan(TimeSpan.FromSeconds(8));
        var customers = receiver.Received.Select(r => JsonDocument.Parse(r.Text).RootElement.GetProperty("data")).ToList();
        customers.Select(d => d.GetProperty("customer").GetString()).Order(StringComparer.Ordinal).ShouldBe(["ann", "cy"]);
        customers.ShouldAllBe(d => d.GetProperty("rule").GetString() == "abandoned_cart");
        customers.Single(d => d.GetProperty("customer").GetString() == "ann").GetProperty("touchpoints").EnumerateArray().Select(t => t.GetString())
            .ShouldBe(["browse", "cart"]);
        foreach (var r in receiver.Received)
        {
            WebhookSignature.Verify("live-rules-secret-0123", r.Header(WebhookSignature.TimestampHeader), r.Header(WebhookSignature.SignatureHeader), r.Body, DateTimeOffset.UtcNow)
                .ShouldBeTrue();
        }

        var firings = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/workspaces/{workspace}/live/firings", Token)).RootElement;
        firings.GetArrayLength().ShouldBe(2);

        // And the dry run over the stored history counts the same two firings
        var dry = JsonDocument.Parse(await client.GetStringAsync(
            $"/api/v1/workspaces/{workspace}/journeys/shop/rules/dry-run?until={Uri.EscapeDataString(DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture))}", Token)).RootElement;
        dry.GetProperty("rules")[0].GetProperty("firings").GetInt32().ShouldBe(2);
        dry.GetProperty("rules")[0].GetProperty("customers").GetInt32().ShouldBe(2);
    }

    private static async Task<JsonElement> PollAsync(HttpClient client, string url, Func<JsonElement, bool> until, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var body = JsonDocument.Parse(await client.GetStringAsync(url, Token)).RootElement;
            if (until(body) || DateTimeOffset.UtcNow > deadline)
            {
                return body;
            }

            await Task.Delay(100, Token);
        }
    }
}
