using System.Text.Json;

namespace Journeyscope.Server.Tests.Api;

/// <summary>On the demo workspace, every unfiltered analysis the overview, map, KPI and conformance pages ask equals on both paths.</summary>
public sealed class LivePathDemoTests(DemoServerFixture server) : IClassFixture<DemoServerFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Demo_LivePath_AnswersEqualTheStoreReadPath()
    {
        // Given the demo workspace followed by the live log, and its first valid journey
        using var client = server.CreateClient();
        (await client.GetAsync("/api/v1/workspaces/demo/live", Token)).EnsureSuccessStatusCode();
        using var journeys = JsonDocument.Parse(await client.GetStringAsync("/api/v1/workspaces/demo/journeys", Token));
        var journey = journeys.RootElement.GetProperty("journeys").EnumerateArray().First(j => j.GetProperty("valid").GetBoolean())
            .GetProperty("id").GetString();
        using var summary = JsonDocument.Parse(await client.GetStringAsync("/api/v1/workspaces/demo/summary", Token));
        var top = summary.RootElement.GetProperty("activities").EnumerateArray().Take(3).Select(a => a.GetProperty("name").GetString()!).ToList();
        string[] journeyPaths =
        [
            $"journeys/{journey}/conformance", $"journeys/{journey}/kpis", $"journeys/{journey}/kpis?period=none",
            $"journeys/{journey}/kpis?by=channel", $"journeys/{journey}/kpis/tree", $"performance?journey={journey}", $"voc?journey={journey}",
        ];
        List<LivePathRequest> requests =
        [
            .. LivePathComparison.WholeLogPaths.Select(p => new LivePathRequest(p)), .. LivePathRequest.Partials(top, "channel"),
            .. LivePathRequest.Partials(top[1..]), .. journeyPaths.Select(p => new LivePathRequest(p, null, true)),
        ];

        // When the overview's, map's, KPI, conformance, funnel and VoC pages' requests are answered by the live path, then by a store read
        var (live, store) = await LivePathComparison.RunAsync(server.Factory, client, "demo", requests, Token);

        // Then the answers are equal, byte for byte
        LivePathComparison.Differences(live, store).ShouldBeEmpty();
        live["summary"].ShouldContain("\"cases\"");
        live["voc"].ShouldContain("\"surveys\"");
    }
}
