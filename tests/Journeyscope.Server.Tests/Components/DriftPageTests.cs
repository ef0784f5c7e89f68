using Bunit;
using Journeyscope.Server.Components.Pages;

namespace Journeyscope.Server.Tests.Components;

/// <summary>The Drift page: the timeline of cases with the change points, and each change in plain words.</summary>
public sealed class DriftPageTests
{
    private const string Drift = """
        {"timeBasis":"utc","version":3,"cases":1000,"method":"…",
         "parameters":{"windows":[200],"adaptive":false,"alpha":0.01,"persistence":5,"stridesPerWindow":20,"minSupport":5,"maxVariants":50},
         "changePoints":[{"caseIndex":600,"caseId":"c600","timestamp":"2025-01-01T10:00:00+00:00","window":200,"pValue":1e-30,
           "casesBefore":600,"casesAfter":400,
           "changes":[{"kind":"appeared","subject":"activity","activity":"New step","from":null,"to":null,"variant":null,"before":0,"after":1,
                       "text":"'New step' appeared: in 100.0 % of cases after, none before."},
                      {"kind":"frequency","subject":"edge","activity":null,"from":"A","to":"B","variant":null,"before":0.5,"after":0.2,
                       "text":"'A' directly followed by 'B' changed frequency from 50.0 % to 20.0 % of cases."}]}],
         "timeline":[{"caseIndex":200,"timestamp":"2025-01-01T03:20:00+00:00","score":0,"significant":false},
                     {"caseIndex":600,"timestamp":"2025-01-01T10:00:00+00:00","score":29.5,"significant":true},
                     {"caseIndex":800,"timestamp":"2025-01-01T13:20:00+00:00","score":0.1,"significant":false}]}
        """;

    [Fact]
    public async Task Drift_OneChangePoint_TimelineMarkerAndPlainWords()
    {
        // Given a workspace whose drift has one change point at case 600
        var api = new FakeApi().On("/api/v1/workspaces/shop/drift", Drift);
        await using var context = api.Context();

        // When the page opens
        var page = context.Render<Drift>(p => p.Add(x => x.Ws, "shop"));

        // Then the timeline has one marker at 60 % of its width, and the change point lists its changes in words with a link to its first case
        page.WaitForAssertion(() => page.FindAll("[data-testid=drift-marker]").Count.ShouldBe(1));
        page.Find("[data-testid=drift-marker] line").GetAttribute("x1").ShouldBe("600");
        var point = page.Find("[data-testid=drift-change-point]");
        point.TextContent.ShouldContain("'New step' appeared: in 100.0 % of cases after, none before.");
        point.TextContent.ShouldContain("changed frequency from 50.0 % to 20.0 %");
        point.QuerySelector("a")!.GetAttribute("href").ShouldBe("w/shop/cases/c600");
        page.Find("[data-testid=drift-summary]").TextContent.ShouldContain("1 change point(s) in 1,000 cases");
    }

    [Fact]
    public async Task Drift_WindowEntered_AsksTheApiForThatWindow()
    {
        // Given the page open
        var api = new FakeApi().On("/api/v1/workspaces/shop/drift", Drift);
        await using var context = api.Context();
        var page = context.Render<Drift>(p => p.Add(x => x.Ws, "shop"));
        page.WaitForAssertion(() => page.FindAll("[data-testid=drift-change-point]").Count.ShouldBe(1));

        // When a window of 300 is entered and Detect pressed
        page.Find("input[data-testid=drift-window]").Change("300");
        page.Find("[data-testid=drift-apply]").Click();

        // Then the API is asked with that window
        page.WaitForAssertion(() => api.Requests.ShouldContain("GET /api/v1/workspaces/shop/drift?window=300"));
    }
}
