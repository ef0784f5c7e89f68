using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Journeyscope.EndToEnd.Tests;

/// <summary>
/// One server and browser for the demo story tests: the retail demo simulated into workspace "demo" (as a new user's
/// first start), and workspace "orders" with a small generated log and no journey, for drafting one from the UI.
/// </summary>
public sealed class DemoStoryFixture : IAsyncLifetime
{
    public const string Demo = "demo";
    public const string Orders = "orders";
    public const int OrderCases = 40;

    private IPlaywright? _playwright;

    internal AppHost Host { get; private set; } = null!;

    /// <summary>Every request the server answered, the UI's API calls included.</summary>
    internal ApiRequestLog Requests { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        (_playwright, Browser) = await SystemChromium.LaunchAsync();
        Host = AppHost.Start(Demo, demo: true, services => services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(Requests));
        Directory.CreateDirectory(UsabilityFixture.Screenshots);
        using var http = Host.CreateClient();
        await UsabilityFixture.ImportAsync(http, Orders, Encoding.UTF8.GetBytes(OrdersLog()), "orders.csv");
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

    /// <summary>A page at the given viewport, with console messages collected for failure reports.</summary>
    public async Task<(IBrowserContext Context, IPage Page, List<string> Console)> OpenAsync(int width, int height)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        await Host.SignInAsync(context);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(120_000);
        var console = new List<string>();
        page.Console += (_, m) => console.Add(m.Type + ": " + m.Text);
        page.PageError += (_, e) => console.Add("page error: " + e);
        return (context, page, console);
    }

    public Uri Url(string workspace, string path) => new(Host.Address, $"w/{workspace}/{path}");

    /// <summary>Six steps in order, every fifth case without "Check stock": the draft spreads them over several stages.</summary>
    private static string OrdersLog()
    {
        var text = new StringBuilder("case_id,activity,timestamp\n");
        var start = new DateTimeOffset(2024, 5, 1, 8, 0, 0, TimeSpan.Zero);
        string[] steps = ["Place order", "Check stock", "Pick items", "Pack parcel", "Ship parcel", "Confirm delivery"];
        for (var c = 0; c < OrderCases; c++)
        {
            var t = start.AddHours(c * 3);
            foreach (var step in steps)
            {
                if (c % 5 == 4 && step == "Check stock")
                {
                    continue;
                }

                t = t.AddMinutes(20);
                text.Append(CultureInfo.InvariantCulture, $"o-{c:000},{step},{t:yyyy-MM-ddTHH:mm:ssK}\n");
            }
        }

        return text.ToString();
    }
}
