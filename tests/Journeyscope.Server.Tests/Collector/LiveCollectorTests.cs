using System.Net.Sockets;
using System.Text.Json;
using Journeyscope.Cli;
using Journeyscope.Server.Services;
using Journeyscope.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Journeyscope.Server.Tests.Collector;

/// <summary>
/// Live events: the workspace's change notification after a collector commit, and <c>journeyscope simulate --live</c>
/// against a server listening on 127.0.0.1.
/// </summary>
public sealed class LiveCollectorTests(CollectorServer server) : IClassFixture<CollectorServer>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Collector_EventsCommitted_NotifiesTheWorkspaceChangeOnceStored()
    {
        // Given a workspace and a subscriber to the workspace host's change notification
        using var client = server.CreateClient();
        var (workspace, key) = await server.NewWorkspaceAsync(client);
        var host = server.Factory.Services.GetRequiredService<WorkspaceHost>();
        var changed = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChanged(string name)
        {
            if (name == workspace)
            {
                changed.TrySetResult(server.Store(workspace).Version);
            }
        }

        host.Changed += OnChanged;
        try
        {
            // When an event is collected, and then sent again
            using var first = await SegmentEndpointTests.Post(client, "/v1/track", """{"event":"A","userId":"u1","messageId":"live-1"}""", key);
            var version = await changed.Task.WaitAsync(TimeSpan.FromSeconds(30), Token);
            changed = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            using var again = await SegmentEndpointTests.Post(client, "/v1/track", """{"event":"A","userId":"u1","messageId":"live-1"}""", key);

            // Then the first send notifies with the event already committed; the duplicate does not notify
            first.IsSuccessStatusCode.ShouldBeTrue();
            version.ShouldBeGreaterThan(0);
            again.IsSuccessStatusCode.ShouldBeTrue();
            await Task.Delay(300, Token);
            changed.Task.IsCompleted.ShouldBeFalse();
        }
        finally
        {
            host.Changed -= OnChanged;
        }
    }

    [Fact]
    public async Task SimulateLive_TwentyCustomersAgainstALoopbackServer_StoresEveryMessageOnceAndStitchesThem()
    {
        // Given a server listening on 127.0.0.1 with a workspace, and the CLI creating the ingest key beside its folder
        var root = Directory.CreateTempSubdirectory("journeyscope-live-").FullName;
        var folder = Path.Combine(root, "shop");
        Workspace.Open(folder).Dispose();
        var address = $"http://127.0.0.1:{FreePort()}";
        var app = await JourneyscopeWebApp.BuildAsync(
            ["--urls", address, $"--Journeyscope:WorkspacesRoot={root}", "--Journeyscope:CreateDemo=false", "--Logging:LogLevel:Default=Warning"], Token);
        await using (app)
        {
            await app.StartAsync(Token);
            string[] args = ["simulate", "--scenario", Scenario(), "--customers", "20", "--seed", "3", "--live", "--server", address,
                "--workspace", folder, "--rate", "5000", "--format", "json"];

            // When it streams 20 simulated customers, and then the same customers again
            var (code, output, error) = await Task.Run(() => Run(args), Token);
            var (againCode, againOutput, _) = await Task.Run(() => Run(args), Token);
            var host = app.Services.GetRequiredService<WorkspaceHost>();
            var log = host.Get("shop").LoadEventLog(Token);
            await app.StopAsync(Token);

            // Then every message is acknowledged and stored once (the second run adds nothing),
            // and the anonymous browsing of the customers who identified joined their journeys
            code.ShouldBe(0, error);
            var summary = JsonDocument.Parse(output).RootElement;
            var messages = summary.GetProperty("messages").GetInt64();
            messages.ShouldBeGreaterThan(20);
            summary.GetProperty("acknowledged").GetInt64().ShouldBe(messages);
            summary.GetProperty("failed").GetInt64().ShouldBe(0);
            againCode.ShouldBe(0);
            JsonDocument.Parse(againOutput).RootElement.GetProperty("acknowledged").GetInt64().ShouldBe(messages);
            log.EventCount.ShouldBe((int)messages);
            log.CaseCount.ShouldBe(20, "one journey per customer: anonymous browsing stitched to the customer who identified");
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // A DuckDB file still closing; the OS cleans the temp folder.
        }
    }

    private static (int Code, string Output, string Error) Run(string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = JourneyscopeCli.Run(args, output, error, interactive: false);
        return (code, output.ToString(), error.ToString());
    }

    private static string Scenario()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Journeyscope.slnx")))
            {
                return Path.Combine(dir.FullName, "samples", "retail", "scenario.yaml");
            }
        }

        throw new DirectoryNotFoundException("Journeyscope.slnx not found above " + AppContext.BaseDirectory);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
