using System.Diagnostics;
using Journeyscope.Storage;
using Journeyscope.TestSupport;

namespace Journeyscope.Cli.Tests;

/// <summary>
/// The way the README gets a new user the <c>journeyscope</c> command: pack the CLI project as a .NET tool, install it
/// from that folder, and run it. Offline: a nuget.config that lists only the packed folder.
/// </summary>
public sealed class DotnetToolTests
{
    // A hang guard, not a wait: pack also publishes the web app's assets; with ~25 runnable threads on 2 cores it took
    // 4 to 5 minutes (the whole test took 25 s on a quiet machine before the assets were added).
    private static readonly TimeSpan StepLimit = TimeSpan.FromMinutes(8);

    [Fact]
    public async Task DotnetTool_PackedAndInstalledFromTheRepo_RunsVersionSimulateInfoAndServesTheWebApp()
    {
        // Given the CLI project packed as a tool (from the build the tests already ran) into a temp feed
        using var temp = new TempFolder();
        var root = RepositoryRoot();
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name; // bin/<configuration>/net10.0
        var feed = Path.Combine(temp.Path, "feed");
        var pack = Dotnet(temp.Path, "pack", Path.Combine(root, "src", "Journeyscope.Cli", "Journeyscope.Cli.csproj"), "--no-build", "-c", configuration, "-o", feed);
        pack.ExitCode.ShouldBe(0, pack.Output);
        Directory.GetFiles(feed, "Journeyscope.Cli.*.nupkg").ShouldHaveSingleItem();
        var config = temp.File("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="packed" value="{feed}" />
              </packageSources>
            </configuration>
            """);

        // When it is installed as the README says (into a tool path instead of --global) and run
        var tools = Path.Combine(temp.Path, "tools");
        var install = Dotnet(temp.Path, "tool", "install", "--tool-path", tools, "--configfile", config, "Journeyscope.Cli");
        install.ExitCode.ShouldBe(0, install.Output);
        var journeyscope = Path.Combine(tools, OperatingSystem.IsWindows() ? "journeyscope.exe" : "journeyscope");
        var version = Run(journeyscope, temp.Path, "--version");
        var workspace = Path.Combine(temp.Path, "ws");
        var scenario = Path.Combine(DemoWorkspace.FindSamples().ShouldNotBeNull(), "scenario.yaml");
        var simulate = Run(journeyscope, temp.Path, "simulate", "--scenario", scenario, "--customers", "50", "--seed", "1", "--workspace", workspace);
        var info = Run(journeyscope, temp.Path, "info", "--workspace", workspace, "--format", "json");

        // Then the installed command answers its version, simulates into a workspace and reads it back
        version.ExitCode.ShouldBe(0, version.Output);
        version.Output.Trim().ShouldMatch(@"^\d+\.\d+\.\d+");
        simulate.ExitCode.ShouldBe(0, simulate.Output);
        info.ExitCode.ShouldBe(0, info.Output);
        info.Output.ShouldContain("\"cases\": 50");

        // And `journeyscope serve` from the install serves the web app with its styles and scripts (the Server's static
        // assets and their endpoints manifest travel in the tool package)
        var port = LoopbackPort.Free();
        using var serve = Process.Start(Start(journeyscope, temp.Path, "serve", "--urls", $"http://127.0.0.1:{port}", "--workspaces", Path.Combine(temp.Path, "served")))!;
        serve.OutputDataReceived += (_, _) => { }; // drained, so the server's log never fills the pipe
        serve.BeginOutputReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(20) };
            var page = await SignInPageAsync(http, serve);
            var assets = System.Text.RegularExpressions.Regex.Matches(page, "(?:href|src)=\"([^\"]+\\.(?:css|js))\"").Select(m => m.Groups[1].Value).ToList();
            assets.ShouldContain(a => a.StartsWith("css/journeyscope", StringComparison.Ordinal));
            assets.ShouldContain(a => a.StartsWith("js/journeyscope", StringComparison.Ordinal));
            assets.ShouldContain("_framework/blazor.web.js");
            assets.ShouldContain("_content/MudBlazor/MudBlazor.min.css");
            foreach (var asset in assets)
            {
                using var response = await http.GetAsync(asset, TestContext.Current.CancellationToken);
                response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, asset);
                (await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).Length.ShouldBeGreaterThan(100, asset);
            }
        }
        finally
        {
            serve.Kill(entireProcessTree: true);
            await serve.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
    }

    /// <summary>The sign-in page's HTML once the server answers (a minute at most; the server's output if it exited).</summary>
    private static async Task<string> SignInPageAsync(HttpClient http, Process serve)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (true)
        {
            // Read the server's errors only once it has exited: reading them from a running server waits for its end.
            if (serve.HasExited)
            {
                Assert.Fail("journeyscope serve exited: " + await serve.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken));
            }

            try
            {
                return await http.GetStringAsync("signin", TestContext.Current.CancellationToken);
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(500, TestContext.Current.CancellationToken);
            }
        }
    }

    private static (int ExitCode, string Output) Dotnet(string directory, params string[] args) => Run("dotnet", directory, args);

    private static (int ExitCode, string Output) Run(string file, string directory, params string[] args)
    {
        using var process = Process.Start(Start(file, directory, args)) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(StepLimit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} ran for more than {StepLimit.TotalMinutes} minutes");
        }

        return (process.ExitCode, output.Result + error.Result);
    }

    private static ProcessStartInfo Start(string file, string directory, params string[] args)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The test host's MSBuild variables would point a child `dotnet pack` at the test run's MSBuild: drop them.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k == "DOTNET_HOST_PATH").ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["JOURNEYSCOPE_HOME"] = Path.Combine(directory, "home");
        start.Environment["Journeyscope__CreateDemo"] = "false"; // serve: no demo simulation on the first start
        return start;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Journeyscope.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Journeyscope.slnx not found above the test binaries.");
    }
}
