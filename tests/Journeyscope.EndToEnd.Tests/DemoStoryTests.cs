using System.Net.Http.Json;
using System.Text.Json;
using Journeyscope.IO.Journeys;
using Journeyscope.Kpis;
using Microsoft.Playwright;

namespace Journeyscope.EndToEnd.Tests;

/// <summary>The demo tells one consistent story on the pages, and a journey can be drafted and edited without writing YAML.</summary>
public sealed class DemoStoryTests(DemoStoryFixture app) : IClassFixture<DemoStoryFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pages_Demo_ActivitiesChartDrawnAndSurveyScoresReadTheSameEverywhere()
    {
        var (context, page, console) = await app.OpenAsync(1280, 800);
        try
        {
            // When the overview opens, Then the most frequent activities are drawn (the issue saw an empty chart)
            await page.GotoAsync(app.Url(DemoStoryFixture.Demo, "").ToString());
            var bars = page.Locator(".js-viz[data-kind=bars]");
            await bars.Locator("svg text", new LocatorLocatorOptions { HasText = "View product" }).First.WaitForAsync();
            (await bars.Locator("svg path").CountAsync()).ShouldBeGreaterThan(10);
            await page.Locator("[data-testid=kpi-value-nps]").WaitForAsync();
            var nps = await page.Locator("[data-testid=kpi-value-nps]").InnerTextAsync();
            nps.ShouldMatch(@"^-?\d+\.\d$");
            await UsabilityFixture.Shot(page, "demo-overview");

            // And the KPI page and the voice of the customer page show the same NPS text; FCR is not 100 %
            await page.GotoAsync(app.Url(DemoStoryFixture.Demo, "kpis").ToString());
            await page.Locator("[data-testid=kpi-value-nps]").WaitForAsync();
            (await page.Locator("[data-testid=kpi-value-nps]").InnerTextAsync()).ShouldBe(nps);
            var fcr = await page.Locator("[data-testid=kpi-value-first-contact-resolution]").InnerTextAsync();
            fcr.ShouldEndWith("%");
            fcr.ShouldNotBe("100.0%");
            var ces = await page.Locator("[data-testid=kpi-value-ces]").InnerTextAsync();
            await page.GotoAsync(app.Url(DemoStoryFixture.Demo, "voc").ToString());
            await page.Locator("[data-testid=survey-score-nps]").WaitForAsync();
            (await page.Locator("[data-testid=survey-score-nps]").InnerTextAsync()).ShouldBe(nps);
            (await page.Locator("[data-testid=survey-score-ces]").InnerTextAsync()).ShouldBe(ces);

            // And CES's high-effort end is the one the journey declares (target >= 5.5: higher is better)
            (await page.Locator("[data-testid=unhappy-definition]").InnerTextAsync()).ShouldContain("CES 1-3");
            await context.CloseAsync();
        }
        catch
        {
            await Fail(page, "demo-pages-failure", console);
            throw;
        }
    }

    [Fact]
    public async Task Monitoring_DemoWithAWeeklySchedule_PageShowsScheduleSeriesAlertsDriftAndLiveSections()
    {
        // Given a weekly schedule on the demo journey since its first week, taken now through the API
        using (var http = app.Host.CreateClient())
        {
            var api = $"api/v1/workspaces/{DemoStoryFixture.Demo}";
            using var saved = await http.PutAsJsonAsync($"{api}/monitoring/schedules/weekly", new { journey = "retail", cron = "0 0 * * 1", since = "2025-01-06T00:00:00Z" }, Token);
            saved.EnsureSuccessStatusCode();
            using var run = await http.PostAsync($"{api}/monitoring/run", null, Token);
            run.EnsureSuccessStatusCode();
        }

        var (context, page, console) = await app.OpenAsync(1280, 800);
        var failed = new List<string>();
        page.Response += (_, r) =>
        {
            if (r.Status >= 400)
            {
                failed.Add($"{r.Status} {r.Url}");
            }
        };
        try
        {
            // When the Monitoring page opens
            await page.GotoAsync(app.Url(DemoStoryFixture.Demo, "monitoring").ToString());
            await page.Locator("[data-interactive=true]").WaitForAsync();

            // Then it lists the schedule, draws the KPI series, and has the alert history, drift and live customers sections
            await page.Locator("[data-testid=monitoring-schedule]", new PageLocatorOptions { HasText = "weekly" }).First.WaitForAsync();
            await page.Locator("[data-testid=monitoring-series] .js-viz svg, [data-testid=monitoring-series] svg").First.WaitForAsync();
            (await page.Locator("[data-testid=monitoring-alerts]").CountAsync()).ShouldBe(1);
            (await page.Locator("[data-testid=monitoring-drift]").CountAsync()).ShouldBe(1);
            await page.Locator("[data-testid=monitoring-live] [data-testid=live-deviations]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
            await page.Locator("[data-testid=monitoring-live] [data-testid=rule-firings]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
            await UsabilityFixture.Shot(page, "demo-monitoring");

            // And the browser loaded every resource and logged no error (a missing resource once showed a 404 here)
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            failed.ShouldBeEmpty();
            console.Where(m => m.StartsWith("error", StringComparison.Ordinal) || m.StartsWith("page error", StringComparison.Ordinal)).ShouldBeEmpty();
            await context.CloseAsync();
        }
        catch
        {
            await Fail(page, "demo-monitoring-failure", console);
            throw;
        }
    }

    [Fact]
    public async Task Journey_DemoAt1280_CardsAgreeWithConformanceEveryStageReachableNothingClipped()
    {
        // Given the conformance the page reads
        using var http = app.Host.CreateClient();
        var c = await http.GetFromJsonAsync<JsonElement>($"api/v1/workspaces/{DemoStoryFixture.Demo}/journeys/retail/conformance?top=50", Token);
        var cases = c.GetProperty("cases").GetInt32();
        var leaving = cases - c.GetProperty("fittingCases").GetInt32();
        var pay = c.GetProperty("touchpoints").EnumerateArray().Single(t => t.GetProperty("id").GetString() == "pay");
        var payShare = KpiFormat.Share(pay.GetProperty("deviationRate").GetDouble());
        var (context, page, console) = await app.OpenAsync(1280, 800);
        try
        {
            // When the journey page opens at 1280 px
            await page.GotoAsync(app.Url(DemoStoryFixture.Demo, "journeys").ToString());
            await page.Locator("[data-testid=deviation-breakdown]").WaitForAsync();
            var blueprint = page.Locator(".js-blueprint");
            await blueprint.WaitForAsync();

            // Then the summary's share leaving the design is the API's, and the pay card and its panel give one figure
            (await page.Locator("[data-testid=deviation-breakdown]").InnerTextAsync()).ShouldContain($"The other {leaving:N0} ({KpiFormat.Share((double)leaving / cases)}) leave it");
            (await page.Locator("[data-touchpoint=pay]").InnerTextAsync()).ShouldContain(payShare + " deviating");
            payShare.ShouldNotBe("0.0%");
            await page.Locator("[data-touchpoint=pay]").ClickAsync();
            (await page.Locator("[data-testid=deviating-row]").InnerTextAsync()).ShouldContain(payShare);
            (await page.Locator("[data-testid=deviation-patterns]").InnerTextAsync()).ShouldContain("skipped Onboarding email");
            (await page.Locator("[data-testid=deviation-patterns] [data-testid=pattern-text]").AllInnerTextsAsync()).ShouldAllBe(t => !t.Contains('?'));

            // And the page never scrolls sideways; the blueprint does, keeping its lane headers in view up to the last stage
            (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue();
            var layout = await blueprint.EvaluateAsync<JsonElement>("""
                b => {
                  b.scrollLeft = b.scrollWidth;
                  const box = b.getBoundingClientRect();
                  const stages = [...b.querySelectorAll('[data-stage]')];
                  const last = stages[stages.length - 1].getBoundingClientRect();
                  const lane = b.querySelector('[role=rowheader]').getBoundingClientRect();
                  const clipped = [...b.querySelectorAll('[data-touchpoint]')]
                    .filter(c => c.scrollWidth > c.clientWidth + 1 || c.scrollHeight > c.clientHeight + 1).map(c => c.dataset.touchpoint);
                  return { stages: stages.length, scrolls: b.scrollWidth > b.clientWidth, lastInView: last.right <= box.right + 1 && last.left >= box.left,
                           laneLeft: lane.left - box.left, clipped };
                }
                """);
            layout.GetProperty("stages").GetInt32().ShouldBe(8);
            layout.GetProperty("lastInView").GetBoolean().ShouldBeTrue();
            layout.GetProperty("laneLeft").GetDouble().ShouldBeInRange(-1, 1);
            layout.GetProperty("clipped").GetArrayLength().ShouldBe(0, layout.GetProperty("clipped").ToString());
            await UsabilityFixture.Shot(page, "demo-journey-1280");
            await context.CloseAsync();
        }
        catch
        {
            await Fail(page, "demo-journey-failure", console);
            throw;
        }
    }

    [Fact]
    public async Task Journey_DraftFromUiThenEditTouchpoint_SavesValidYamlAndShowsConformance()
    {
        var (context, page, console) = await app.OpenAsync(1280, 800);
        try
        {
            // Given a workspace with events and no journey
            await page.GotoAsync(app.Url(DemoStoryFixture.Orders, "journeys").ToString());
            await page.Locator("[data-testid=no-journey]").WaitForAsync();

            // When a journey is drafted from the UI
            await page.Locator("[data-testid=draft-journey][data-ready=true]").ClickAsync();
            await page.WaitForURLAsync("**/journeys/draft", new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
            await page.Locator("[data-testid=conformance-summary]").WaitForAsync();
            (await page.Locator("[data-testid=conformance-summary]").InnerTextAsync()).ShouldContain($"of {DemoStoryFixture.OrderCases} cases follow the designed flow");

            // And a touchpoint is renamed and moved to another stage in place
            var card = page.Locator(".js-blueprint [data-touchpoint]").First;
            var id = (await card.GetAttributeAsync("data-touchpoint"))!;
            await card.ClickAsync();
            await page.Locator("[data-testid=edit-touchpoint]").ClickAsync();
            await page.Locator("[data-testid=edit-name]").FillAsync("Customer places the order");
            var stage = page.Locator("[data-testid=edit-stage]");
            var current = await stage.InputValueAsync();
            var other = (await stage.Locator("option").EvaluateAllAsync<string[]>("os => os.map(o => o.value)")).First(v => v != current);
            await stage.SelectOptionAsync(other);
            await page.Locator("[data-testid=save-touchpoint]").ClickAsync();
            await page.Locator("[data-testid=edit-saved]").WaitForAsync();

            // Then the card shows the new name, conformance is shown, and the saved YAML is valid with the edit
            await page.Locator($".js-blueprint [data-touchpoint={id}]", new PageLocatorOptions { HasText = "Customer places the order" }).WaitForAsync();
            (await page.Locator("[data-testid=conformance-summary]").InnerTextAsync()).ShouldContain("cases follow the designed flow");
            using var http = app.Host.CreateClient();
            var yaml = await http.GetStringAsync($"api/v1/workspaces/{DemoStoryFixture.Orders}/journeys/draft", Token);
            var read = JourneyYaml.Parse(yaml);
            read.HasErrors.ShouldBeFalse(string.Join("\n", read.Diagnostics));
            var touchpoint = read.Journey!.Touchpoints.Single(t => t.Id == id);
            touchpoint.Name.ShouldBe("Customer places the order");
            touchpoint.Stage.ShouldBe(other);
            await UsabilityFixture.Shot(page, "draft-edited");
            await context.CloseAsync();
        }
        catch
        {
            await Fail(page, "draft-edit-failure", console);
            throw;
        }
    }

    private static async Task Fail(IPage page, string name, List<string> console)
    {
        await UsabilityFixture.Shot(page, name);
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(Environment.NewLine, console));
    }
}
