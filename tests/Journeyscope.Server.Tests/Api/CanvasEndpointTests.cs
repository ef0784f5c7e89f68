using System.Net;
using System.Net.Http.Json;
using Journeyscope.Agenda;
using Journeyscope.Canvas;
using Journeyscope.Results;

namespace Journeyscope.Server.Tests.Api;

/// <summary><c>GET …/journeys/{id}/canvas</c> on the demo, against the CLI's record; improvements of a journey KPI.</summary>
public sealed class CanvasEndpointTests(DemoServerFixture server, CliDemoWorkspace demo) : IClassFixture<DemoServerFixture>
{
    private const string Api = "/api/v1/workspaces/demo";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetCanvas_Demo_MeasuredPaymentOpportunityBesideTheWorkshopNotesAndTheSameRecordAsTheCli()
    {
        // Given the demo served and the same demo for the CLI
        using var client = server.CreateClient();

        // When the canvas is read through the API and the CLI
        var cli = CliRunner.Json("journey", "canvas", "--journey", demo.Journey, "--workspace", demo.Folder, "--format", "json");
        var canvas = await ContractParity.SameAsync<CanvasResult>(await client.GetAsync($"{Api}/journeys/retail/canvas", Token), cli);

        // Then the purchase stage holds the workshop's notes and, beside them, a measured opportunity at 'pay' (the demo's
        // payment retries), which carries the payment touchpoint's capabilities, weakest (data, 1) first
        canvas.Stages.Select(s => s.Id).ShouldBe(["awareness", "acquisition", "purchase", "fulfilment", "service", "loyalty", "feedback", "advocacy"]);
        var purchase = canvas.Stages.Single(s => s.Id == "purchase");
        purchase.Notes.ShouldContain("Payments fail on some devices");
        purchase.ValueProposition.ShouldBe("Paying is quick and safe on every device.");
        var atPay = purchase.Measured.Where(o => o.Touchpoint == "pay").ToList();
        atPay.ShouldNotBeEmpty();
        var pay = atPay[0];
        pay.Capabilities[0].Name.ShouldBe("Payment error codes per device");
        pay.Capabilities[0].Readiness.ShouldBe(1);
        canvas.Stages.SelectMany(s => s.Measured).Select(o => o.Rank).ShouldBeUnique();

        // And every measured opportunity sits in the stage of its touchpoint
        foreach (var stage in canvas.Stages)
        {
            stage.Measured.ShouldAllBe(o => stage.Touchpoints.Contains(o.Touchpoint!));
        }

        // And the heat map has the payment row with its weakest cell per kind, people unmapped
        var row = canvas.Capabilities.Rows.Single(r => r.Touchpoint == "pay");
        row.Cells.Select(c => c.Readiness).ShouldBe([null, 3, 2, 1]);
        row.Opportunities.ShouldBe(purchase.Measured.Count(o => o.Touchpoint == "pay"));
        canvas.Capabilities.Rows.Count.ShouldBe(29);
    }

    [Fact]
    public async Task GetCanvas_Markdown_HasAStageSectionAndTheHeatMap()
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync($"{Api}/journeys/retail/canvas?format=md&top=5", Token);
        var text = await response.Content.ReadAsStringAsync(Token);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/markdown");
        text.ShouldContain("## Fulfilment & Delivery\n\n*Parcels arrive when promised.*");
        text.ShouldContain("| Payment authorisation | purchase | support | – | 3 defined | 2 initial | 1 missing |");
    }

    [Theory]
    [InlineData("journeys/retial/canvas", HttpStatusCode.NotFound)]
    [InlineData("journeys/retail/canvas?format=pdf", HttpStatusCode.BadRequest)]
    [InlineData("journeys/retail/canvas?top=0", HttpStatusCode.BadRequest)]
    public async Task GetCanvas_BadRequest_IsAProblem(string path, HttpStatusCode status)
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync($"{Api}/{path}", Token);
        response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync(Token));
    }

    [Fact]
    public async Task PostImprovement_JourneyKpi_ReportsTheKpiValuedWithTheJourneysValueEntry()
    {
        // Given an improvement of the demo's conversion KPI, without a value per unit
        using var client = server.CreateClient();
        using var posted = await client.PostAsJsonAsync($"{Api}/improvements", new
        {
            title = "One-page checkout",
            kpi = "conversion",
            journey = "retail",
            from = "2025-03-01T00:00:00Z",
            segmentAttribute = "device",
            segmentValue = "desktop",
        }, Token);
        posted.StatusCode.ShouldBe(HttpStatusCode.Created, await posted.Content.ReadAsStringAsync(Token));
        var added = (await posted.Content.ReadFromJsonAsync<Improvement>(ResultJson.Options, Token)).ShouldNotBeNull();
        added.Kpi.ShouldBe("conversion");
        added.Journey.ShouldBe("retail");
        added.Outcome.ShouldBeEmpty();

        // When it is reported
        var report = (await client.GetFromJsonAsync<ImprovementReport>($"{Api}/improvements/{added.Id}/report", ResultJson.Options, Token)).ShouldNotBeNull();

        // Then the KPI is measured per case (a share), valued with the journey's 60 EUR per converted customer
        report.Method.ShouldBe(ImprovementAnalysis.DifferenceInDifferences);
        report.Before.Rate.ShouldBeInRange(0.0, 1.0);
        report.Notes.ShouldContain(n => n.StartsWith("Value per unit from the journey's value: entry for 'conversion': 60 EUR", StringComparison.Ordinal));
        if (report.Effect is { } effect)
        {
            var value = report.ValueRealised.ShouldNotBeNull();
            value.Unit.ShouldBe("EUR");
            value.Value.ShouldBe(effect * report.After.Cases * 60, 1e-6);
        }
    }

    [Fact]
    public async Task PostImprovement_UnknownKpi_Is400WithDidYouMean()
    {
        using var client = server.CreateClient();
        using var response = await client.PostAsJsonAsync($"{Api}/improvements", new
        {
            title = "x",
            kpi = "conversoin",
            journey = "retail",
            from = "2025-03-01T00:00:00Z",
        }, Token);
        var text = await response.Content.ReadAsStringAsync(Token);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, text);
        text.ShouldContain("did you mean 'conversion'");
    }
}
