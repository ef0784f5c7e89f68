using System.Globalization;
using System.Text.Json;
using Journeyscope.Discovery;
using Microsoft.Playwright;

namespace Journeyscope.EndToEnd.Tests;

/// <summary>The process map, variants and funnels pages on the real bpic2012 log in headless Chromium.</summary>
public sealed class ProcessMapBrowserTests(Bpic2012Fixture app) : IClassFixture<Bpic2012Fixture>
{
    /// <summary>bpic2012's most frequent path: from this activity to itself (38,004 times; 42,464 with other activities hidden).</summary>
    private const string Loop = "W_Completeren aanvraag";

    private const string MapSelector = ".js-viz[data-kind=processMap][data-layout=done]";

    [Fact]
    public async Task ProcessMap_Bpic2012_OpensReadableWithItsSelfLoopDrawnAndNoCountOnANode()
    {
        // Given the readable map the API computes for bpic2012
        using var http = app.Host.CreateClient();
        var expected = await JsonAsync(http, "process-map?sliders=readable");
        var (context, page, console) = await app.OpenAsync(app.Url("map"));
        try
        {
            // When the map page opens
            var map = page.Locator(MapSelector);
            await map.WaitForAsync();
            await UsabilityFixture.Shot(page, "bpic2012-map");

            // Then it shows that map: at most 25 activities, the most significant paths, and fewer than the full graph
            var nodes = expected.GetProperty("nodes").GetArrayLength();
            var edges = expected.GetProperty("edges").GetArrayLength();
            nodes.ShouldBeLessThanOrEqualTo(ProcessMapDefaults.MaxActivities);
            (await map.GetAttributeAsync("data-activity-count")).ShouldBe(nodes.ToString(CultureInfo.InvariantCulture));
            (await map.GetAttributeAsync("data-edge-count")).ShouldBe(edges.ToString(CultureInfo.InvariantCulture));
            var full = await JsonAsync(http, "process-map");
            edges.ShouldBeLessThan(full.GetProperty("edges").GetArrayLength());

            // And the busiest path, the self-loop, is on it and drawn: no "invalid endpoints" from cytoscape
            expected.GetProperty("edges").EnumerateArray().ShouldContain(e => e.GetProperty("id").GetString() == Loop + "→" + Loop);
            int.Parse((await map.GetAttributeAsync("data-self-loops"))!, CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
            (await map.EvaluateAsync<bool>("(el, a) => el.journeyscopeEdgePoint(a, a) !== null", Loop)).ShouldBeTrue();
            console.ShouldNotContain(m => m.Contains("invalid endpoints", StringComparison.Ordinal));
            console.ShouldNotContain(m => m.StartsWith("page error", StringComparison.Ordinal));

            // And no edge count sits on a node
            (await map.GetAttributeAsync("data-labels-on-nodes")).ShouldBe("0");
        }
        catch
        {
            await FailAsync(page, console, "bpic2012-map");
            throw;
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task ProcessMap_ActivitySliderLoweredThenSelfLoopClicked_ListsAsManyCasesAsTheEdgeCounts()
    {
        // Given the bpic2012 map with the activity slider lowered to 50 %, so hidden activities reconnect paths
        using var http = app.Host.CreateClient();
        var (context, page, console) = await app.OpenAsync(app.Url("map"));
        try
        {
            await page.Locator(MapSelector).WaitForAsync();
            await page.Locator("input[type=range]").First.FillAsync("0.5");
            await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=map-counts]')?.dataset.activities === '0.5' && !!document.querySelector('" + MapSelector + "') && !document.querySelector('.mud-progress-linear')");
            var counts = page.Locator("[data-testid=map-counts]");
            var sliders = $"activities={await counts.GetAttributeAsync("data-activities")}&paths={await counts.GetAttributeAsync("data-paths")}";
            var shown = await JsonAsync(http, "process-map?" + sliders);
            var edge = shown.GetProperty("edges").EnumerateArray().Single(e => e.GetProperty("id").GetString() == Loop + "→" + Loop);
            var direct = await JsonAsync(http, $"cases?from={Uri.EscapeDataString(Loop)}&to={Uri.EscapeDataString(Loop)}&pageSize=1");

            // When the self-loop is clicked on the canvas (the whole map fitted and in view first)
            var map = page.Locator(MapSelector);
            await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Fit the whole map" }).ClickAsync();
            await map.ScrollIntoViewIfNeededAsync();
            var point = await map.EvaluateAsync<JsonElement>("(el, a) => el.journeyscopeEdgePoint(a, a)", Loop);
            var box = (await map.BoundingBoxAsync())!;
            await page.Mouse.ClickAsync(box.X + point.GetProperty("x").GetSingle(), box.Y + point.GetProperty("y").GetSingle());

            // Then the cases listed are the edge's cases as drawn (hidden steps removed), which outnumber its direct ones
            var selection = page.Locator("[data-testid=selection]");
            await selection.Locator(".mud-table, table").First.WaitForAsync();
            (await selection.InnerTextAsync()).ShouldContain($"Cases going {Loop} → {Loop}");
            var total = edge.GetProperty("cases").GetInt64();
            (await selection.InnerTextAsync()).ShouldContain(total.ToString("N0", CultureInfo.InvariantCulture) + " cases");
            total.ShouldBeGreaterThan(direct.GetProperty("total").GetInt64());
            await UsabilityFixture.Shot(page, "bpic2012-map-edge-cases");
        }
        catch
        {
            await FailAsync(page, console, "bpic2012-edge-cases");
            throw;
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task Variants_Bpic2012_CoverageCurveEndsAtTheTablesLastCoverage()
    {
        // Given the variants page of bpic2012 (thousands of variants: the top 50 cover far from all cases)
        var (context, page, console) = await app.OpenAsync(app.Url("variants"));
        try
        {
            // When the coverage curve is drawn
            var curve = page.Locator(".js-viz[data-kind=coverage][data-coverage]");
            await curve.WaitForAsync();
            await UsabilityFixture.Shot(page, "bpic2012-variants");

            // Then its last point is the coverage in the table's last row, a share of all cases
            var last = double.Parse((await curve.GetAttributeAsync("data-coverage"))!, CultureInfo.InvariantCulture);
            var rows = page.Locator("[data-testid=variants-table] tbody tr");
            var coverage = await rows.Nth(await rows.CountAsync() - 1).Locator("td").Nth(3).InnerTextAsync();
            (last * 100).ToString("0.#", CultureInfo.InvariantCulture).ShouldBe(coverage.Trim().TrimEnd('%'));
            last.ShouldBeLessThan(0.9);

            // And each row shows its steps inline
            (await rows.First.Locator("[data-testid=variant-steps] li").CountAsync()).ShouldBeGreaterThan(1);
        }
        catch
        {
            await FailAsync(page, console, "bpic2012-variants");
            throw;
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task Funnels_Bpic2012_BarWidthsAreProportionalAndTheDropOffSitsOnTheStepNotReached()
    {
        // Given the funnels page, which opens on the top variant's first steps
        var (context, page, console) = await app.OpenAsync(app.Url("funnels"));
        try
        {
            var bars = page.Locator("[data-testid=funnel-bar]");
            await bars.First.WaitForAsync();
            await UsabilityFixture.Shot(page, "bpic2012-funnel");

            // When the bars are measured
            var measured = await bars.EvaluateAllAsync<JsonElement>("""
                els => els.map(el => {
                  const track = el.querySelector('.js-funnel__track').getBoundingClientRect().width;
                  const dropped = el.querySelector('[data-testid=funnel-bar-dropped]');
                  return {
                    entered: Number(el.dataset.entered),
                    width: el.querySelector('[data-testid=funnel-bar-entered]').getBoundingClientRect().width / track,
                    dropped: dropped ? dropped.getBoundingClientRect().width / track : 0,
                  };
                })
                """);

            // Then each bar's width is its count over the widest step's, and a step's bar plus its drop-off is the
            // previous step's bar (the drop-off is drawn where it happens)
            var steps = measured.EnumerateArray().ToList();
            steps.Count.ShouldBeGreaterThan(1);
            var widest = steps.Max(s => s.GetProperty("entered").GetDouble());
            foreach (var s in steps)
            {
                s.GetProperty("width").GetDouble().ShouldBe(s.GetProperty("entered").GetDouble() / widest, 0.01);
            }

            for (var i = 1; i < steps.Count; i++)
            {
                (steps[i].GetProperty("width").GetDouble() + steps[i].GetProperty("dropped").GetDouble())
                    .ShouldBe(steps[i - 1].GetProperty("width").GetDouble(), 0.01);
            }

            steps.Sum(s => s.GetProperty("dropped").GetDouble()).ShouldBeGreaterThan(0);
        }
        catch
        {
            await FailAsync(page, console, "bpic2012-funnel");
            throw;
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    private async Task<JsonElement> JsonAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync($"api/v1/workspaces/{Bpic2012Fixture.Workspace}/{path}", TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();
    }

    private static async Task FailAsync(IPage page, List<string> console, string name)
    {
        await UsabilityFixture.Shot(page, name + "-failure");
        await File.WriteAllLinesAsync(Path.Combine(UsabilityFixture.Screenshots, name + "-failure-console.txt"), console);
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(Environment.NewLine, console));
    }
}
