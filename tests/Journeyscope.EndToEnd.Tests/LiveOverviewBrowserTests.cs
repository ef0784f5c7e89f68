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
        await using var live = await LiveWorkspace.StartAsync(3);
        var page = await live.OpenAsync($"w/{Workspace}");
        var events = page.Locator("[data-testid=tile-events]");
        await Assertions.Expect(events).ToHaveTextAsync("3", new() { Timeout = 120_000 });
        var url = page.Url;
        var navigations = 0;
        page.FrameNavigated += (_, frame) => navigations += frame == page.MainFrame ? 1 : 0;

        // When 5 more events reach the collector
        await live.SendAsync(3, 5);

        // Then the overview shows 8 events, on the same page, without a navigation
        await Assertions.Expect(events).ToHaveTextAsync("8", new() { Timeout = 60_000 });
        page.Url.ShouldBe(url);
        navigations.ShouldBe(0);
    }

    [Fact]
    public async Task OverviewAndProcessMap_EventsArriveAtTheCollector_NewCaseAndNewActivityShowWithoutReload()
    {
        // Given a workspace with 2 customers' events, its overview open in one tab and its process map in another
        await using var live = await LiveWorkspace.StartAsync(4);
        var overview = await live.OpenAsync($"w/{Workspace}");
        var map = await live.OpenAsync($"w/{Workspace}/map");
        var cases = overview.Locator("[data-testid=tile-cases]");
        var drawn = map.Locator(".js-viz[data-kind=processMap][data-layout=done]");
        await Assertions.Expect(cases).ToHaveTextAsync("2", new() { Timeout = 120_000 });
        await Assertions.Expect(drawn).ToHaveAttributeAsync("data-activity-count", "2", new() { Timeout = 120_000 });
        var navigations = 0;
        overview.FrameNavigated += (_, frame) => navigations += frame == overview.MainFrame ? 1 : 0;
        map.FrameNavigated += (_, frame) => navigations += frame == map.MainFrame ? 1 : 0;

        // When a third customer's events, with an activity never seen, reach the collector
        await live.SendAsync(4, 2, "customer-new", "Live chat");

        // Then the overview counts 3 cases and the map draws the new activity, on the same pages, without a navigation
        await Assertions.Expect(cases).ToHaveTextAsync("3", new() { Timeout = 60_000 });
        await Assertions.Expect(drawn).ToHaveAttributeAsync("data-activity-count", "3", new() { Timeout = 60_000 });
        await Assertions.Expect(map.Locator("button", new() { HasText = "Live chat" }).First).ToBeAttachedAsync(new() { Timeout = 60_000 });
        navigations.ShouldBe(0);
    }

    /// <summary>
    /// The server with the workspace <see cref="Workspace"/>, an ingest key and the first events collected through it, and a
    /// signed-in browser context to open its pages in; disposing closes the browser, then the server.
    /// </summary>
    private sealed class LiveWorkspace : IAsyncDisposable
    {
        private readonly IPlaywright _playwright;
        private readonly IBrowser _browser;
        private readonly AppHost _host;
        private readonly HttpClient _http;
        private string _key = "";
        private IBrowserContext? _context;

        private LiveWorkspace(IPlaywright playwright, IBrowser browser, AppHost host)
        {
            _playwright = playwright;
            _browser = browser;
            _host = host;
            _http = host.CreateClient();
        }

        /// <summary>Starts the server and the browser, creates the workspace and its ingest key, and collects events 0 to <paramref name="events"/> - 1.</summary>
        public static async Task<LiveWorkspace> StartAsync(int events)
        {
            var (playwright, browser) = await SystemChromium.LaunchAsync();
            var live = new LiveWorkspace(playwright, browser, AppHost.Start(Workspace, demo: false));
            try
            {
                (await live._http.PostAsJsonAsync("api/v1/workspaces", new { name = Workspace }, Token)).EnsureSuccessStatusCode();
                using var created = await live._http.PostAsJsonAsync($"api/v1/workspaces/{Workspace}/keys", new { kind = "ingest" }, Token);
                live._key = JsonDocument.Parse(await created.Content.ReadAsStringAsync(Token)).RootElement.GetProperty("key").GetString()!;
                await live.SendAsync(0, events);
                live._context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
                await live._host.SignInAsync(live._context);
                return live;
            }
            catch
            {
                await live.DisposeAsync();
                throw;
            }
        }

        /// <summary>A new tab of the signed-in context at <paramref name="path"/>, once its circuit has taken over.</summary>
        public async Task<IPage> OpenAsync(string path)
        {
            var page = await _context!.NewPageAsync();
            page.SetDefaultTimeout(120_000);
            await page.GotoAsync(new Uri(_host.Address, path).ToString());
            await page.Locator("[data-interactive=true]").WaitForAsync();
            return page;
        }

        /// <summary>
        /// Sends events <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> - 1 to the collector in one
        /// batch: Browse and Order by two customers by turns, or all by <paramref name="user"/>, the last one <paramref name="activity"/> when given.
        /// </summary>
        public async Task SendAsync(int first, int count, string? user = null, string? activity = null)
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
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(_key + ":")));
            using var response = await _http.SendAsync(request, Token);
            response.EnsureSuccessStatusCode();
        }

        public async ValueTask DisposeAsync()
        {
            await _browser.CloseAsync();
            _playwright.Dispose();
            _http.Dispose();
            await _host.DisposeAsync();
        }
    }
}
