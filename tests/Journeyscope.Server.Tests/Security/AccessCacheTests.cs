using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Journeyscope.Server.Security;
using Journeyscope.Server.Tests.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using static Journeyscope.Server.Tests.Security.SecurityBrowser;

namespace Journeyscope.Server.Tests.Security;

/// <summary>
/// The access cache: keys and roles are read from the store once, and every change (API or CLI, another process's
/// included) takes effect on the next request. Also prints the request overhead with and without it.
/// </summary>
public sealed class AccessCacheTests : IAsyncDisposable
{
    private const string Summary = "/api/v1/workspaces/shop/summary";
    private readonly List<ServerFixture> _servers = [];

    [Fact]
    public async Task Cache_KeyRevokedWithTheCli_RefusedOnTheNextRequest()
    {
        // Given a read key that has been used (so it is cached)
        var server = await StartAsync(cache: true);
        var key = server.CreateKey("read", ServerFixture.Workspace);
        using var client = ServerFixture.Authorize(server.CreateAnonymousClient(), key);
        var before = await StatusesAsync(client, 3);

        // When the CLI (its own store connection, as another process) revokes it
        SecurityBrowser.Cli("keys", "revoke", key[..SecretKeys.PrefixLength], "--workspaces", server.Root);
        using var after = await client.GetAsync(Summary, TestContext.Current.CancellationToken);

        // Then it worked before and is refused at once after
        before.ShouldAllBe(s => s == HttpStatusCode.OK);
        after.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Cache_KeyRevokedThroughTheApi_RefusedOnTheNextRequest()
    {
        // Given a read key that has been used, and the owner
        var server = await StartAsync(cache: true);
        var key = server.CreateKey("read", ServerFixture.Workspace);
        using var client = ServerFixture.Authorize(server.CreateAnonymousClient(), key);
        var before = await StatusesAsync(client, 3);

        // When the owner revokes it through the API
        using var owner = server.CreateClient();
        using var revoked = await owner.DeleteAsync($"/api/v1/workspaces/shop/secret-keys/{key[..SecretKeys.PrefixLength]}", TestContext.Current.CancellationToken);
        using var after = await client.GetAsync(Summary, TestContext.Current.CancellationToken);

        // Then the next request is refused
        before.ShouldAllBe(s => s == HttpStatusCode.OK);
        revoked.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        after.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Cache_RoleChanged_TakesEffectOnTheNextRequest()
    {
        // Given a signed-in analyst of shop who has imported (so her roles are cached)
        var server = await StartAsync(cache: true);
        await AddUserAsync(server, "max", WorkspaceRole.Analyst);
        using var browser = Open(server);
        (await SignInAsync(browser, "max")).Dispose();
        var before = await StatusesAsync(browser, 3);

        // When the owner makes her a viewer through the API, then the CLI removes her role
        using var owner = server.CreateClient();
        (await owner.PostAsJsonAsync("/api/v1/workspaces/shop/members", new { userName = "max", role = "viewer" }, TestContext.Current.CancellationToken)).Dispose();
        var json = await browser.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/workspaces/shop/me", TestContext.Current.CancellationToken);
        SecurityBrowser.Cli("users", "role", "max", "--workspace", Path.Combine(server.Root, ServerFixture.Workspace), "--role", "none");
        using var removed = await browser.GetAsync(Summary, TestContext.Current.CancellationToken);

        // Then she was a viewer at once, and then sees no shop
        before.ShouldAllBe(s => s == HttpStatusCode.OK);
        json.GetProperty("role").GetString().ShouldBe("viewer");
        removed.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Cache_SteadyState_ReadsTheStoreNoMoreAndPrintsTheOverhead()
    {
        // Given two servers, with and without the cache, a key and a signed-in user on each
        var cached = await StartAsync(cache: true);
        var uncached = await StartAsync(cache: false);
        var clients = new List<(string Name, ServerFixture Server, HttpClient Client)>();
        foreach (var (name, server) in new[] { ("cache", cached), ("no cache", uncached) })
        {
            clients.Add((name + ", key", server, ServerFixture.Authorize(server.CreateAnonymousClient(), server.CreateKey("read", ServerFixture.Workspace))));
            await AddUserAsync(server, "nia", WorkspaceRole.Viewer);
            var browser = Open(server);
            (await SignInAsync(browser, "nia")).Dispose();
            clients.Add((name + ", user", server, browser));
        }

        // When each sends the same requests (after a warm-up), counting the store's queries
        const int Requests = 200;
        var queries = new Dictionary<string, int>(StringComparer.Ordinal);
        var times = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var (name, server, client) in clients)
        {
            (await StatusesAsync(client, 5)).ShouldAllBe(s => s == HttpStatusCode.OK);
            using var counter = new StoreQueries(server.Root);
            var watch = Stopwatch.StartNew();
            var statuses = await StatusesAsync(client, Requests, "/api/v1/workspaces/shop/me");
            times[name] = watch.Elapsed;
            queries[name] = counter.Count;
            statuses.ShouldAllBe(s => s == HttpStatusCode.OK);
        }

        // Then with the cache the store is not read at all in steady state, without it at least once a request
        foreach (var kind in new[] { "key", "user" })
        {
            var ratio = times["no cache, " + kind] / times["cache, " + kind];
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"{Requests} requests by {kind}: store queries {queries["no cache, " + kind]} -> {queries["cache, " + kind]}; " +
                $"time {times["no cache, " + kind].TotalMilliseconds:F0} ms -> {times["cache, " + kind].TotalMilliseconds:F0} ms (uncached/cached {ratio:F2}x)");
            queries["cache, " + kind].ShouldBe(0);
            queries["no cache, " + kind].ShouldBeGreaterThanOrEqualTo(Requests);
        }

        clients.ForEach(c => c.Client.Dispose());
    }

    private static async Task<List<HttpStatusCode>> StatusesAsync(HttpClient client, int count, string path = Summary)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }

    private async Task<ServerFixture> StartAsync(bool cache)
    {
        var server = new ConfiguredServer(("Journeyscope:Security:AccessCache", cache ? "true" : "false"));
        _servers.Add(server);
        await server.InitializeAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }
    }

    /// <summary>Counts the SQL commands EF Core runs on the security store of one server (by its folder in the connection string).</summary>
    private sealed class StoreQueries : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly string _root;
        private readonly IDisposable _all;
        private readonly List<IDisposable> _listeners = [];
        private int _count;

        public StoreQueries(string root)
        {
            _root = root;
            _all = DiagnosticListener.AllListeners.Subscribe(this);
        }

        public int Count => Volatile.Read(ref _count);

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
            {
                lock (_listeners)
                {
                    _listeners.Add(value.Subscribe(this));
                }
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == RelationalEventId.CommandExecuting.Name && value.Value is CommandEventData data
                && data.Command.Connection?.ConnectionString.Contains(_root, StringComparison.Ordinal) == true)
            {
                Interlocked.Increment(ref _count);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            _all.Dispose();
            lock (_listeners)
            {
                _listeners.ForEach(l => l.Dispose());
            }
        }
    }
}
