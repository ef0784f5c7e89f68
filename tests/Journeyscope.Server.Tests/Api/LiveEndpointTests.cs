using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text;
using Journeyscope.Partitions;
using Journeyscope.Server.Services;
using Microsoft.Extensions.DependencyInjection;

namespace Journeyscope.Server.Tests.Api;

/// <summary>The live log grown in place behind <c>GET /live</c>, and the change notification of API imports.</summary>
public sealed class LiveEndpointTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Import_ThroughTheApi_RaisesTheChangeNotificationLivePagesListenTo()
    {
        // Given a subscriber to the host's change notification (what live pages and the live log listen to)
        using var client = server.CreateClient();
        (await client.PostAsJsonAsync("/api/v1/workspaces", new { name = "notified" }, Token)).Dispose();
        var host = server.Factory.Services.GetRequiredService<WorkspaceHost>();
        var changed = new ConcurrentQueue<string>();
        void Record(string name) => changed.Enqueue(name);
        host.Changed += Record;
        try
        {
            // When a file is imported through the API, then the same file again (nothing new)
            await ImportAsync(client, "notified", "case_id,activity,timestamp\na,X,2024-01-01T00:00:00Z\n");
            await ImportAsync(client, "notified", "case_id,activity,timestamp\na,X,2024-01-01T00:00:00Z\n");
        }
        finally
        {
            host.Changed -= Record;
        }

        // Then the workspace was announced once: for the import that changed it
        changed.Where(n => n == "notified").Count().ShouldBe(1);
    }

    [Fact]
    public async Task Live_AfterImports_GrowsInPlaceAndEqualsTheWholeLog()
    {
        // Given a workspace of 40 customers, analysed live once
        using var client = server.CreateClient();
        (await client.PostAsJsonAsync("/api/v1/workspaces", new { name = "live-grow" }, Token)).Dispose();
        var csv = new StringBuilder("case_id,activity,timestamp\n");
        for (var c = 0; c < 40; c++)
        {
            csv.Append($"cust-{c},Visit,2024-01-01T{c % 24:00}:00:00Z\ncust-{c},{(c % 3 == 0 ? "Buy" : "Leave")},2024-01-01T{c % 24:00}:30:00Z\n");
        }

        await ImportAsync(client, "live-grow", csv.ToString());
        var first = await LiveAsync(client, "live-grow");

        // When one customer comes back and a new one arrives
        await ImportAsync(client, "live-grow", "case_id,activity,timestamp\ncust-1,Buy,2024-01-02T10:00:00Z\nnew-1,Visit,2024-01-02T11:00:00Z\n");
        var second = await LiveAsync(client, "live-grow");

        // Then the snapshot is that of the whole log, and only the partitions of the two customers were re-analysed
        first.Snapshot.Kpis.Cases.ShouldBe(40);
        second.Version.ShouldBeGreaterThan(first.Version);
        second.Snapshot.Kpis.Cases.ShouldBe(41);
        second.Snapshot.Kpis.Events.ShouldBe(82);
        second.Snapshot.Edges.Single(e => e.From == "Leave" && e.To == "Buy").Count.ShouldBe(1);
        second.ChangedPartitions.Order().ShouldBe(
            new[] { "cust-1", "new-1" }.Select(id => CasePartitioner.PartitionOf(id, second.Partitions)).Distinct().Order());
        var store = server.Factory.Services.GetRequiredService<WorkspaceHost>().Get("live-grow");
        var all = store.ReadAll(Token);
        var whole = JourneyPartial.Map(new EventLogSegment(all.Log, all.CaseKeys)).Finish(3);
        second.Snapshot.Variants.Select(v => (string.Join(">", v.Activities), v.CaseCount))
            .ShouldBe(whole.Variants.Select(v => (string.Join(">", v.Activities), v.CaseCount)));
    }

    private static async Task ImportAsync(HttpClient client, string ws, string csv)
    {
        using var response = await client.PostAsync($"/api/v1/workspaces/{ws}/imports", ServerFixture.Upload(csv, "events.csv"), Token);
        response.EnsureSuccessStatusCode();
    }

    private static async Task<LiveSnapshotView> LiveAsync(HttpClient client, string ws)
    {
        using var response = await client.GetAsync($"/api/v1/workspaces/{ws}/live", Token);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<LiveSnapshotView>(Journeyscope.Results.ResultJson.Options, Token))!;
    }

    private sealed record LiveSnapshotView(long Version, int Partitions, IReadOnlyList<int> ChangedPartitions, JourneySnapshot Snapshot);
}
