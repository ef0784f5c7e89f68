using Bunit;
using Journeyscope.Server.Components.Pages;

namespace Journeyscope.Server.Tests.Components;

/// <summary>The process map's keyboard-accessible lists of activities and paths beside the canvas.</summary>
public sealed class ProcessMapListTests
{
    [Fact]
    public async Task ProcessMap_PathButtonInTheList_ListsTheCasesThroughThatEdge()
    {
        // Given the map page with two paths
        var api = new FakeApi()
            .On("/api/v1/workspaces/shop/process-map", ApiFixtures.ProcessMap)
            .On("/api/v1/workspaces/shop/cases", ApiFixtures.Cases);
        await using var context = api.Context();
        var page = context.Render<ProcessMapPage>(p => p.Add(x => x.Ws, "shop"));
        page.WaitForAssertion(() => page.FindAll("[data-testid=map-paths] button").Count.ShouldBe(2));

        // When the button of the path Check → Pay is pressed (what Enter does on a focused button)
        page.FindAll("[data-testid=map-activities] button").Select(b => b.TextContent).ShouldBe(["Register", "Check", "Pay"]);
        await page.InvokeAsync(() => page.Find("button[aria-label='Show the cases going Check to Pay']").Click());

        // Then the cases through that edge are asked for and listed, as a click on the map would
        page.WaitForAssertion(() => page.Find("[data-testid=selection]").TextContent.ShouldContain("Cases going Check → Pay"));
        page.WaitForAssertion(() => page.FindAll("[data-testid=selection] tbody tr").Count.ShouldBe(2));
        api.Requests.ShouldContain(r => r.Contains("/cases?", StringComparison.Ordinal) && r.Contains("from=Check&to=Pay", StringComparison.Ordinal));
    }
}
