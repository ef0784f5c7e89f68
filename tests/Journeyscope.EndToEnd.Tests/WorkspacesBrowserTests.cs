using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Journeyscope.EndToEnd.Tests;

/// <summary>The Workspaces page in headless Chromium: create, rename and delete a workspace, with the picker following.</summary>
public sealed class WorkspacesBrowserTests
{
    private const string Default = "receipt";

    [Fact]
    public async Task WorkspacesPage_CreateRenameDelete_ChangesTheFolderAndThePicker()
    {
        // Given a running server with its default workspace ("receipt" in AppHost) and a browser on the Workspaces page
        var (playwright, browser) = await SystemChromium.LaunchAsync();
        await using var host = AppHost.Start();
        using (var http = host.CreateClient())
        {
            (await http.PostAsJsonAsync("api/v1/workspaces", new { name = Default }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        }

        try
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
            await host.SignInAsync(page.Context);
            page.SetDefaultTimeout(120_000);
            await page.GotoAsync(new Uri(host.Address, "workspaces").ToString());
            await page.Locator("[data-interactive=true]").WaitForAsync();
            await page.Locator($"[data-testid=workspace-row][data-name={Default}]").WaitForAsync();

            // When a workspace is created
            await page.Locator("[data-testid=new-workspace-name] input, input[data-testid=new-workspace-name]").First.FillAsync("my-shop");
            await page.Locator("[data-testid=create-workspace]").ClickAsync();

            // Then it is listed, empty, its folder exists, and the picker shows it as the current workspace
            var row = page.Locator("[data-testid=workspace-row][data-name=my-shop]");
            await row.WaitForAsync();
            (await row.Locator("[data-testid=workspace-events]").InnerTextAsync()).ShouldBe("0");
            Directory.Exists(Path.Combine(host.Root, "my-shop")).ShouldBeTrue();
            await page.Locator("[data-testid=workspace-picker]").Filter(new LocatorFilterOptions { HasText = "my-shop" }).WaitForAsync();
            await page.Locator("#nav-drawer a[href='w/my-shop/map']").WaitForAsync();

            // When it is renamed
            await row.Locator("[data-testid=rename]").ClickAsync();
            var input = page.Locator("[data-testid=rename-input] input, input[data-testid=rename-input]").First;
            await input.FillAsync("my-store");
            await page.Locator("[data-testid=rename-save]").ClickAsync();

            // Then the new name replaces the old one in the list, on disk and in the picker
            await page.Locator("[data-testid=workspace-row][data-name=my-store]").WaitForAsync();
            (await page.Locator("[data-testid=workspace-row][data-name=my-shop]").CountAsync()).ShouldBe(0);
            Directory.Exists(Path.Combine(host.Root, "my-shop")).ShouldBeFalse();
            Directory.Exists(Path.Combine(host.Root, "my-store")).ShouldBeTrue();
            await page.Locator("[data-testid=workspace-picker]").Filter(new LocatorFilterOptions { HasText = "my-store" }).WaitForAsync();

            // When it is deleted, the first click only asks for confirmation
            var renamed = page.Locator("[data-testid=workspace-row][data-name=my-store]");
            await renamed.Locator("[data-testid=delete]").ClickAsync();
            await renamed.Locator("[data-testid=delete-confirmation]").WaitForAsync();
            Directory.Exists(Path.Combine(host.Root, "my-store")).ShouldBeTrue();
            await renamed.Locator("[data-testid=delete-confirm]").ClickAsync();

            // Then it is gone from the list and the disk, and the pages of the drawer are back on the default workspace
            await renamed.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
            Directory.Exists(Path.Combine(host.Root, "my-store")).ShouldBeFalse();
            try
            {
                await page.Locator($"#nav-drawer a[href='w/{Default}']").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
            }
            catch (TimeoutException e)
            {
                throw new ShouldAssertException($"The drawer is not on '{Default}' at {page.Url}: {await DrawerLinks(page)}", e);
            }

            (await page.Locator("#nav-drawer a[href^='w/my-store']").CountAsync()).ShouldBe(0);
            (await page.Locator($"[data-testid=workspace-row][data-name={Default}] [data-testid=delete]").CountAsync()).ShouldBe(0);
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }

    [Fact]
    public async Task OverviewWorkspacesAndHome_FullPageLoad_TheLayoutAsksForTheWorkspaceListAndAccessOnceAndEachPageListingThemOnce()
    {
        // Given a running server that logs the requests it answers, with its default workspace, and a signed-in browser
        var requests = new ApiRequestLog();
        var (playwright, browser) = await SystemChromium.LaunchAsync();
        await using var host = AppHost.Start(Default, demo: false, services => services.AddSingleton<IStartupFilter>(requests));
        using (var http = host.CreateClient())
        {
            (await http.PostAsJsonAsync("api/v1/workspaces", new { name = Default }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        }

        try
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
            await host.SignInAsync(page.Context);
            page.SetDefaultTimeout(120_000);

            // When pages are loaded in full (prerendered, then the circuit takes over), and the list requests are counted:
            // the workspace's overview (only the layout's picker lists the workspaces), the Workspaces page, and the home page
            // (which opens the default workspace's overview)
            async Task<int> ListRequestsOfAFullLoadAsync(string path, string ready)
            {
                requests.Clear();
                await page.GotoAsync(new Uri(host.Address, path).ToString());
                await page.Locator("[data-interactive=true]").WaitForAsync();
                await page.Locator(ready).WaitForAsync();
                await Task.Delay(1000, TestContext.Current.CancellationToken);
                return requests.Count("/api/v1/workspaces");
            }

            var overview = await ListRequestsOfAFullLoadAsync($"w/{Default}", "#nav-drawer");
            var overviewLog = string.Join(", ", requests.Requests);
            var overviewAccess = requests.Count($"/api/v1/workspaces/{Default}/me");
            var workspaces = await ListRequestsOfAFullLoadAsync("workspaces", $"[data-testid=workspace-row][data-name={Default}]");
            var workspacesLog = string.Join(", ", requests.Requests);
            var home = await ListRequestsOfAFullLoadAsync(string.Empty, "#nav-drawer");
            var beforeRedirect = requests.Requests.TakeWhile(r => r != $"GET /w/{Default}").Count(r => r == "GET /api/v1/workspaces");

            // Then the overview, whose only list is the layout's picker, asked once (by the layout's prerendering; its circuit
            // took that answer)
            overview.ShouldBe(1, overviewLog);

            // And the layout asked once for the user's access to the workspace (the nav's import and admin links): the
            // prerendering asked, the circuit took its answer
            overviewAccess.ShouldBe(1, overviewLog);

            // And the Workspaces page asked once more than the layout does (by its prerendering; its circuit took that answer)
            (workspaces - overview).ShouldBe(1, $"overview {overview}, workspaces {workspaces}: {workspacesLog}");

            // And the home page asked once too: prerendered, it opens the default workspace by a redirect (its layout asks as
            // well), after which the overview loads as on its own
            page.Url.ShouldEndWith($"w/{Default}");
            beforeRedirect.ShouldBe(2, string.Join(", ", requests.Requests));
            (home - beforeRedirect).ShouldBe(overview, string.Join(", ", requests.Requests));
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }

    private static async Task<string> DrawerLinks(IPage page) =>
        string.Join(", ", await page.Locator("#nav-drawer a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"));
}
