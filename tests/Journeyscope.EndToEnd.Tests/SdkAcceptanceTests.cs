using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Journeyscope.EndToEnd.Tests;

/// <summary>
/// The official posthog-node and @segment/analytics-node SDKs (pinned in tests/collector-sdk/package.json, installed by
/// <c>npm ci</c>) against the server process on 127.0.0.1: 500 simulated visitors browse anonymously, identify and order,
/// 10,000 events; then the same events are sent again.
/// </summary>
public sealed class SdkAcceptanceTests
{
    private const int Visitors = 500;
    private const int EventsPerVisitor = 20;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OfficialSdks_TenThousandEventsSentTwice_StoresEachOnceAndStitchesEveryJourney()
    {
        // Given the server, a workspace and an ingest key made through the API
        var sdk = Path.Combine(ServerProcess.RepositoryRoot(), "tests", "collector-sdk");
        await EnsureInstalledAsync(sdk);
        await using var server = await ServerProcess.StartAsync(new Dictionary<string, string>(), Token);
        using var client = server.CreateClient();
        (await client.PostAsJsonAsync("api/v1/workspaces", new { name = "sdk" }, Token)).EnsureSuccessStatusCode();
        using var created = await client.PostAsJsonAsync("api/v1/workspaces/sdk/keys", new { kind = "ingest" }, Token);
        var key = JsonDocument.Parse(await created.Content.ReadAsStringAsync(Token)).RootElement.GetProperty("key").GetString()!;

        // When the SDKs send the visitors' events, and then send the same events (same message ids) again
        var host = server.Address.ToString().TrimEnd('/');
        var first = await RunNodeAsync(sdk, host, key);
        var afterFirst = await SummaryAsync(client);
        var second = await RunNodeAsync(sdk, host, key);
        var afterSecond = await SummaryAsync(client);
        using var funnel = await client.PostAsJsonAsync("api/v1/workspaces/sdk/funnels",
            new { steps = new object[] { new { activities = new[] { "Browse" } }, new { activities = new[] { "Order" } } } }, Token);
        var steps = JsonDocument.Parse(await funnel.Content.ReadAsStringAsync(Token)).RootElement.GetProperty("steps");

        // Then every event the SDKs delivered is stored exactly once, the replay changes nothing,
        // and each visitor is one journey from anonymous browsing to the order
        first.GetProperty("segment").GetProperty("failed").GetInt32().ShouldBe(0, first.ToString());
        first.GetProperty("posthog").GetProperty("failed").GetInt32().ShouldBe(0, first.ToString());
        second.GetProperty("segment").GetProperty("failed").GetInt32().ShouldBe(0, second.ToString());
        afterFirst.GetProperty("events").GetInt64().ShouldBe(Visitors * EventsPerVisitor, server.Output);
        afterSecond.GetProperty("events").GetInt64().ShouldBe(Visitors * EventsPerVisitor);
        afterSecond.GetProperty("version").GetInt64().ShouldBe(afterFirst.GetProperty("version").GetInt64());
        steps[0].GetProperty("entered").GetInt64().ShouldBe(Visitors);
        steps[1].GetProperty("entered").GetInt64().ShouldBe(Visitors);
    }

    private static async Task<JsonElement> SummaryAsync(HttpClient client) =>
        JsonDocument.Parse(await client.GetStringAsync("api/v1/workspaces/sdk", Token)).RootElement.Clone();

    /// <summary><c>npm ci</c> when the SDKs are not installed yet (CI runs it in .ci/run; this covers a local run).</summary>
    private static async Task EnsureInstalledAsync(string folder)
    {
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "posthog-node")))
        {
            var (code, output) = await RunAsync(folder, "npm", ["ci", "--no-audit", "--no-fund"], TimeSpan.FromMinutes(5));
            code.ShouldBe(0, "npm ci failed:\n" + output);
        }
    }

    private static async Task<JsonElement> RunNodeAsync(string folder, string host, string key)
    {
        var (code, output) = await RunAsync(folder, "node",
            ["send.mjs", host, key, Visitors.ToString(System.Globalization.CultureInfo.InvariantCulture), EventsPerVisitor.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            TimeSpan.FromMinutes(10));
        code.ShouldBe(0, output);
        var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last(l => l.StartsWith('{'));
        return JsonDocument.Parse(last).RootElement.Clone();
    }

    private static async Task<(int Code, string Output)> RunAsync(string folder, string program, string[] arguments, TimeSpan limit)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException(program + " did not start");
        var stdout = process.StandardOutput.ReadToEndAsync(Token);
        var stderr = process.StandardError.ReadToEndAsync(Token);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish within {limit}");
        }

        return (process.ExitCode, await stdout + "\n" + await stderr);
    }
}
