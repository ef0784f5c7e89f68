using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Journeyscope.Cli.Tests;

/// <summary>
/// <c>journeyscope serve</c> in a child process (<c>dotnet journeyscope.dll</c>), with its own JOURNEYSCOPE_HOME: what a
/// user gets after <c>dotnet tool install</c>.
/// </summary>
public sealed class ServeCommandTests
{
    private const string Orders =
        "case_id,activity,timestamp\n" +
        "o1,Order,2024-03-01T10:00:00Z\n" +
        "o1,Pay,2024-03-01T10:05:00Z\n" +
        "o2,Order,2024-03-01T11:00:00Z\n";

    [Fact]
    public async Task Serve_AfterImportByName_ListsThatWorkspaceFromTheSharedFolderAndStopsOnCtrlC()
    {
        // Given a workspace imported by name with the default workspaces folder (JOURNEYSCOPE_HOME)
        using var temp = new TempFolder();
        var home = Path.Combine(temp.Path, "home");
        var csv = temp.File("orders.csv", Orders);
        var imported = Run(home, temp.Path, "import", csv, "-w", "shop");
        imported.ExitCode.ShouldBe(0, imported.Error);
        File.Exists(Path.Combine(home, "workspaces", "shop", "journeyscope.duckdb")).ShouldBeTrue();
        var key = Run(home, temp.Path, "keys", "create", "--secret", "--scope", "owner");
        key.ExitCode.ShouldBe(0, key.Error);

        // When `journeyscope serve` starts on a free loopback port (called with an owner key made by the CLI)
        var port = FreePort();
        using var serve = Start(home, temp.Path, "serve", "--urls", $"http://127.0.0.1:{port}");
        var output = new StringBuilder();
        serve.OutputDataReceived += (_, e) => Append(output, e.Data);
        serve.ErrorDataReceived += (_, e) => Append(output, e.Data);
        serve.BeginOutputReadLine();
        serve.BeginErrorReadLine();
        try
        {
            var body = await GetWorkspacesAsync(new Uri($"http://127.0.0.1:{port}/api/v1/workspaces"), key.Output.Trim(), serve, output);

            // Then it answers with the imported workspace and its counts
            var shop = JsonDocument.Parse(body).RootElement.GetProperty("workspaces").EnumerateArray()
                .Single(w => w.GetProperty("name").GetString() == "shop");
            shop.GetProperty("events").GetInt64().ShouldBe(3);

            // And Ctrl+C (SIGINT) stops it with exit code 0
            using (var kill = Process.Start("kill", ["-INT", serve.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
            }

            serve.WaitForExit(TimeSpan.FromSeconds(60)).ShouldBeTrue("serve did not stop on SIGINT:\n" + Text(output));
            serve.ExitCode.ShouldBe(0, Text(output));
            Text(output).ShouldContain("running at http://127.0.0.1:" + port);
        }
        finally
        {
            if (!serve.HasExited)
            {
                serve.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public void Serve_WithWorkspaceOption_IsAUsageError()
    {
        // Given `serve` with --workspace (serve hosts a folder of workspaces)
        // When it runs
        var result = CliRun.Run("serve", "--workspace", "shop");

        // Then it is a usage error that points to --workspaces
        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("--workspaces");
    }

    private static async Task<string> GetWorkspacesAsync(Uri url, string ownerKey, Process serve, StringBuilder output)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ownerKey);
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            serve.HasExited.ShouldBeFalse("serve exited:\n" + Text(output));
            try
            {
                using var response = await http.GetAsync(url, TestContext.Current.CancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                // Slow start on a busy machine.
            }

            (DateTime.UtcNow < deadline).ShouldBeTrue("serve did not answer within 3 minutes:\n" + Text(output));
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }

    private static (int ExitCode, string Output, string Error) Run(string home, string folder, params string[] args)
    {
        using var process = Start(home, folder, args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("journeyscope " + string.Join(' ', args));
        }

        return (process.ExitCode, output.Result, error.Result);
    }

    private static Process Start(string home, string folder, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "journeyscope.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["JOURNEYSCOPE_HOME"] = home;
        start.Environment.Remove("JOURNEYSCOPE_WORKSPACE");
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment["Journeyscope__CreateDemo"] = "false";
        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
