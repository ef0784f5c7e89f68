using System.Net;

namespace Journeyscope.Server.Tests.Api;

/// <summary>The agenda through the API: the record, the exports, the drill-down into the customers, and bad input.</summary>
public sealed class AgendaEndpointTests(OrdersServerFixture server) : IClassFixture<OrdersServerFixture>
{
    private const string Base = "/api/v1/workspaces/orders/agenda";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetAgenda_ShopJourney_LateDeliveryHandOverWithItsNpsEffect()
    {
        // Given 40 orders: 25 delivered after 1 day (NPS 10), 15 after 5 days (NPS 3)
        using var client = server.CreateClient();

        // When the agenda is read with a minimum support below 15
        var json = await Problem.JsonAsync(await client.GetAsync($"{Base}?journey=shop&minSupport=10", Token));

        // Then the first opportunity is the long Order → Deliver wait of the 15 late orders, costing 200 NPS points
        json.GetProperty("journey").GetString().ShouldBe("shop");
        json.GetProperty("formula").GetString()!.ShouldContain("WSJF");
        var first = json.GetProperty("opportunities")[0];
        first.GetProperty("kind").GetString().ShouldBe("bottleneck");
        first.GetProperty("touchpoint").GetString().ShouldBe("deliver");
        first.GetProperty("customersAffected").GetInt32().ShouldBe(15);
        var nps = first.GetProperty("effects").EnumerateArray().Single(e => e.GetProperty("kpi").GetString() == "nps");
        nps.GetProperty("value").GetDouble().ShouldBe(-200, 1e-9);
        nps.GetProperty("basis").GetString().ShouldBe("associational");

        // And its customers are exactly the late orders
        var id = Uri.EscapeDataString(first.GetProperty("id").GetString()!);
        var cases = await Problem.JsonAsync(await client.GetAsync($"{Base}/opportunities/{id}/cases?journey=shop", Token));
        cases.EnumerateArray().Select(c => c.GetString()!).Order(StringComparer.Ordinal)
            .ShouldBe(Enumerable.Range(0, 40).Where(i => !OrdersServerFixture.OnTime(i)).Select(i => $"o{i}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task GetAgenda_TrackerFormat_ReturnsTheIssueCsv()
    {
        // Given the orders workspace, When the agenda is exported for an issue tracker
        using var client = server.CreateClient();
        var response = await client.GetAsync($"{Base}?journey=shop&minSupport=10&format=tracker", Token);

        // Then it is CSV with the columns trackers import
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        (await response.Content.ReadAsStringAsync(Token)).ShouldStartWith("title,description,labels\n");
    }

    [Fact]
    public async Task GetAgenda_UnknownByAttribute_BadRequestWithDidYouMean()
    {
        // Given the orders workspace (no case attribute 'chanel'), When the agenda is adjusted for it
        using var client = server.CreateClient();
        var response = await client.GetAsync($"{Base}?journey=shop&by=chanel", Token);

        // Then 400 naming the attribute
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(Token)).ShouldContain("by='chanel' is not a case attribute");
    }
}
