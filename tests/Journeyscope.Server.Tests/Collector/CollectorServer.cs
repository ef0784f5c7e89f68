using System.IO.Compression;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Journeyscope.EventLogs;
using Journeyscope.Server.Services;
using Journeyscope.Server.Tests.Api;
using Microsoft.Extensions.DependencyInjection;

namespace Journeyscope.Server.Tests.Collector;

/// <summary>A server whose collector accepts decoded bodies up to 2 MB; each test makes its own workspace and ingest key.</summary>
public class CollectorServer : ServerFixture
{
    public const long MaxBodyBytes = 2_000_000;

    public CollectorServer() => Set("Journeyscope:Collector:MaxBodyBytes", MaxBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));

    protected override bool Seed => false;

    /// <summary>Creates a workspace and an ingest key for it through the API.</summary>
    public async Task<(string Workspace, string Key)> NewWorkspaceAsync(HttpClient client)
    {
        var name = "live-" + Guid.NewGuid().ToString("N")[..8];
        using (var created = await client.PostAsJsonAsync("/api/v1/workspaces", new { name }))
        {
            created.EnsureSuccessStatusCode();
        }

        using var keyResponse = await client.PostAsJsonAsync($"/api/v1/workspaces/{name}/keys", new { kind = "ingest", name = "test" });
        keyResponse.EnsureSuccessStatusCode();
        var key = JsonDocument.Parse(await keyResponse.Content.ReadAsStringAsync()).RootElement.GetProperty("key").GetString()!;
        return (name, key);
    }

    /// <summary>
    /// A new workspace (<see cref="NewWorkspaceAsync"/>) with <paramref name="journeyYaml"/> as <c>journeys/shop.yaml</c> and a
    /// webhook for <c>rule.fired</c> to <paramref name="webhookUrl"/> (signed with <paramref name="secret"/> when given): the
    /// set-up of the live rule tests.
    /// </summary>
    public async Task<(string Workspace, string Key)> NewLiveWorkspaceAsync(HttpClient client, string journeyYaml, string webhookUrl, string? secret = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var (workspace, key) = await NewWorkspaceAsync(client);
        await File.WriteAllTextAsync(Path.Combine(Root, workspace, "journeys", "shop.yaml"), journeyYaml);
        using var added = await client.PostAsJsonAsync($"/api/v1/workspaces/{workspace}/webhooks",
            new { url = webhookUrl, secret, eventTypes = new[] { "rule.fired" } });
        added.EnsureSuccessStatusCode();
        return (workspace, key);
    }

    /// <summary>The server's open store of <paramref name="workspace"/>.</summary>
    public Journeyscope.Storage.Workspace Store(string workspace) => Factory.Services.GetRequiredService<WorkspaceHost>().Get(workspace);

    /// <summary>The workspace's stitched log, as every analysis sees it.</summary>
    public EventLog Log(string workspace) => Factory.Services.GetRequiredService<WorkspaceHost>().Get(workspace).LoadEventLog();

    public static byte[] Gzip(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }

    /// <summary>The activities of each case, "case: a, b, c", sorted.</summary>
    public static List<string> Journeys(EventLog log)
    {
        var journeys = new List<string>();
        for (var c = 0; c < log.CaseCount; c++)
        {
            var names = new List<string>();
            foreach (var activity in log.CaseActivities(c))
            {
                names.Add(log.ActivityNames[activity]);
            }

            journeys.Add(log.CaseIds[c] + ": " + string.Join(", ", names));
        }

        journeys.Sort(StringComparer.Ordinal);
        return journeys;
    }
}
