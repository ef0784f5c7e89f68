using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Journeyscope.EndToEnd.Tests;

/// <summary>
/// The journey page of the demo: the capability heat map over the blueprint, a stage's canvas under it, and a full page load
/// that runs its analyses once (the prerendered answers reach the circuit).
/// </summary>
public sealed partial class JourneyPageBrowserTests(DemoStoryFixture app) : IClassFixture<DemoStoryFixture>
{
    private const string Api = "/api/v1/workspaces/demo";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Journey_CapabilityReadiness_CardsTakeTheCanvasLowestReadinessAndAStageCanvasExpands()
    {
        // Given the canvas the Canvas page reads: each touchpoint's lowest readiness over its capability kinds
        using var http = app.Host.CreateClient();
        var canvas = await http.GetFromJsonAsync<JsonElement>($"{Api}/journeys/retail/canvas?top=20", Token);
        var expected = canvas.GetProperty("capabilities").GetProperty("rows").EnumerateArray().ToDictionary(
            r => r.GetProperty("touchpoint").GetString()!,
            r => r.GetProperty("cells").EnumerateArray()
                .Select(c => c.TryGetProperty("readiness", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : (int?)null)
                .Where(v => v is not null).Min() is { } lowest ? "readiness-" + lowest : "readiness-none");
        expected["pay"].ShouldBe("readiness-1");
        expected.Values.ShouldContain("readiness-none");
        var purchaseAtPay = canvas.GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "purchase")
            .GetProperty("measured").EnumerateArray().Count(o => o.GetProperty("touchpoint").GetString() == "pay");
        purchaseAtPay.ShouldBeGreaterThan(0);

        var (context, page, console) = await app.OpenAsync(1280, 900);
        try
        {
            await page.GotoAsync(app.Url(DemoStoryFixture.Demo, "journeys/retail").ToString());
            await page.Locator("[data-interactive=true]").WaitForAsync();
            await page.Locator("[data-testid=conformance-summary]").WaitForAsync();

            // When "Capability readiness" is switched on
            await page.Locator("[data-testid=readiness-toggle]").CheckAsync();
            await page.Locator("[data-testid=readiness-legend]").WaitForAsync();
            await page.Locator(".js-blueprint [data-touchpoint=pay][data-status=readiness-1]").WaitForAsync();

            // Then every card is coloured by its touchpoint's lowest readiness, greyed without capabilities, with the legend saying so
            var shown = await page.Locator(".js-blueprint [data-touchpoint]").EvaluateAllAsync<Dictionary<string, string>>(
                "cards => Object.fromEntries(cards.map(c => [c.dataset.touchpoint, c.dataset.status]))");
            shown.ShouldBe(expected, ignoreOrder: true);
            (await page.Locator("[data-testid=readiness-legend]").InnerTextAsync()).ShouldContain("lowest");
            (await page.Locator("[data-testid=readiness-legend]").InnerTextAsync()).ShouldContain("no capabilities declared");

            // And the payment card names its level and each kind's, its tooltip each capability
            var pay = page.Locator(".js-blueprint [data-touchpoint=pay]");
            var text = await pay.InnerTextAsync();
            text.ShouldContain("Readiness 1 missing (lowest)");
            text.ShouldContain("technology 2");
            text.ShouldContain("people –");
            ((await pay.GetAttributeAsync("title")) ?? string.Empty).ShouldContain("Payment SDK with retries, 2 initial");
            var none = expected.First(e => e.Value == "readiness-none").Key;
            (await page.Locator($".js-blueprint [data-touchpoint='{none}']").InnerTextAsync()).ShouldContain("No capabilities declared");
            await UsabilityFixture.Shot(page, "demo-journey-readiness");

            // When the purchase stage's canvas is expanded
            await page.Locator("[data-testid=stage-canvas-button][data-stage=purchase]").ClickAsync();

            // Then it shows the workshop's note and the agenda's measured opportunities at the stage's touchpoints
            var stage = page.Locator("[data-testid=stage-canvas] [data-testid=canvas-stage][data-stage=purchase]");
            await stage.Locator("[data-testid=workshop-note]", new LocatorLocatorOptions { HasText = "Payments fail on some devices" }).WaitForAsync();
            (await stage.Locator("[data-testid=measured-opportunity][data-touchpoint=pay]").CountAsync()).ShouldBe(purchaseAtPay);
            (await page.Locator("[data-testid=stage-canvas-button][data-stage=purchase]").GetAttributeAsync("aria-expanded")).ShouldBe("true");

            // And switching readiness off colours the cards by conformance again
            await page.Locator("[data-testid=readiness-toggle]").UncheckAsync();
            await page.Locator(".js-blueprint [data-touchpoint=pay]:not([data-status^=readiness])").WaitForAsync();
            (await pay.GetAttributeAsync("data-status")).ShouldBeOneOf("ok", "warning", "bad");
            await context.CloseAsync();
        }
        catch
        {
            await Fail(page, "demo-journey-readiness-failure", console);
            throw;
        }
    }

    [Fact]
    public async Task Journey_FullPageLoad_AnalysesAskedOnceAndTheCircuitShowsThePrerenderedFigures()
    {
        // Given the journey page as prerendered (the HTML a full page load shows before the circuit starts)
        using var http = app.Host.CreateClient();
        var url = app.Url(DemoStoryFixture.Demo, "journeys/retail");
        var prerendered = await http.GetStringAsync(url, Token);
        var summary = Text(Summary().Match(prerendered).Groups[1].Value);
        summary.ShouldContain("cases follow the designed flow");

        var (context, page, console) = await app.OpenAsync(1280, 900);
        try
        {
            // When the page is loaded in the browser and the circuit takes over
            app.Requests.Clear();
            await page.GotoAsync(url.ToString());
            await page.Locator("[data-interactive=true]").WaitForAsync();
            await page.Locator(".js-blueprint [data-touchpoint=pay]").WaitForAsync();
            await Task.Delay(1000, Token);

            // Then the conformance and the journey model were asked once (by the prerendering), not again by the circuit
            var asked = app.Requests.Requests;
            app.Requests.Count($"{Api}/journeys/retail/conformance?top=50").ShouldBe(1, string.Join('\n', asked));
            app.Requests.Count($"{Api}/journeys/retail/model").ShouldBe(1, string.Join('\n', asked));
            app.Requests.Count($"{Api}/journeys").ShouldBe(1, string.Join('\n', asked));

            // And the interactive page shows the figures the prerendered page showed
            Text(await page.Locator("[data-testid=conformance-summary]").InnerTextAsync()).ShouldBe(summary);

            // And later loads in the circuit ask the API again (the kept answers served the first load only)
            app.Requests.Clear();
            await page.Locator("[data-testid=readiness-toggle]").CheckAsync();
            await page.Locator("[data-testid=readiness-legend]").WaitForAsync();
            app.Requests.Count($"{Api}/journeys/retail/canvas?top=20").ShouldBe(1, string.Join('\n', app.Requests.Requests));
            await context.CloseAsync();
        }
        catch
        {
            await Fail(page, "demo-journey-prerender-failure", console);
            throw;
        }
    }

    private static string Text(string html) => WebUtility.HtmlDecode(Regex.Replace(Regex.Replace(html, "<[^>]+>", " "), @"\s+", " ")).Trim();

    private static async Task Fail(IPage page, string name, List<string> console)
    {
        await UsabilityFixture.Shot(page, name);
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(Environment.NewLine, console));
    }

    [GeneratedRegex("data-testid=\"conformance-summary\"[^>]*>(.*?)</p>", RegexOptions.Singleline)]
    private static partial Regex Summary();
}
