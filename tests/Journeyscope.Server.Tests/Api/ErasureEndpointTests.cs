using System.Net;
using System.Net.Http.Json;
using System.Text;
using Journeyscope.Server.Services;
using Journeyscope.Server.Tests.Collector;
using Microsoft.Extensions.DependencyInjection;

namespace Journeyscope.Server.Tests.Api;

/// <summary>
/// <c>POST /api/v1/workspaces/{ws}/erasures</c> (issue 15 §4 acceptance): a customer imported from a CSV and collected
/// under an anonymous id merged by identify, with a marker value, a quarantined bad line, a cached analysis and a
/// left-over upload, leaves no byte in the server's data folder; the others' analyses count exactly the rest.
/// </summary>
public sealed class ErasureEndpointTests(CollectorServer server) : IClassFixture<CollectorServer>
{
    private const string Customer = "cust-erase-001";
    private const string Anonymous = "anon-erase-7f3a";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Erase_CustomerEverywhere_NoByteInTheDataFolderOthersExactLateEventsAndReimportRefused()
    {
        // Given a workspace with a CSV import (marker value, bad line naming the customer) and collected events
        using var client = server.CreateClient();
        var (workspace, key) = await server.NewWorkspaceAsync(client);
        var marker = "ZZ-MARKER-" + Guid.NewGuid().ToString("N");
        var csv =
            "case_id,activity,timestamp,channel,note\n" +
            $"{Customer},Visit,2026-03-01T08:00:00Z,web,{marker}\n" +
            $"{Customer},Buy,2026-03-01T08:05:00Z,web,paid\n" +
            "cust-keep-002,Visit,2026-03-01T08:01:00Z,web,first\n" +
            "cust-keep-002,Buy,2026-03-01T08:07:00Z,store,paid\n" +
            "cust-keep-003,Visit,2026-03-01T08:02:00Z,app,first\n" +
            $"{Customer},Refund,not-a-date,web,{marker}\n";
        (await client.PostAsync($"/api/v1/workspaces/{workspace}/imports", ServerFixture.Upload(csv, "orders.csv"), Token)).EnsureSuccessStatusCode();
        await Segment(client, key, "/v1/page", $$"""{"name":"Home","anonymousId":"{{Anonymous}}","messageId":"p-1","timestamp":"2026-03-01T09:00:00Z"}""");
        await Segment(client, key, "/v1/identify", $$$"""{"userId":"{{{Customer}}}","anonymousId":"{{{Anonymous}}}","messageId":"i-1","timestamp":"2026-03-01T09:01:00Z","traits":{"email":"erase.me@example.org"}}""");
        await Segment(client, key, "/v1/track", $$"""{"event":"Order Completed","userId":"{{Customer}}","messageId":"o-1","timestamp":"2026-03-01T09:02:00Z"}""");
        await Segment(client, key, "/v1/page", """{"name":"Home","anonymousId":"anon-other-9","messageId":"p-2","timestamp":"2026-03-01T09:03:00Z"}""");

        // And a cached analysis, and an upload a killed import left behind in the server's uploads folder
        var before = await Summary(client, workspace);
        var uploads = server.Factory.Services.GetRequiredService<UploadFolder>().Path;
        Directory.CreateDirectory(Path.Combine(uploads, "left-over"));
        await File.WriteAllTextAsync(Path.Combine(uploads, "left-over", "orders.csv"), csv, Token);
        string[] secrets = [Customer, Anonymous, marker, "erase.me@example.org"];
        Scan(server.Root, secrets).ShouldNotBeEmpty();

        // When the customer is erased through the API
        using var response = await client.PostAsJsonAsync($"/api/v1/workspaces/{workspace}/erasures", new { customer = Customer }, Token);

        // Then the receipt reports success and the removed upload; no byte of the data folder holds an id or value of theirs
        var receipt = await Problem.JsonAsync(response);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        receipt.GetProperty("succeeded").GetBoolean().ShouldBeTrue(receipt.ToString());
        receipt.GetProperty("idsErased").GetInt32().ShouldBe(2);
        receipt.GetProperty("filesRemoved").EnumerateArray().Select(f => f.GetString()).ShouldBe(["uploads/left-over/orders.csv"]);
        Scan(server.Root, secrets).ShouldBeEmpty();

        // And the others' analyses count exactly what they counted minus the customer's 5 events and 1 stitched case
        var after = await Summary(client, workspace);
        after.Events.ShouldBe(before.Events - 5);
        after.Cases.ShouldBe(before.Cases - 1);

        // And a late event for them is acknowledged but dropped, and importing the original CSV again does not bring them back
        await Segment(client, key, "/v1/track", $$"""{"event":"Late","anonymousId":"{{Anonymous}}","messageId":"late-1","timestamp":"2026-03-01T10:00:00Z"}""");
        (await client.PostAsync($"/api/v1/workspaces/{workspace}/imports", ServerFixture.Upload(csv, "orders.csv"), Token)).EnsureSuccessStatusCode();
        (await Summary(client, workspace)).ShouldBe(after);
        Scan(server.Root, secrets).ShouldBeEmpty();
    }

