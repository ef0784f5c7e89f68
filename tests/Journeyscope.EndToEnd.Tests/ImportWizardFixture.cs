using System.Globalization;
using Microsoft.Playwright;

namespace Journeyscope.EndToEnd.Tests;

/// <summary>
/// One server (no workspace at start) and one browser for the import wizard's acceptance tests. Every step goes through
/// the wizard as a user would: no API call and no file edited by hand.
/// </summary>
public sealed class ImportWizardFixture : IAsyncLifetime
{
    public static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    private IPlaywright? _playwright;

    internal AppHost Host { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        (_playwright, Browser) = await SystemChromium.LaunchAsync();
        Host = AppHost.Start();
        Directory.CreateDirectory(Screenshots);
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

    /// <summary>Opens the wizard and creates <paramref name="workspace"/> with its "New workspace…" choice.</summary>
    public async Task<IPage> OpenWizardInNewWorkspaceAsync(IBrowserContext context, string workspace)
    {
        await Host.SignInAsync(context);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(90_000);
        await page.GotoAsync(new Uri(Host.Address, $"w/{workspace}/import").ToString());
        await page.Locator("#import-file[data-ready=true]").WaitForAsync();
        await page.Locator("[data-testid=target-workspace]").SelectOptionAsync("+new");
        await page.Locator("[data-testid=new-workspace]").FillAsync(workspace);
        await page.Locator("[data-testid=create-workspace]").ClickAsync();
        await page.WaitForFunctionAsync("n => document.querySelector('[data-testid=target-workspace]').value === n", workspace);
        return page;
    }

    /// <summary>Chooses the file and waits for the inspection (step 2).</summary>
    public static async Task ChooseFileAsync(IPage page, string path)
    {
        await page.Locator("#import-file[data-ready=true]:not([disabled])").WaitForAsync();
        await page.Locator("#import-file").SetInputFilesAsync(path);
        await page.Locator("[data-testid=detected-format]").WaitForAsync();
    }

    /// <summary>Clicks Import and returns the number of records imported, as the result step shows it.</summary>
    public static async Task<long> ImportAsync(IPage page)
    {
        await page.Locator("[data-testid=import-button]").ClickAsync();
        await page.Locator("[data-testid=import-result]").WaitForAsync();
        var text = await page.Locator("[data-testid=imported-count]").InnerTextAsync();
        return long.Parse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
    }

    /// <summary>Selects a column for a role, as a user does in the mapping.</summary>
    public static Task SelectAsync(IPage page, string role, string column) =>
        page.Locator($"[data-testid=map-{role}]").SelectOptionAsync(column);

    public static async Task ShotAsync(IPage page, string name)
    {
        var path = Path.Combine(Screenshots, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.Current.AddAttachment(name, await File.ReadAllBytesAsync(path), "image/png");
    }
}
