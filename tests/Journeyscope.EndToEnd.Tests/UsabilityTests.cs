using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace Journeyscope.EndToEnd.Tests;

/// <summary>Tablet width, keyboard access, the variant-vs-flow comparison and a 60+ activity map in headless Chromium.</summary>
public sealed class UsabilityTests(UsabilityFixture app) : IClassFixture<UsabilityFixture>
{
    private const string Ws = UsabilityFixture.Workspace;

    private static readonly string[] Pages = ["", "journeys", "map", "variants", "value-stream", "import"];

    [Theory]
    [InlineData(768, 1024)]
    [InlineData(1280, 800)]
    public async Task EveryPage_TabletAndLaptopWidth_NoHorizontalPageScroll(int width, int height)
    {
        // Given a browser at the width
        using var http = app.Host.CreateClient();
        var variants = JsonDocument.Parse(await http.GetStringAsync(
            new Uri(app.Host.Address, $"api/v1/workspaces/{Ws}/variants?top=1"), TestContext.Current.CancellationToken)).RootElement;
        var caseId = variants.GetProperty("variants")[0].GetProperty("exampleCases")[0].GetString()!;
        var (context, page, console) = await app.OpenAsync(width, height);
        try
        {
            foreach (var path in Pages.Append("cases/" + Uri.EscapeDataString(caseId)))
            {
                // When each page has loaded
                await OpenAsync(page, app.Url(Ws, path));
                var name = path.Length == 0 ? "overview" : path.Replace('/', '-');
                await UsabilityFixture.Shot(page, $"width-{width}-{name}");

                // Then the page is no wider than the viewport (tables and drawings scroll in their own boxes)
                var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
                overflow.ShouldBeLessThanOrEqualTo(0, $"/{path} at {width}px scrolls sideways by {overflow}px");
            }
        }
        catch
        {
            await FailAsync(page, console, $"width-{width}");
            throw;
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task Navigation_TabletWidth_IsAnOverlayOpenedByTheMenuButton()
    {
        // Given the overview at tablet width
        var (context, page, console) = await app.OpenAsync(768, 1024);
        try
        {
            await OpenAsync(page, app.Url(Ws, ""));
            var variantsLink = page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Variants" });
            (await variantsLink.IsVisibleAsync()).ShouldBeFalse("the drawer starts closed on a tablet, leaving the page its full width");

            // When the menu button is pressed
            await page.Locator("[data-testid=menu-button]").ClickAsync();

            // Then the navigation opens over the page and a link in it works
            await variantsLink.WaitForAsync();
            (await page.Locator("[data-testid=menu-button]").GetAttributeAsync("aria-expanded")).ShouldBe("true");
            await UsabilityFixture.Shot(page, "tablet-nav-open");
            var pageLeft = await page.EvaluateAsync<double>("() => document.querySelector('#main-content').getBoundingClientRect().left");
            pageLeft.ShouldBeLessThan(100, "an overlay does not push the page aside");
            await variantsLink.ClickAsync();
            await page.WaitForURLAsync("**/variants");
            await page.Locator("[data-testid=variants-table]").WaitForAsync();
        }
        catch
        {
            await FailAsync(page, console, "tablet-nav");
            throw;
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task Keyboard_SkipLinkMapListAndCase_AllReachableAndOperable()
    {
        // Given the process map page
        var (context, page, console) = await app.OpenAsync(1280, 800);
        try
        {
            await OpenAsync(page, app.Url(Ws, "map"));
            await page.Locator(".js-viz[data-kind=processMap][data-layout=done]").WaitForAsync();

            // When Tab is pressed first, Then the skip link has the focus, and Enter moves the focus into the page
            await page.Keyboard.PressAsync("Tab");
            (await ActiveAsync(page, "el => el.dataset.testid")).ShouldBe("skip-link");
            (await page.Locator("[data-testid=skip-link]").BoundingBoxAsync())!.Y.ShouldBeGreaterThanOrEqualTo(0, "the focused skip link is on screen");
            await page.Keyboard.PressAsync("Enter");
            // The focus moves on the server's answer over the circuit: wait for it, briefly.
            await page.WaitForFunctionAsync("() => document.activeElement?.id === 'main-content'", null, new PageWaitForFunctionOptions { Timeout = 10_000 });

            // When Tab moves on, Then it reaches the map's activity list (the canvas itself cannot take the focus)
            await TabUntilAsync(page, "el => !!el.closest('[data-testid=map-activities]') && el.tagName === 'BUTTON'");
            var activity = await ActiveAsync(page, "el => el.textContent.trim()");
            await UsabilityFixture.Shot(page, "keyboard-map-list");

            // When Enter is pressed on it, Then its cases are listed and a case opens by Enter
            await page.Keyboard.PressAsync("Enter");
            await page.Locator("[data-testid=selection] tbody tr").First.WaitForAsync();
            (await page.Locator("[data-testid=selection]").InnerTextAsync()).ShouldContain("Cases with " + activity);
            await TabUntilAsync(page, "el => !!el.closest('[data-testid=selection]') && el.tagName === 'A'");
            var caseId = await ActiveAsync(page, "el => el.textContent.trim()");
            await page.Keyboard.PressAsync("Enter");
            await page.Locator("[data-testid=case-events] tbody tr").First.WaitForAsync();
            (await page.Locator("[data-testid=case-id]").InnerTextAsync()).ShouldBe(caseId);
            await UsabilityFixture.Shot(page, "keyboard-case");
        }
        catch
        {
            await FailAsync(page, console, "keyboard");
            throw;
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task Variants_ReceiptJourney_ComparesTheVariantWithTheDesignedFlowAsTheApiDoes()
    {
        // Given what the API says about variant 2 against the receipt sample journey
        using var http = app.Host.CreateClient();
        var api = JsonDocument.Parse(await http.GetStringAsync(
            new Uri(app.Host.Address, $"api/v1/workspaces/{Ws}/journeys/receipt/variants/2/alignment"), TestContext.Current.CancellationToken)).RootElement;
        var kinds = api.GetProperty("moves").EnumerateArray().Select(m => m.GetProperty("kind").GetString()).ToList();
        var (context, page, console) = await app.OpenAsync(1280, 800);
        try
        {
            // When the variants page opens and variant 2 is chosen
            await OpenAsync(page, app.Url(Ws, "variants"));
            await page.Locator("[data-testid=move-strip] li").First.WaitForAsync();
            await page.Locator("button[aria-label='Show variant 2']").ClickAsync();
            await page.Locator("#compare-heading", new PageLocatorOptions { HasText = "Variant 2" }).WaitForAsync();
            await page.Locator("[data-testid=move-strip] li").First.WaitForAsync();

            // Then the strip shows the API's moves in order, each kind in words, and the fitness
            (await page.Locator("[data-testid=move-strip] li").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.kind)")).ShouldBe(kinds);
            var summary = await page.Locator("[data-testid=alignment-summary]").InnerTextAsync();
            summary.ShouldContain("Fitness");
            summary.Contains("follows the designed flow exactly", StringComparison.Ordinal).ShouldBe(api.GetProperty("fits").GetBoolean());
            (await page.Locator("[data-testid=move-strip] li .js-move__kind").AllInnerTextsAsync())
                .ShouldAllBe(t => t.Contains("As designed", StringComparison.Ordinal) || t.Contains("Inserted", StringComparison.Ordinal) || t.Contains("Skipped", StringComparison.Ordinal));
            await page.Locator("[data-testid=variant-vs-flow]").ScrollIntoViewIfNeededAsync();
            await UsabilityFixture.Shot(page, "variant-vs-flow");
        }
        catch
        {
            await FailAsync(page, console, "variant-vs-flow");
            throw;
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task ProcessMap_SixtyTwoActivities_OpensAtAReadableZoomAndFitsOnRequest()
    {
        // Given the generated log with 62 activities with long names
        var (context, page, console) = await app.OpenAsync(1280, 800);
        try
        {
            // When its map opens (at the readable default: at most 25 activities) and both sliders go to 100 %
            await OpenAsync(page, app.Url(UsabilityFixture.Wide, "map"));
            var map = page.Locator(".js-viz[data-kind=processMap][data-layout=done]");
            await map.WaitForAsync();
            int.Parse((await map.GetAttributeAsync("data-activity-count"))!, CultureInfo.InvariantCulture).ShouldBeLessThanOrEqualTo(25);
            await page.Locator("input[type=range]").First.FillAsync("1");
            await page.Locator("input[type=range]").Nth(1).FillAsync("1");
            await page.WaitForFunctionAsync(
                "n => { const m = document.querySelector('.js-viz[data-kind=processMap]'); return m && m.getAttribute('data-layout') === 'done' && +m.getAttribute('data-activity-count') === n; }",
                UsabilityFixture.WideActivities);
            await UsabilityFixture.Shot(page, "map-62-activities");

            // Then every activity is drawn, at a zoom where 11px labels stay readable
            (await map.GetAttributeAsync("data-activity-count")).ShouldBe(UsabilityFixture.WideActivities.ToString(CultureInfo.InvariantCulture));
            var zoom = double.Parse((await map.GetAttributeAsync("data-zoom"))!, CultureInfo.InvariantCulture);
            zoom.ShouldBeGreaterThanOrEqualTo(0.65);

            // When the Fit button is pressed, Then the whole map is shown, smaller
            await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Fit the whole map" }).ClickAsync();
            var fitted = double.Parse((await map.GetAttributeAsync("data-zoom"))!, CultureInfo.InvariantCulture);
            fitted.ShouldBeLessThan(zoom);
            await UsabilityFixture.Shot(page, "map-62-activities-fit");
        }
        catch
        {
            await FailAsync(page, console, "map-62");
            throw;
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    private static async Task OpenAsync(IPage page, Uri url)
    {
        await page.GotoAsync(url.ToString());
        await page.Locator("[data-interactive=true]").WaitForAsync();
        // Loaded: no skeleton and no progress bar left.
        await page.WaitForFunctionAsync("() => !document.querySelector('.mud-skeleton, .mud-progress-linear')", null, new PageWaitForFunctionOptions { Timeout = 120_000 });
    }

    private static Task<string> ActiveAsync(IPage page, string expression) =>
        page.EvaluateAsync<string>($"() => {{ const el = document.activeElement; return el ? String(({expression})(el)) : ''; }}");

    private static async Task TabUntilAsync(IPage page, string predicate)
    {
        for (var i = 0; i < 300; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>($"() => {{ const el = document.activeElement; return !!el && ({predicate})(el); }}"))
            {
                return;
            }
        }

        throw new InvalidOperationException($"300 presses of Tab never reached an element where {predicate}.");
    }

    private static async Task FailAsync(IPage page, List<string> console, string name)
    {
        await UsabilityFixture.Shot(page, name + "-failure");
        await File.WriteAllLinesAsync(Path.Combine(UsabilityFixture.Screenshots, name + "-failure-console.txt"), console);
    }
}
