using System.Net;
using Journeyscope.Server.Security;
using Journeyscope.Server.Tests.Api;
using Microsoft.Extensions.DependencyInjection;
using static Journeyscope.Server.Tests.Security.SecurityBrowser;

namespace Journeyscope.Server.Tests.Security;

/// <summary>The per-user rate limit, and X-Forwarded-* believed only from configured proxies.</summary>
public sealed class ProxyAndLimitTests : IAsyncDisposable
{
    private static readonly IPAddress Proxy = IPAddress.Parse("10.9.8.7");
    private const string Client = "203.0.113.50";
    private ServerFixture? _server;

    [Fact]
    public async Task RateLimit_OneUserPastTheLimit_Gets429WhileAnotherIsServed()
    {
        // Given a limit of 20 requests a minute per user, and two signed-in users of shop
        var server = await StartAsync(new ConfiguredServer(("Journeyscope:Security:RequestsPerMinute", "20")));
        await AddUserAsync(server, "kim", WorkspaceRole.Viewer);
        await AddUserAsync(server, "lou", WorkspaceRole.Viewer);
        using var kim = Open(server);
        using var lou = Open(server);
        (await SignInAsync(kim, "kim")).Dispose();
        (await SignInAsync(lou, "lou")).Dispose();

        // When kim sends 40 requests at once, then lou sends one
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 40; i++)
        {
            answers.Add(await kim.GetAsync("/api/v1/workspaces/shop/summary", TestContext.Current.CancellationToken));
        }

        using var other = await lou.GetAsync("/api/v1/workspaces/shop/summary", TestContext.Current.CancellationToken);

        // Then kim's burst of 20 passes, the rest get 429 with Retry-After, and lou is served
        answers.Take(20).ShouldAllBe(a => a.StatusCode == HttpStatusCode.OK);
        var refused = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        refused.Count.ShouldBeGreaterThanOrEqualTo(10);
        refused.ShouldAllBe(a => a.Headers.RetryAfter != null && a.Headers.RetryAfter.Delta >= TimeSpan.FromSeconds(1));
        other.StatusCode.ShouldBe(HttpStatusCode.OK);
        answers.ForEach(a => a.Dispose());
    }

    [Theory]
    [InlineData(null, "10.9.8.7")]
    [InlineData("10.0.0.1", "10.9.8.7")]
    [InlineData("10.9.8.7", Client)]
    public async Task ForwardedFor_BelievedOnlyFromAConfiguredProxy(string? knownProxy, string audited)
    {
        // Given requests that arrive from 10.9.8.7, and a configured proxy (none, another one, that one)
        var server = await StartAsync(knownProxy is null
            ? new ConfiguredServer(Proxy)
            : new ConfiguredServer(Proxy, ("Journeyscope:Security:ForwardedHeaders:KnownProxies:0", knownProxy)));
        using var client = server.CreateAnonymousClient();

        // When a request claiming to be from 203.0.113.50 tries a wrong key
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/workspaces");
        request.Headers.Authorization = new("Bearer", "jsk_" + new string('x', 43));
        request.Headers.Add("X-Forwarded-For", Client);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        // Then the audit log names the claimed address only when the peer is the configured proxy
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var scope = server.Factory.Services.CreateScope();
        var audit = await scope.ServiceProvider.GetRequiredService<AuditLog>().ReadAsync(null, 10, TestContext.Current.CancellationToken);
        audit.First(e => e.Action == "key-refused").Address.ShouldBe(audited);
    }

    [Fact]
    public async Task ForwardedFor_FromTheProxy_KeyGuessingIsLimitedPerRealClient()
    {
        // Given a server behind the proxy 10.9.8.7
        var server = await StartAsync(new ConfiguredServer(Proxy, ("Journeyscope:Security:ForwardedHeaders:KnownNetworks:0", "10.9.8.0/24")));
        using var client = server.CreateAnonymousClient();

        // When one client behind it guesses eleven keys, then another client tries one
        var guesser = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            guesser.Add(await GuessAsync(client, "198.51.100.1"));
        }

        var bystander = await GuessAsync(client, "198.51.100.2");

        // Then the guesser is stopped (429) while the other client behind the same proxy is not
        guesser[^1].ShouldBe(HttpStatusCode.TooManyRequests);
        bystander.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task FirstStart_BehindAProxyWithoutAccount_Refuses()
    {
        // Given an empty data folder, listening on loopback but behind a configured reverse proxy
        var root = Path.Combine(Path.GetTempPath(), "journeyscope-proxy-first-start-" + Guid.NewGuid().ToString("N"));
        string[] args =
        [
            "--urls", "http://127.0.0.1:0", "--Journeyscope:WorkspacesRoot=" + root, "--Journeyscope:CreateDemo=false",
            "--Journeyscope:Security:ForwardedHeaders:KnownProxies:0=10.0.0.1",
        ];

        // When it is built
        var error = await Should.ThrowAsync<InvalidOperationException>(() => JourneyscopeWebApp.BuildAsync(args, TestContext.Current.CancellationToken));

        // Then it refuses: through the proxy, the network reaches it
        error.Message.ShouldContain("reverse proxy");
        error.Message.ShouldContain("without an account");
        Directory.Delete(root, recursive: true);
    }

    private static async Task<HttpStatusCode> GuessAsync(HttpClient client, string from)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/workspaces");
        request.Headers.Authorization = new("Bearer", "jsk_" + Guid.NewGuid().ToString("N") + "0123456789a");
        request.Headers.Add("X-Forwarded-For", from);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    private async Task<ServerFixture> StartAsync(ServerFixture server)
    {
        _server = server;
        await server.InitializeAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