    [Fact]
    public async Task Erase_DryRun_CountsAndKeepsTheCustomer()
    {
        // Given a workspace with one customer's event (an id of its own: the erasure test scans the whole data folder,
        // where this kept customer must not be mistaken for a copy the erasure left)
        const string kept = "cust-dry-run-001";
        using var client = server.CreateClient();
        var (workspace, key) = await server.NewWorkspaceAsync(client);
        await Segment(client, key, "/v1/track", $$"""{"event":"Visit","userId":"{{kept}}","messageId":"v-1","timestamp":"2026-03-01T09:00:00Z"}""");

        // When a dry run is asked for
        using var response = await client.PostAsJsonAsync($"/api/v1/workspaces/{workspace}/erasures", new { customer = kept, dryRun = true }, Token);

        // Then it counts the event and keeps it
        var receipt = await Problem.JsonAsync(response);
        receipt.GetProperty("dryRun").GetBoolean().ShouldBeTrue();
        receipt.GetProperty("removed").EnumerateArray().Single(r => r.GetProperty("table").GetString() == "events").GetProperty("rows").GetInt64().ShouldBe(1);
        (await Summary(client, workspace)).Events.ShouldBe(1);
    }

    [Fact]
    public async Task Erase_WithoutCustomer_Is400AndUnknownWorkspaceIs404()
    {
        using var client = server.CreateClient();
        var (workspace, _) = await server.NewWorkspaceAsync(client);
        (await client.PostAsJsonAsync($"/api/v1/workspaces/{workspace}/erasures", new { customer = " " }, Token)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.PostAsJsonAsync("/api/v1/workspaces/no-such-ws/erasures", new { customer = Customer }, Token)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static async Task Segment(HttpClient client, string key, string path, string body)
    {
        using var response = await SegmentEndpointTests.Post(client, path, body, key);
        response.EnsureSuccessStatusCode();
    }

    private static async Task<(long Events, long Cases)> Summary(HttpClient client, string workspace)
    {
        var json = await Problem.JsonAsync(await client.GetAsync($"/api/v1/workspaces/{workspace}/summary", Token));
        return (json.GetProperty("events").GetInt64(), json.GetProperty("cases").GetInt64());
    }

    /// <summary>Every file under <paramref name="root"/> (workspaces, uploads, keys) that holds one of <paramref name="needles"/>.</summary>
    private static List<string> Scan(string root, IEnumerable<string> needles)
    {
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            byte[] bytes;
            using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            using (var memory = new MemoryStream())
            {
                stream.CopyTo(memory);
                bytes = memory.ToArray();
            }

            foreach (var needle in needles)
            {
                if (bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle)) >= 0)
                {
                    found.Add($"{Path.GetRelativePath(root, file)}: {needle}");
                }
            }
        }

        return found;
    }
}
