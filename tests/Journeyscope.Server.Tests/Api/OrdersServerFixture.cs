using System.Net.Http.Json;
using System.Text;

namespace Journeyscope.Server.Tests.Api;

/// <summary>
/// A server with the workspace "orders": 40 orders, one a day from 2024-03-01, delivered after 1 day (on time) or 5 days
/// (late), then an NPS answer (10 and "great" when on time, 3 and "terrible service" when late). Orders o0-o19 came
/// through "web", o20-o39 through "store"; orders below 10 and every even order are on time (25 of 40). The journey
/// "shop" has NPS driven by delivery time; the journey "plain" has no KPIs.
/// </summary>
public sealed class OrdersServerFixture : ServerFixture, IAsyncLifetime
{
    public const string Orders = "orders";

    /// <summary>The shop journey with NPS driven by delivery time (<see cref="TestSupport.ShopJourney.Yaml"/>).</summary>
    public const string ShopJourney = TestSupport.ShopJourney.Yaml;

    public const string PlainJourney = """
        journey: plain
        name: Plain
        touchpoints:
          - id: order
            name: Order
            stage: purchase
            lane: frontstage
            match: { activity: Order }
        """;

    protected override bool Seed => false;

    public static bool OnTime(int order) => order < 10 || order % 2 == 0;

    public static string OrdersCsv() => TestSupport.ShopJourney.OrdersCsv(TimeSpan.FromDays(1), OnTime);

    async ValueTask IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        using var client = CreateClient();
        using (var created = await client.PostAsJsonAsync("/api/v1/workspaces", new { name = Orders }))
        {
            created.EnsureSuccessStatusCode();
        }

        using (var imported = await client.PostAsync($"/api/v1/workspaces/{Orders}/imports", Upload(OrdersCsv(), "orders.csv")))
        {
            imported.EnsureSuccessStatusCode();
        }

        foreach (var (id, yaml) in new[] { ("shop", ShopJourney), ("plain", PlainJourney) })
        {
            using var put = await client.PutAsync($"/api/v1/workspaces/{Orders}/journeys/{id}", new StringContent(yaml, Encoding.UTF8, "application/yaml"));
            if (!put.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"Saving journey {id} failed: " + await put.Content.ReadAsStringAsync());
            }
        }
    }
}
