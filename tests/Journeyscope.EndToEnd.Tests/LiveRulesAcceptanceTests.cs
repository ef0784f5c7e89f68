using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Journeyscope.Server.Notifications;
using Journeyscope.TestSupport;

namespace Journeyscope.EndToEnd.Tests;

/// <summary>
/// Issue 16 §5, live: with <c>journeyscope simulate --live</c> streaming simulated retail customers into the server
/// process on 127.0.0.1, an abandoned cart fires its signed webhook within the rule's window plus 5 s, once per customer
/// and occurrence, for exactly the customers the rules' dry run finds on the stored history afterwards.
/// </summary>
/// <remarks>
/// Timing: <c>simulate --live</c> stamps each message with the time it sends it, so a firing's <c>triggeredAt</c> (the
/// cart event's timestamp) is when the cart event left the simulator; the receiver stamps each delivery when it arrives.
/// Both clocks are this machine's, so arrival − triggeredAt is the end-to-end delay (collector, live monitor, outbox).
/// </remarks>
public sealed class LiveRulesAcceptanceTests
{
    private const int WindowSeconds = 4;
    private const string Secret = "live-acceptance-secret-42";

    private static readonly string Journey = RuleSnippets.Journey(
        "carts", "Carts", [RuleSnippets.Touchpoint("cart", "Add to cart"), RuleSnippets.Touchpoint("checkout", "Start checkout", "frontstage")], null,
        RuleSnippets.AbandonedCart($"{WindowSeconds}s"));

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(7)]
    [InlineData(23)]
    public async Task SimulateLive_AbandonedCarts_FireOneSignedWebhookEachWithinWindowPlus5s_ForTheDryRunsCustomers(int seed)
    {
        var watch = Stopwatch.StartNew();

        // Given the server, a workspace with the abandoned-cart journey, a webhook receiver on 127.0.0.1 and an ingest key
        using var receiver = new WebhookReceiver();
        await using var server = await ServerProcess.StartAsync(new Dictionary<string, string>(), Token);
        using var client = server.CreateClient();
        (await client.PostAsJsonAsync("api/v1/workspaces", new { name = "live" }, Token)).EnsureSuccessStatusCode();
        await File.WriteAllTextAsync(Path.Combine(server.Root, "live", "journeys", "carts.yaml"), Journey, Token);
        using (var added = await client.PostAsJsonAsync("api/v1/workspaces/live/webhooks",
            new { url = receiver.Url, secret = Secret, eventTypes = new[] { "rule.fired" } }, Token))
        {
            added.EnsureSuccessStatusCode();
        }

        using var created = await client.PostAsJsonAsync("api/v1/workspaces/live/keys", new { kind = "ingest" }, Token);
        created.EnsureSuccessStatusCode();
        var key = JsonDocument.Parse(await created.Content.ReadAsStringAsync(Token)).RootElement.GetProperty("key").GetString()!;

        // When simulate --live streams 40 retail customers (a few seconds at 250 messages a second)
        var scenario = Path.Combine(ServerProcess.RepositoryRoot(), "samples", "retail", "scenario.yaml");
        var (code, output) = await RunCliAsync(
            ["simulate", "--scenario", scenario, "--customers", "40", "--seed", seed.ToString(CultureInfo.InvariantCulture),
             "--live", "--server", server.Address.ToString(), "--key", key, "--rate", "250", "--format", "json"],
            TimeSpan.FromSeconds(60));
        code.ShouldBe(0, output);
        var streamEnded = DateTimeOffset.UtcNow;

        // ... and every open cart's window has passed, with 5 s to deliver
        await Task.Delay(TimeSpan.FromSeconds(WindowSeconds + 5) + TimeSpan.FromSeconds(1), Token);
        var received = receiver.Received;
        var dryRun = JsonDocument.Parse(await client.GetStringAsync(
            "api/v1/workspaces/live/journeys/carts/rules/dry-run?firings=true&limit=10000&until=" +
            Uri.EscapeDataString(streamEnded.AddSeconds(WindowSeconds + 1).ToString("O", CultureInfo.InvariantCulture)),
            Token)).RootElement;
        var dry = dryRun.GetProperty("rules")[0];

        // Then each delivery is signed, a rule.fired of abandoned_cart, and arrived within window + 5 s of its cart event
        received.ShouldNotBeEmpty("no webhook arrived:\n" + output + "\n" + server.Output);
        var payloads = new List<JsonElement>();
        foreach (var r in received)
        {
            WebhookSignature.Verify(Secret, r.Header(WebhookSignature.TimestampHeader), r.Header(WebhookSignature.SignatureHeader), r.Body, DateTimeOffset.UtcNow)
                .ShouldBeTrue(r.Text);
            var body = JsonDocument.Parse(r.Text).RootElement.Clone();
            body.GetProperty("type").GetString().ShouldBe("rule.fired");
            body.GetProperty("id").GetString().ShouldBe(r.Header("X-Journeyscope-Delivery"));
            var data = body.GetProperty("data");
            data.GetProperty("rule").GetString().ShouldBe("abandoned_cart");
            var cart = data.GetProperty("triggeredAt").GetDateTimeOffset();
            (r.At - cart).ShouldBeLessThanOrEqualTo(TimeSpan.FromSeconds(WindowSeconds + 5), r.Text);
            (r.At - cart).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(WindowSeconds) - TimeSpan.FromMilliseconds(50), r.Text);
            payloads.Add(body);
        }

        // And once per customer and occurrence (one delivery id, one dedup key each)
        payloads.Select(p => p.GetProperty("id").GetString()).Distinct().Count().ShouldBe(payloads.Count);
        payloads.Select(p => p.GetProperty("dedupKey").GetString()).Distinct().Count().ShouldBe(payloads.Count);

        // And the customers are those the dry run finds on the stored history: none missed, none extra
        var customers = payloads.Select(p => p.GetProperty("data").GetProperty("customer").GetString()!).ToHashSet(StringComparer.Ordinal);
        var firedFor = string.Join(", ", payloads.Select(p => p.GetProperty("dedupKey").GetString()).Order(StringComparer.Ordinal));
        dry.GetProperty("firings").GetInt32().ShouldBe(payloads.Count, "live: " + firedFor + "\ndry run: " + dry);
        dry.GetProperty("customers").GetInt32().ShouldBe(customers.Count, dry.ToString());
        foreach (var example in dry.GetProperty("examples").EnumerateArray())
        {
            customers.ShouldContain(example.GetProperty("customer").GetString()!);
        }

        // And exactly the same (rule, customer, occurrence) firings: the webhooks' dedup keys are the dry run's keys
        var list = dryRun.GetProperty("firingList");
        list.GetProperty("total").GetInt32().ShouldBe(list.GetProperty("items").GetArrayLength());
        var dryKeys = list.GetProperty("items").EnumerateArray()
            .Select(f => $"{f.GetProperty("journey").GetString()}/{f.GetProperty("rule").GetString()}/{f.GetProperty("customer").GetString()}/{f.GetProperty("occurrence").GetInt32()}")
            .Order(StringComparer.Ordinal).ToList();
        payloads.Select(p => p.GetProperty("dedupKey").GetString()!).Order(StringComparer.Ordinal).ToList().ShouldBe(dryKeys, "live: " + firedFor);

        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromMinutes(2));
    }

    /// <summary>Runs the built <c>journeyscope</c> command (the CLI's build output beside the server's).</summary>
    private static async Task<(int Code, string Output)> RunCliAsync(string[] arguments, TimeSpan limit)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release"
            : "Debug";
        var dll = Path.Combine(ServerProcess.RepositoryRoot(), "src", "Journeyscope.Cli", "bin", configuration, "net10.0", "journeyscope.dll");
        File.Exists(dll).ShouldBeTrue("Build the CLI first: " + dll);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
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
            throw new TimeoutException($"journeyscope {string.Join(' ', arguments)} did not finish within {limit}");
        }

        return (process.ExitCode, await stdout + "\n" + await stderr);
    }
}
