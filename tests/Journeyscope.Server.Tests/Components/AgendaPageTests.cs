using System.Text.Json;
using Bunit;
using Journeyscope.Agenda;
using Journeyscope.EventLogs;
using Journeyscope.Results;
using Journeyscope.Server.Components.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Journeyscope.Server.Tests.Components;

/// <summary>The Root cause and Improvements pages read the API's records and show them in words.</summary>
public sealed class AgendaPageTests
{
    private static readonly RootCauseResult RootCause = new(TimeBasis.Utc, 1, ["contains Escalate"], 100, 30, 0.3, 30, 4,
        [new RootCauseFactor(1, "case-attribute", "tier", "gold", "tier is gold", 40, 0.4, 24, 0.6, 0.1, 0.5, 0.32, 0.66, 2.0, 1e-6, 4e-6, true)],
        [new RootCauseWait("Pack", "Ship", 30, 70, 108000, 7200, 108000, 7200, 100800, 90000, 110000)],
        ["Left out as defining the outcome: Escalate."]);

    [Fact]
    public async Task RootCause_OpenedWithAnOutcome_AsksTheApiAndShowsFactorsAndBackstage()
    {
        // Given the API's root cause record
        var api = new FakeApi().On("/api/v1/workspaces/shop/rootcause", JsonSerializer.Serialize(RootCause, ResultJson.Options));
        await using var context = api.Context();
        context.Services.GetRequiredService<NavigationManager>().NavigateTo("/w/shop/rootcause?outcome=contains%20Escalate");

        // When the page opens with ?outcome= (the agenda links here so)
        var page = context.Render<RootCause>(p => p.Add(x => x.Ws, "shop"));

        // Then it asks for that outcome and shows the factor in words with its interval, and the slow hand-over
        page.WaitForAssertion(() => page.Find("[data-testid=rootcause-factors]").TextContent.ShouldContain("tier is gold"));
        api.Requests.ShouldContain(r => r.Contains("/rootcause?", StringComparison.Ordinal) && r.Contains("outcome=contains Escalate", StringComparison.Ordinal));
        page.Find("[data-testid=rootcause-factors]").TextContent.ShouldContain("+50.0 pp (+32.0 pp .. +66.0 pp)");
        page.Find("[data-testid=rootcause-backstage]").TextContent.ShouldContain("Pack");
        page.Markup.ShouldContain("Left out as defining the outcome");
    }

    [Fact]
    public async Task Improvements_OneRecorded_ListsItWithItsVerdict()
    {
        // Given one improvement and its report
        var improvement = new Improvement("imp-1", "New SDK", null, ["contains Fail"], null, new DateTimeOffset(2024, 2, 15, 0, 0, 0, TimeSpan.Zero),
            "device", "a", -2, "EUR");
        var report = new ImprovementReport(TimeBasis.Utc, 1, improvement, ImprovementAnalysis.DifferenceInDifferences, ImprovementAnalysis.EffectDetected,
            -0.4, -0.45, -0.35, "bootstrap", new ImprovementCell(450, 225, 0.5), new ImprovementCell(450, 45, 0.1),
            new ImprovementCell(900, 180, 0.2), new ImprovementCell(900, 180, 0.2), new ImprovementValue(360, 315, 405, "EUR"), []);
        var api = new FakeApi()
            .On("/api/v1/workspaces/shop/improvements/imp-1/report", JsonSerializer.Serialize(report, ResultJson.Options))
            .On("/api/v1/workspaces/shop/improvements", JsonSerializer.Serialize(new[] { improvement }, ResultJson.Options));
        await using var context = api.Context();

        // When the page is shown
        var page = context.Render<Improvements>(p => p.Add(x => x.Ws, "shop"));

        // Then the improvement is listed with its verdict, effect and value
        page.WaitForAssertion(() => page.Find("[data-testid=verdict]").TextContent.ShouldBe("effect detected"));
        var text = page.Find("[data-testid=improvements]").TextContent;
        text.ShouldContain("New SDK");
        text.ShouldContain("device = a");
        text.ShouldContain("-40.0 pp");
        text.ShouldContain("360 EUR");
    }
}
