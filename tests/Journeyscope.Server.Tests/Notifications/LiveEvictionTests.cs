using System.Globalization;
using System.Text.Json;
using Journeyscope.Server.Monitoring;
using Journeyscope.Server.Tests.Collector;
using Journeyscope.Storage.Monitoring;
using Journeyscope.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Journeyscope.Server.Tests.Notifications;

/// <summary>
/// The live monitor's memory on a long stream: customers idle beyond the longest rule window plus the margin are evicted,
/// so the customers kept stay bounded; one who returns is fed again and fires a new occurrence, never an old one twice.
/// </summary>
public sealed class LiveEvictionTests(LiveEvictionServer server) : IClassFixture<LiveEvictionServer>
{
    private static readonly string Journey = RuleSnippets.Shop(RuleSnippets.AbandonedCart("1s"));

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LongStream_IdleCustomersEvicted_MemoryBoundedAndAReturningCustomerFiresANewOccurrenceOnce()
    {
        // Given a workspace with a 1 s abandoned-cart rule (horizon 1 s + 1 s margin), a webhook receiver, and ann's
        // abandoned cart, which fires once
        using var receiver = new WebhookReceiver();
        using var client = server.CreateClient();
        var (workspace, key) = await server.NewLiveWorkspaceAsync(client, Journey, receiver.Url);

        var monitor = server.Factory.Services.GetRequiredService<LiveMonitor>();
        await PostAsync(client, key, ("ann", "Browse", "a1"), ("ann", "Add to cart", "a2"));
        (await receiver.WaitForAsync(1, TimeSpan.FromSeconds(10), Token)).ShouldBeTrue();

        // When 150 other customers browse, 5 every 300 ms (about 9 s)
        var most = 0;
        for (var batch = 0; batch < 30; batch++)
        {
            await PostAsync(client, key, [.. Enumerable.Range(0, 5).Select(i => ($"v{batch}-{i}", "Browse", $"b{batch}-{i}"))]);
            await Task.Delay(300, Token);
            most = Math.Max(most, monitor.TrackedCustomers(workspace));
        }

        // Then the customers kept stay bounded by those active within the horizon (about 40), far below the 151 seen
        most.ShouldBeGreaterThan(0);
        most.ShouldBeLessThan(90, $"at most {most} customers kept");
        var customers = server.Log(workspace).CaseCount;
        customers.ShouldBe(151);

        // And when ann, evicted long ago, comes back and abandons a second cart
        await PostAsync(client, key, ("ann", "Add to cart", "a3"));
        (await receiver.WaitForAsync(2, TimeSpan.FromSeconds(10), Token)).ShouldBeTrue();
        await Task.Delay(1500, Token);

        // Then her second occurrence fires once, and her first is not sent again
        var keys = receiver.Received.Select(r => JsonDocument.Parse(r.Text).RootElement.GetProperty("dedupKey").GetString()).ToList();
        keys.ShouldBe(["shop/abandoned_cart/ann/1", "shop/abandoned_cart/ann/2"]);
        RuleFiringLog.List(Path.Combine(server.Root, workspace)).Count.ShouldBe(2);

        // And her deviations (from the live log, as after a restart) are each shown once
        var deviations = LiveDeviationLog.List(Path.Combine(server.Root, workspace), limit: 1000).Where(d => d.Customer == "ann").ToList();
        deviations.Select(d => (d.Kind, d.Touchpoint, d.At)).Distinct().Count().ShouldBe(deviations.Count);
    }

    private static async Task PostAsync(HttpClient client, string key, params (string User, string Activity, string Id)[] events)
    {
        var now = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        var batch = "{\"batch\":[" + string.Join(",", events.Select(e =>
            $$"""{"type":"track","event":"{{e.Activity}}","userId":"{{e.User}}","messageId":"{{e.Id}}","timestamp":"{{now}}"}""")) + "]}";
        using var response = await SegmentEndpointTests.Post(client, "/v1/batch", batch, key);
        response.IsSuccessStatusCode.ShouldBeTrue();
    }
}
