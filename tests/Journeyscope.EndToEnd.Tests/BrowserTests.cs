using System.Globalization;
using System.Net.Http.Json;
using Journeyscope.Discovery;
using Journeyscope.IO;
using Journeyscope.TestSupport;
using Microsoft.Playwright;

namespace Journeyscope.EndToEnd.Tests;

/// <summary>The web UI in headless Chromium against the real server: import, process map, slider, journey, case.</summary>
public sealed class BrowserTests
{
    private const string Workspace = "receipt";
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    [Fact]
    public async Task WebUi_ImportReceiptThroughWizard_MapMatchesDiscoverySliderJourneyAndCaseWork()
    {
        // Given: the real receipt log, what discovery says about it, a running server and a browser
        var file = SharedData.Path("logs/receipt.xes.gz");
        var log = EventLogFile.Import(file, cancellationToken: TestContext.Current.CancellationToken).Log;
        // The page opens at the readable default, chosen in Core (ProcessMapDefaults): the test computes it the same way.
        var all = ProcessMapStatistics.Discover(log, cancellationToken: TestContext.Current.CancellationToken);
        var kept = ProcessMapStatistics.Discover(log, all.SelectActivities(ProcessMapDefaults.ActivityShare(all)), cancellationToken: TestContext.Current.CancellationToken);
        var readable = ProcessMap.Build(kept, ProcessMapDefaults.PathShare(kept));
        var activityCount = readable.Activities.Count;
        var edgeCount = readable.Edges.Count;
        var (playwright, browser) = await SystemChromium.LaunchAsync();
        await using var host = AppHost.Start();
        using (var http = host.CreateClient())
        {
            using var created = await http.PostAsJsonAsync("api/v1/workspaces", new { name = Workspace }, TestContext.Current.CancellationToken);
            created.EnsureSuccessStatusCode();
        }

        Directory.CreateDirectory(Screenshots);
        IPage? failure = null;
        var console = new List<string>();
        try
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
            await host.SignInAsync(context);
            var page = await context.NewPageAsync();
            page.SetDefaultTimeout(180_000); // generous: a loaded 2-core CI machine can take a minute to inspect the upload
            var ws = new Uri(host.Address, $"w/{Workspace}/");

            // When: the file goes through the import wizard
            page.Console += (_, m) => console.Add(m.Type + ": " + m.Text);
            page.PageError += (_, e) => console.Add("page error: " + e);
            failure = page;
            await page.GotoAsync(new Uri(ws, "import").ToString());
            // The input is enabled once the browser listens to it (a file chosen before that used to be dropped)
            await page.Locator("#import-file[data-ready=true]:not([disabled])").WaitForAsync();
            await page.Locator("#import-file").SetInputFilesAsync(file);
            await page.Locator("[data-testid=detected-format]").WaitForAsync();
            (await page.Locator("[data-testid=detected-format]").InnerTextAsync()).ShouldBe("xes");
            await Shot(page, "1-import-inspect");
            await page.Locator("[data-testid=import-button]").ClickAsync();
            await page.Locator("[data-testid=import-result]").WaitForAsync(new LocatorWaitForOptions { Timeout = 120_000 });
            (await page.Locator("[data-testid=imported-count]").InnerTextAsync())
                .ShouldBe(log.EventCount.ToString("N0", CultureInfo.InvariantCulture));
            await Shot(page, "2-import-result");

            // Then: the process map has one node per activity and one edge per edge of the readable map
            await page.Locator("[data-testid=open-map]").ClickAsync();
            var map = page.Locator(".js-viz[data-kind=processMap][data-layout=done]");
            await map.WaitForAsync(new LocatorWaitForOptions { Timeout = 120_000 });
            (await map.GetAttributeAsync("data-activity-count")).ShouldBe(activityCount.ToString(CultureInfo.InvariantCulture));
            (await map.GetAttributeAsync("data-edge-count")).ShouldBe(edgeCount.ToString(CultureInfo.InvariantCulture));
            (await map.Locator("canvas").CountAsync()).ShouldBeGreaterThan(0);
            await Shot(page, "3-process-map");

            // When: the activity slider moves down, Then: fewer activities are drawn
            await page.Locator("input[type=range]").First.FillAsync("0.3");
            await page.WaitForFunctionAsync(
                "n => { const m = document.querySelector('.js-viz[data-kind=processMap]'); return m && m.getAttribute('data-layout') === 'done' && +m.getAttribute('data-activity-count') < n; }",
                activityCount);
            var fewer = int.Parse((await map.GetAttributeAsync("data-activity-count"))!, CultureInfo.InvariantCulture);
            fewer.ShouldBeLessThan(activityCount);
            fewer.ShouldBeGreaterThan(0);
            await Shot(page, "4-process-map-slider");

            // When: the receipt sample journey is saved and the journey page opens, Then: the blueprint is drawn with
            // the conformance of all 1,434 cases
            using (var http = host.CreateClient())
            {
                var yaml = await File.ReadAllTextAsync(RepositoryFile("samples/receipt/journeys/receipt.yaml"), TestContext.Current.CancellationToken);
                using var put = await http.PutAsync(
                    $"api/v1/workspaces/{Workspace}/journeys/receipt", new StringContent(yaml, System.Text.Encoding.UTF8, "application/yaml"), TestContext.Current.CancellationToken);
                put.EnsureSuccessStatusCode();
            }

            await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Journey" }).ClickAsync();
            await page.Locator("[data-testid=conformance-summary]").WaitForAsync();
            (await page.Locator("[data-testid=conformance-summary]").TextContentAsync())!.ShouldContain("of 1,434 cases follow the designed flow");
            await page.Locator(".js-blueprint").First.WaitForAsync();
            await Shot(page, "5-journey");

            // When: a case opens from the variants explorer, Then: its events are listed in order
            await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Variants" }).ClickAsync();
            var example = page.Locator("[data-testid=variant-detail] a").First;
            await example.WaitForAsync();
            var caseId = await example.InnerTextAsync();
            await example.ClickAsync();
            await page.Locator("[data-testid=case-events] tbody tr").First.WaitForAsync();
            (await page.Locator("[data-testid=case-id]").InnerTextAsync()).ShouldBe(caseId);
            var c = log.CaseIds.ToList().IndexOf(caseId);
            (await page.Locator("[data-testid=case-events] tbody tr").CountAsync()).ShouldBe(log.CaseStarts[c + 1] - log.CaseStarts[c]);
            (await page.Locator("[data-testid=case-events] tbody tr td:nth-child(2)").AllInnerTextsAsync())
                .ShouldBe(log.CaseActivities(c).ToArray().Select(a => log.ActivityNames[a]).ToList());
            await Shot(page, "6-case");
            await context.CloseAsync();
        }
        catch when (failure is not null)
        {
            await Shot(failure, "failure");
            await File.WriteAllLinesAsync(Path.Combine(Screenshots, "failure-console.txt"), console, TestContext.Current.CancellationToken);
            TestContext.Current.TestOutputHelper?.WriteLine(string.Join(Environment.NewLine, console));
            throw;
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }

    private static async Task Shot(IPage page, string name)
    {
        var path = Path.Combine(Screenshots, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.Current.AddAttachment(name, await File.ReadAllBytesAsync(path), "image/png");
    }

    internal static string RepositoryFile(string relative)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"'{relative}' was not found above {AppContext.BaseDirectory}.");
    }
}
