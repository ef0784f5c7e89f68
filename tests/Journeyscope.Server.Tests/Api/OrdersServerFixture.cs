using System.Globalization;
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

    public const string ShopJourney = """
        journey: shop
        name: Shop
        touchpoints:
          - id: order
            name: Order
            stage: purchase
            lane: frontstage
            match: { activity: Order }
          - id: deliver
            name: Deliver
            stage: fulfilment
            lane: physical-evidence
            match: { activity: Deliver }
        kpis:
          - id: nps
            name: Net Promoter Score
            kind: nps
            target: ">= 40"
            activity: NPS survey
            drivers: [delivery-time]
          - id: delivery-time
            name: Order to delivery
            kind: order-cycle-time
            target: "<= 3d"
            from: order
            to: deliver
        """;

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

    public static string OrdersCsv()
    {
        var csv = new StringBuilder("case_id,activity,timestamp,channel,score,comment\n");
        var start = new DateTimeOffset(2024, 3, 1, 9, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 40; i++)
        {
            var t = start.AddDays(i);
            var days = OnTime(i) ? 1 : 5;
            csv.Append(CultureInfo.InvariantCulture, $"o{i},Order,{t:yyyy-MM-ddTHH:mm:ssK},{(i < 20 ? "web" : "store")},,\n");
            csv.Append(CultureInfo.InvariantCulture, $"o{i},Deliver,{t.AddDays(days):yyyy-MM-ddTHH:mm:ssK},,,\n");
            csv.Append(CultureInfo.InvariantCulture, $"o{i},NPS survey,{t.AddDays(days + 1):yyyy-MM-ddTHH:mm:ssK},email,{(days == 1 ? 10 : 3)},{(days == 1 ? "great" : "terrible service")}\n");
        }

        return csv.ToString();
    }

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
