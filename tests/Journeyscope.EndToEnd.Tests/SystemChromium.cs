using Microsoft.Playwright;

namespace Journeyscope.EndToEnd.Tests;

/// <summary>
/// Launches the system's Chromium (Debian package <c>chromium</c>) through Playwright. Never downloads a browser:
/// when chromium is not on PATH the test is skipped with the reason, or fails under CI=true.
/// </summary>
internal static class SystemChromium
{
    private static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    public static string? Find()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in new[] { "chromium", "chromium-browser" })
            {
                var path = Path.Combine(dir, name);
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }

        return null;
    }

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var executable = Find();
        if (executable is null)
        {
            const string reason = "chromium is not on PATH (apt-get install -y chromium); browser tests need the system browser.";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(reason + " CI=true requires it.");
            }

            Assert.Skip(reason);
        }

        // Belt and braces: Playwright must not try to fetch its own browsers.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = Arguments,
        });
        return (playwright, browser);
    }
}
