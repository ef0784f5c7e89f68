using Microsoft.Playwright;

namespace Journeyscope.EndToEnd.Tests;

/// <summary>The Canvas page and the Improvements form of the demo, as a user opens and fills them in the browser.</summary>
public sealed class CanvasBrowserTests(DemoStoryFixture app) : IClassFixture<DemoStoryFixture>
{
    [Fact]
    public async Task Canvas_Demo_MeasuredOpportunityBesideTheStageNotesAndTheHeatMap()
    {
        var (context, page, console) = await app.OpenAsync(1280, 900);
        try
        {
            // When the canvas page of the demo opens
            await page.GotoAsync(app.Url(DemoStoryFixture.Demo, "canvas").ToString());
            await page.Locator("[data-interactive=true]").WaitForAsync();
            var purchase = page.Locator("[data-testid=canvas-stage][data-stage=purchase]");
            await purchase.WaitForAsync();

            // Then the purchase stage shows the workshop's note and, beside it, the measured opportunity at 'pay'
            await purchase.Locator("[data-testid=workshop-note]", new LocatorLocatorOptions { HasText = "Payments fail on some devices" }).WaitForAsync();
            var measured = purchase.Locator("[data-testid=measured-opportunity][data-touchpoint=pay]").First;
            await measured.WaitForAsync();
            (await measured.InnerTextAsync()).ShouldContain("customers");
            (await page.Locator("[data-testid=canvas-stage]").CountAsync()).ShouldBe(8);

            // And the heat map colours the payment row by readiness: data missing (1), technology initial (2), people unmapped
            var row = page.Locator("[data-testid=heatmap-row][data-touchpoint=pay]");
            await row.WaitForAsync();
            (await row.Locator("[data-testid=heat-cell][data-kind=data]").GetAttributeAsync("data-readiness")).ShouldBe("1");
            (await row.Locator("[data-testid=heat-cell][data-kind=technology]").InnerTextAsync()).Trim().ShouldBe("2 initial");
            (await row.Locator("[data-testid=heat-cell][data-kind=people]").GetAttributeAsync("data-readiness")).ShouldBe(string.Empty);
            (await page.Locator("[data-testid=heatmap-row]").CountAsync()).ShouldBe(29);
            await UsabilityFixture.Shot(page, "demo-canvas");
            await context.CloseAsync();
        }
        catch
        {
            await Fail(page, "demo-canvas-failure", console);
            throw;
        }
    }

    [Fact]
    public async Task Improvements_AddThroughTheForm_ListedWithItsReportAndVerdict()
    {
        var (context, page, console) = await app.OpenAsync(1280, 900);
        try
        {
            // Given the improvements page of the demo, its form offering the journey's KPIs
            await page.GotoAsync(app.Url(DemoStoryFixture.Demo, "improvements").ToString());
            await page.Locator("[data-interactive=true]").WaitForAsync();
            var kpi = page.Locator("[data-testid=improvement-kpi]");
            await kpi.Locator("option[value='retail/conversion']").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

            // When an improvement of the conversion KPI for desktop is recorded through the form
            await page.Locator("[data-testid=improvement-title]").FillAsync("Browser-made checkout fix");
            await page.Locator("[data-testid=improvement-from]").FillAsync("2025-03-01");
            await kpi.SelectOptionAsync("retail/conversion");
            await page.Locator("[data-testid=improvement-segment-attribute]").FillAsync("device");
            await page.Locator("[data-testid=improvement-segment-value]").FillAsync("desktop");
            await page.Locator("[data-testid=improvement-add]").ClickAsync();

            // Then it is listed with its KPI, a difference-in-differences report, a verdict in words and the value in EUR
            var row = page.Locator("[data-testid=improvement-row]", new PageLocatorOptions { HasText = "Browser-made checkout fix" });
            await row.WaitForAsync();
            (await row.InnerTextAsync()).ShouldContain("KPI conversion (retail)");
            (await row.InnerTextAsync()).ShouldContain("difference-in-differences");
            (await row.Locator("[data-testid=verdict]").InnerTextAsync()).ShouldBeOneOf("effect detected", "no effect detected", "not enough data yet");
            (await row.Locator("[data-testid=value-realised]").InnerTextAsync()).ShouldEndWith("EUR");
            (await page.Locator("[data-testid=improvement-form-error]").CountAsync()).ShouldBe(0);
            await UsabilityFixture.Shot(page, "demo-improvement-added");
            await context.CloseAsync();
        }
        catch
        {
            await Fail(page, "demo-improvement-failure", console);
            throw;
        }
    }

    private static async Task Fail(IPage page, string name, List<string> console)
    {
        await UsabilityFixture.Shot(page, name);
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(Environment.NewLine, console));
    }
}
