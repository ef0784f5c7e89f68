using System.Net;
using Bunit;
using Journeyscope.Server.Components.Pages;

namespace Journeyscope.Server.Tests.Components;

/// <summary>The Variants page's comparison of a variant with a journey's designed flow.</summary>
public sealed class VariantsPageTests
{
    private const string Journeys = """
        {"journeys":[{"id":"retail","name":"Retail purchase","valid":true,"diagnostics":[]},
                     {"id":"broken","name":"Broken","valid":false,"diagnostics":[]},
                     {"id":"support","name":"Support","valid":true,"diagnostics":[]}]}
        """;

    private const string Alignment = """
        {"journeyId":"retail","journeyName":"Retail purchase","timeBasis":"utc","rank":1,"cases":1,"share":0.5,
         "activities":["Register","Check","Pay"],"touchpointSequences":1,"alignedCases":1,"fitness":0.6,"cost":2,"fits":false,
         "synchronous":2,"inserted":1,"skipped":1,
         "moves":[{"kind":"synchronous","label":"Sign up","activity":"Register","touchpointId":"signup","stageId":"acquisition","position":0},
                  {"kind":"inserted","label":"Check","activity":"Check","touchpointId":null,"stageId":null,"position":1},
                  {"kind":"skipped","label":"Basket","activity":null,"touchpointId":"basket","stageId":"purchase","position":2},
                  {"kind":"synchronous","label":"Pay","activity":"Pay","touchpointId":"pay","stageId":"purchase","position":2}]}
        """;

    private const string Fitting = """
        {"journeyId":"retail","journeyName":"Retail purchase","timeBasis":"utc","rank":2,"cases":1,"share":0.5,
         "activities":["Register","Check"],"touchpointSequences":2,"alignedCases":1,"fitness":1.0,"cost":0,"fits":true,
         "synchronous":2,"inserted":0,"skipped":0,
         "moves":[{"kind":"synchronous","label":"Sign up","activity":"Register","touchpointId":"signup","stageId":"acquisition","position":0},
                  {"kind":"synchronous","label":"Check","activity":"Check","touchpointId":"check","stageId":"purchase","position":1}]}
        """;

    [Fact]
    public async Task Variants_JourneyWithFlow_ShowsTheMoveStripWithEachKindInWords()
    {
        // Given a workspace with a valid journey and the alignment of variant 1
        var api = new FakeApi()
            .On("/api/v1/workspaces/shop/variants", ApiFixtures.Variants)
            .On("/api/v1/workspaces/shop/journeys", Journeys)
            .On("/api/v1/workspaces/shop/journeys/retail/variants/1/alignment", Alignment);
        await using var context = api.Context();

        // When the page opens
        var page = context.Render<Variants>(p => p.Add(x => x.Ws, "shop"));

        // Then the first variant is compared with the first valid journey, move by move, kinds spelled out
        page.WaitForAssertion(() => page.FindAll("[data-testid=move-strip] li").Count.ShouldBe(4));
        var moves = page.FindAll("[data-testid=move-strip] li");
        moves.Select(m => m.GetAttribute("data-kind")).ShouldBe(["synchronous", "inserted", "skipped", "synchronous"]);
        moves[0].TextContent.ShouldContain("As designed");
        moves[0].TextContent.ShouldContain("Sign up");
        moves[0].TextContent.ShouldContain("Register"); // the activity under a touchpoint with another name
        moves[1].TextContent.ShouldContain("Inserted");
        moves[1].GetAttribute("title")!.ShouldContain("maps to no touchpoint");
        moves[2].TextContent.ShouldContain("Skipped");
        moves[2].ClassList.ShouldContain("js-move--skipped");
        page.Find("[data-testid=alignment-summary]").TextContent.ShouldContain("60.0%");
        page.Find("[data-testid=alignment-summary]").TextContent.ShouldContain("2 as designed, 1 inserted, 1 skipped");
        api.Requests.ShouldContain("GET /api/v1/workspaces/shop/journeys/retail/variants/1/alignment");
    }

    [Fact]
    public async Task Variants_AnotherVariantChosenByItsButton_ComparesThatVariant()
    {
        // Given the page showing variant 1
        var api = new FakeApi()
            .On("/api/v1/workspaces/shop/variants", ApiFixtures.Variants)
            .On("/api/v1/workspaces/shop/journeys", Journeys)
            .On("/api/v1/workspaces/shop/journeys/retail/variants/1/alignment", Alignment)
            .On("/api/v1/workspaces/shop/journeys/retail/variants/2/alignment", Fitting);
        await using var context = api.Context();
        var page = context.Render<Variants>(p => p.Add(x => x.Ws, "shop"));
        page.WaitForAssertion(() => page.FindAll("[data-testid=move-strip] li").Count.ShouldBe(4));

        // When variant 2's button is pressed (the keyboard path: a real button, not only a row click)
        await page.InvokeAsync(() => page.Find("button[aria-label='Show variant 2']").Click());

        // Then its alignment replaces the first one, and the summary says it fits and which sequence is shown
        page.WaitForAssertion(() => page.FindAll("[data-testid=move-strip] li").Count.ShouldBe(2));
        var summary = page.Find("[data-testid=alignment-summary]").TextContent;
        summary.ShouldContain("follows the designed flow exactly");
        summary.ShouldContain("2 touchpoint sequences");
        page.Find("#compare-heading").TextContent.ShouldContain("Variant 2");
    }

    [Fact]
    public async Task Variants_JourneyWithoutFlow_ShowsTheProblemAndKeepsTheVariants()
    {
        // Given a journey the API cannot align with (no flow)
        var api = new FakeApi()
            .On("/api/v1/workspaces/shop/variants", ApiFixtures.Variants)
            .On("/api/v1/workspaces/shop/journeys", Journeys)
            .On("/api/v1/workspaces/shop/journeys/retail/variants/1/alignment",
                """{"title":"Journey without a flow","status":422,"detail":"Journey 'retail' has no designed flow. Add a 'flow:' section."}""",
                HttpStatusCode.UnprocessableEntity);
        await using var context = api.Context();

        // When the page opens
        var page = context.Render<Variants>(p => p.Add(x => x.Ws, "shop"));

        // Then the comparison shows the API's message, and the variants table is still there without a page error
        page.WaitForAssertion(() => page.Find("[data-testid=alignment-error]").TextContent.ShouldContain("Add a 'flow:' section"));
        page.FindAll("[data-testid=variants-table] tbody tr").Count.ShouldBe(2);
        page.FindAll("[data-testid=error]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Variants_NoValidJourney_ExplainsHowToAddOneAndAsksForNoAlignment()
    {
        // Given a workspace whose only journey is invalid
        var api = new FakeApi()
            .On("/api/v1/workspaces/shop/variants", ApiFixtures.Variants)
            .On("/api/v1/workspaces/shop/journeys", """{"journeys":[{"id":"broken","name":"Broken","valid":false,"diagnostics":[]}]}""");
        await using var context = api.Context();

        // When the page opens
        var page = context.Render<Variants>(p => p.Add(x => x.Ws, "shop"));

        // Then it explains what to add and never calls the alignment endpoint
        page.WaitForAssertion(() => page.Find("[data-testid=variant-vs-flow]").TextContent.ShouldContain("no valid journey"));
        api.Requests.ShouldNotContain(r => r.Contains("/alignment", StringComparison.Ordinal));
    }
}
