using System.Text.Json;
using Bunit;
using Journeyscope.Server.Components.Pages;

namespace Journeyscope.Server.Tests.Components;

public sealed class ValueStreamPageTests
{
    [Fact]
    public async Task ValueStream_LogWithoutStartTimes_ShowsProcessingAsUnknownAndStepsInTheRecordsOrder()
    {
        // Given a workspace with a valid journey and a value stream without start times, steps in designed order
        var api = new FakeApi()
            .On("/api/v1/workspaces/shop/journeys", ApiFixtures.Journeys)
            .On("/api/v1/workspaces/shop/bottlenecks", ApiFixtures.Bottlenecks)
            .On("/api/v1/workspaces/shop/performance", ApiFixtures.Performance);
        await using var context = api.Context();

        // When the page is shown
        var page = context.Render<ValueStream>(p => p.Add(x => x.Ws, "shop"));

        // Then the steps follow the first valid journey's order, processing is unknown (not 0s), and the strip gets the record's steps as they are
        page.WaitForAssertion(() => page.Find("[data-testid=mean-processing]").TextContent.ShouldBe("unknown"));
        api.Requests.ShouldContain("GET /api/v1/workspaces/shop/performance?journey=retail");
        page.Find("[data-testid=step-order]").TextContent.ShouldContain("designed order of journey retail");
        page.Markup.ShouldContain("Processing time and flow efficiency are unknown");
        var draw = context.JSInterop.Invocations.Last(i => i.Identifier == "journeyscope.draw");
        draw.Arguments[0].ShouldBe("valueStream");
        var json = JsonSerializer.SerializeToElement(draw.Arguments[3], new JsonSerializerOptions(JsonSerializerDefaults.Web));
        json.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("activity").GetString()).ShouldBe(["Register", "Check"]);
        json.GetProperty("activities")[0].GetProperty("meanProcessingSeconds").ValueKind.ShouldBe(JsonValueKind.Null);
        json.GetProperty("processingTimeSeconds").ValueKind.ShouldBe(JsonValueKind.Null);
        page.Find("[data-testid=bottlenecks]").TextContent.ShouldContain("Register → Check");
    }
}
