using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Journeyscope.EndToEnd.Tests;

/// <summary>The overview and the process map in headless Chromium follow the collector's live events without navigation or reload.</summary>
public sealed class LiveOverviewBrowserTests
{
    private const string Workspace = "live";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Overview_EventsArriveAtTheCollector_EventCountUpdatesWithoutNavigation()
    {
        // Given a workspace with 3 collected events and its overview open in the browser
        var (playwright, browser) = await SystemChromium.LaunchAsync();
        await using var host = AppHost.Start(Workspace, demo: false);
        using var http = host.CreateClient();
        (await http.PostAsJsonAsync("api/v1/workspaces", new { name = Workspace }, Token)).EnsureSuccessStatusCode();
        using var created = await http.PostAsJsonAsync($"api/v1/workspaces/{Workspace}/keys", new { kind = "ingest" }, Token);
        var key = JsonDocument.Parse(await created.Content.ReadAsStringAsync(Token)).RootElement.GetProperty("key").GetString()!;
        await SendAsync(http, key, 0, 3);
        try
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
            await host.SignInAsync(context);
            var page = await context.NewPageAsync();
            page.SetDefaultTimeout(120_000);
            await page.GotoAsync(new Uri(host.Address, $"w/{Workspace}").ToString());
            await page.Locator("[data-interactive=true]").WaitForAsync();
            var events = page.Locator("[data-testid=tile-events]");
            await Assertions.Expect(events).ToHaveTextAsync("3", new() { Timeout = 120_000 });
            var url = page.Url;
            var navigations = 0;
            page.FrameNavigated += (_, frame) => navigations += frame == page.MainFrame ? 1 : 0;

            // When 5 more events reach the collector
            await SendAsync(http, key, 3, 5);

            // Then the overview shows 8 events, on the same page, without a navigation
            await Assertions.Expect(events).ToHaveTextAsync("8", new() { Timeout = 60_000 });
            page.Url.ShouldBe(url);
            navigations.ShouldBe(0);
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }

    [Fact]
    public async Task OverviewAndProcessMap_EventsArriveAtTheCollector_NewCaseAndNewActivityShowWithoutReload()
    {
        // Given a workspace with 2 customers' events, its overview open in one tab and its process map in another
        var (playwright, browser) = await SystemChromium.LaunchAsync();
        await using var host = AppHost.Start(Workspace, demo: false);
        using var http = host.CreateClient();
        (await http.PostAsJsonAsync("api/v1/workspaces", new { name = Workspace }, Token)).EnsureSuccessStatusCode();
        using var created = await http.PostAsJsonAsync($"api/v1/workspaces/{Workspace}/keys", new { kind = "ingest" }, Token);
        var key = JsonDocument.Parse(await created.Content.ReadAsStringAsync(Token)).RootElement.GetProperty("key").GetString()!;
        await SendAsync(http, key, 0, 4);
        try
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
            await host.SignInAsync(context);
            var overview = await context.NewPageAsync();
            var map = await context.NewPageAsync();
            overview.SetDefaultTimeout(120_000);
            map.SetDefaultTimeout(120_000);
            await overview.GotoAsync(new Uri(host.Address, $"w/{Workspace}").ToString());
            await map.GotoAsync(new Uri(host.Address, $"w/{Workspace}/map").ToString());
            await overview.Locator("[data-interactive=true]").WaitForAsync();
            await map.Locator("[data-interactive=true]").WaitForAsync();
            var cases = overview.Locator("[data-testid=tile-cases]");
            var drawn = map.Locator(".js-viz[data-kind=processMap][data-layout=done]");
            await Assertions.Expect(cases).ToHaveTextAsync("2", new() { Timeout = 120_000 });
            await Assertions.Expect(drawn).ToHaveAttributeAsync("data-activity-count", "2", new() { Timeout = 120_000 });
            var navigations = 0;
            overview.FrameNavigated += (_, frame) => navigations += frame == overview.MainFrame ? 1 : 0;
            map.FrameNavigated += (_, frame) => navigations += frame == map.MainFrame ? 1 : 0;

            // When a third customer's events, with an activity never seen, reach the collector
            await SendAsync(http, key, 4, 2, "customer-new", "Live chat");

            // Then the overview counts 3 cases and the map draws the new activity, on the same pages, without a navigation
            await Assertions.Expect(cases).ToHaveTextAsync("3", new() { Timeout = 60_000 });
            await Assertions.Expect(drawn).ToHaveAttributeAsync("data-activity-count", "3", new() { Timeout = 60_000 });
            await Assertions.Expect(map.Locator("button", new() { HasText = "Live chat" }).First).ToBeAttachedAsync(new() { Timeout = 60_000 });
            navigations.ShouldBe(0);
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }

    private static async Task SendAsync(HttpClient http, string key, int first, int count, string? user = null, string? activity = null)
    {
        var batch = Enumerable.Range(first, count).Select(n => new
        {
            type = "track",
            messageId = "live-" + n,
            userId = user ?? "customer-" + (n % 2),
            @event = activity is not null && n == first + count - 1 ? activity : n % 2 == 0 ? "Browse" : "Order",
            timestamp = new DateTimeOffset(2026, 3, 1, 9, n, 0, TimeSpan.Zero),
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/batch")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { batch }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(key + ":")));
        using var response = await http.SendAsync(request, Token);
        response.EnsureSuccessStatusCode();
    }
}
