using System.Net.Http.Headers;
using System.Net.Http.Json;
using Journeyscope.TestSupport;
using Microsoft.Playwright;

namespace Journeyscope.EndToEnd.Tests;

/// <summary>One server and browser with the real bpic2012 log (262,200 events) in workspace "bpic2012", imported through the API.</summary>
public sealed class Bpic2012Fixture : IAsyncLifetime
{
    public const string Workspace = "bpic2012";

    private IPlaywright? _playwright;

    internal AppHost Host { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var file = SharedData.Path("logs/bpic2012.xes.gz");
        (_playwright, Browser) = await SystemChromium.LaunchAsync();
        Host = AppHost.Start();
        Directory.CreateDirectory(UsabilityFixture.Screenshots);
        using var http = Host.CreateClient();
        using (var created = await http.PostAsJsonAsync("api/v1/workspaces", new { name = Workspace }))
        {
            created.EnsureSuccessStatusCode();
        }

        using var content = new MultipartFormDataContent();
        using var part = new ByteArrayContent(await File.ReadAllBytesAsync(file));
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(part, "file", "bpic2012.xes.gz");
        using var imported = await http.PostAsync($"api/v1/workspaces/{Workspace}/imports", content);
        if (!imported.IsSuccessStatusCode)
        {
            throw new InvalidOperationException("Importing bpic2012 failed: " + await imported.Content.ReadAsStringAsync());
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }

    public Uri Url(string path) => new(Host.Address, $"w/{Workspace}/{path}");

    /// <summary>A page at 1280×800, with console messages collected (the tests assert on them).</summary>
    public async Task<(IBrowserContext Context, IPage Page, List<string> Console)> OpenAsync(Uri url)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        await Host.SignInAsync(context);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(180_000);
        var console = new List<string>();
        page.Console += (_, m) => console.Add(m.Type + ": " + m.Text);
        page.PageError += (_, e) => console.Add("page error: " + e);
        await page.GotoAsync(url.ToString());
        await page.Locator("[data-interactive=true]").WaitForAsync();
        return (context, page, console);
    }
}
