using System.Net;
using System.Net.Http.Json;
using System.Text;
using Journeyscope.TestSupport;

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
    public async Task GetAgenda_JourneyWithCustomerAttribute_CountsCasesAndDistinctCustomers()
    {
        // Given a workspace of the 40 shop orders placed by 6 customers (order i by c(i mod 6)), and the shop journey naming
        // the case attribute 'customer' as the customer
        using var client = server.CreateClient();
        var ws = "customers-" + Guid.NewGuid().ToString("N")[..8];
        var orders = ShopJourney.Orders(TimeSpan.FromDays(1), OrdersServerFixture.OnTime).Select((o, i) => o with { Customer = $"c{i % 6}" }).ToList();
        (await client.PostAsJsonAsync("/api/v1/workspaces", new { name = ws }, Token)).EnsureSuccessStatusCode();
        (await client.PostAsync($"/api/v1/workspaces/{ws}/imports", ServerFixture.Upload(ShopJourney.Csv(orders), "orders.csv"), Token)).EnsureSuccessStatusCode();
        using var yaml = new StringContent(ShopJourney.Yaml + "customer: customer\n", Encoding.UTF8, "application/yaml");
        (await client.PutAsync($"/api/v1/workspaces/{ws}/journeys/shop", yaml, Token)).EnsureSuccessStatusCode();

        // When the agenda is read
        var json = await Problem.JsonAsync(await client.GetAsync($"/api/v1/workspaces/{ws}/agenda?journey=shop&minSupport=10", Token));

        // Then the late-delivery opportunity counts the 15 late orders and, apart, the customers who placed them
        var late = orders.Where(o => o.DeliveredAfter > TimeSpan.FromDays(3)).ToList();
        json.GetProperty("customerAttribute").GetString().ShouldBe("customer");
        var first = json.GetProperty("opportunities")[0];
        first.GetProperty("casesAffected").GetInt32().ShouldBe(late.Count);
        first.GetProperty("customersAffected").GetInt32().ShouldBe(late.Select(o => o.Customer).Distinct(StringComparer.Ordinal).Count());
        json.GetProperty("customersAffectedTotal").GetInt32().ShouldBeLessThanOrEqualTo(6);
        json.GetProperty("customersAffectedTotal").GetInt32().ShouldBeLessThan(json.GetProperty("casesAffectedTotal").GetInt32());

        // And a journey whose customer attribute the log lacks gets the agenda's 422 naming it, with a did-you-mean
        var yaml2 = ShopJourney.Yaml.Replace("journey: shop", "journey: typo", StringComparison.Ordinal) + "customer: custmer\n";
        using var typo = new StringContent(yaml2, Encoding.UTF8, "application/yaml");
        (await client.PutAsync($"/api/v1/workspaces/{ws}/journeys/typo", typo, Token)).EnsureSuccessStatusCode();
        using var response = await client.GetAsync($"/api/v1/workspaces/{ws}/agenda?journey=typo", Token);
        var problem = await Problem.ReadAsync(response, HttpStatusCode.UnprocessableEntity);
        problem.GetProperty("detail").GetString()!.ShouldContain("no case attribute 'custmer'");
        problem.GetProperty("detail").GetString()!.ShouldContain("Did you mean 'customer'?");
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
