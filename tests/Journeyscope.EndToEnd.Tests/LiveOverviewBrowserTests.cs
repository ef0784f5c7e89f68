using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Journeyscope.EndToEnd.Tests;

/// <summary>The overview in headless Chromium follows the collector's live events without navigation or reload.</summary>
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

    private static async Task SendAsync(HttpClient http, string key, int first, int count)
    {
        var batch = Enumerable.Range(first, count).Select(n => new
        {
            type = "track",
            messageId = "live-" + n,
            userId = "customer-" + (n % 2),
            @event = n % 2 == 0 ? "Browse" : "Order",
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
