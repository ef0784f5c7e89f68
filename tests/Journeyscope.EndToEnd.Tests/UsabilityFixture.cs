using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Journeyscope.TestSupport;
using Microsoft.Playwright;

namespace Journeyscope.EndToEnd.Tests;

/// <summary>
/// One server and browser for the tablet, keyboard and comparison tests: the receipt log and its sample journey in
/// workspace "receipt" (imported through the API, the wizard has its own test), and a generated 60-activity log in "wide".
/// </summary>
public sealed class UsabilityFixture : IAsyncLifetime
{
    public const string Workspace = "receipt";
    public const string Wide = "wide";
    public const int WideActivities = 62; // 6 branches of 10 steps, intake and closing
    public static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    private IPlaywright? _playwright;

    internal AppHost Host { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var file = SharedData.Path("logs/receipt.xes.gz");
        (_playwright, Browser) = await SystemChromium.LaunchAsync();
        Host = AppHost.Start();
        Directory.CreateDirectory(Screenshots);
        using var http = Host.CreateClient();
        await ImportAsync(http, Workspace, await File.ReadAllBytesAsync(file), "receipt.xes.gz");
        var yaml = await File.ReadAllTextAsync(BrowserTests.RepositoryFile("samples/receipt/journeys/receipt.yaml"));
        using (var put = await http.PutAsync($"api/v1/workspaces/{Workspace}/journeys/receipt", new StringContent(yaml, Encoding.UTF8, "application/yaml")))
        {
            put.EnsureSuccessStatusCode();
        }

        await ImportAsync(http, Wide, Encoding.UTF8.GetBytes(WideLog()), "wide.csv");
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

    public static async Task Shot(IPage page, string name)
    {
        var path = Path.Combine(Screenshots, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.Current.AddAttachment(name, await File.ReadAllBytesAsync(path), "image/png");
    }

    /// <summary>
    /// 60 activities with long names in 6 parallel-ish branches of 10 steps, so the map is wide and deep: 120 cases, each
    /// runs intake, one branch in order (sometimes skipping a step), then closing.
    /// </summary>
    private static string WideLog()
    {
        var text = new StringBuilder("case_id,activity,timestamp\n");
        var start = new DateTimeOffset(2024, 1, 1, 8, 0, 0, TimeSpan.Zero);
        string Name(int branch, int step) => branch < 0
            ? (step == 0 ? "Intake of the customer request at the front desk" : "Closing the file and informing the customer")
            : $"B{branch + 1} step {step + 1:00}: review the supporting documents and record the outcome";
        for (var c = 0; c < 120; c++)
        {
            var t = start.AddHours(c);
            var branch = c % 6;
            var activities = new List<string> { Name(-1, 0) };
            for (var step = 0; step < 10; step++)
            {
                if ((c / 6 + step) % 7 != 3)
                {
                    activities.Add(Name(branch, step));
                }
            }

            activities.Add(Name(-1, 1));
            foreach (var a in activities)
            {
                t = t.AddMinutes(17);
                text.Append(CultureInfo.InvariantCulture, $"case-{c:000},\"{a}\",{t:yyyy-MM-ddTHH:mm:ssK}\n");
            }
        }

        return text.ToString();
    }

    internal static async Task ImportAsync(HttpClient http, string workspace, byte[] bytes, string fileName)
    {
        using (var created = await http.PostAsJsonAsync("api/v1/workspaces", new { name = workspace }))
        {
            created.EnsureSuccessStatusCode();
        }

        using var content = new MultipartFormDataContent();
        using var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(part, "file", fileName);
        using var imported = await http.PostAsync($"api/v1/workspaces/{workspace}/imports", content);
        if (!imported.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Importing {fileName} failed: " + await imported.Content.ReadAsStringAsync());
        }
    }
}
