using System.Net;
using System.Net.Http.Json;

namespace Journeyscope.Server.Tests.Api;

/// <summary>The loopback server refuses other sites: foreign Host headers (DNS rebinding) and cross-site state changes (CSRF).</summary>
public sealed class RequestOriginGuardTests(RequestOriginGuardTests.Server server) : IClassFixture<RequestOriginGuardTests.Server>
{
    private const string PublicName = "journeyscope.example.org";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("evil.example.com")]
    [InlineData("evil.example.com:5080")]
    [InlineData("127.0.0.1.evil.example.com")]
    public async Task Get_ForeignHost_Returns400ProblemNamingTheHost(string host)
    {
        // Given a page on another site whose name resolves to this server (DNS rebinding)
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/workspaces");
        request.Headers.Host = host;

        // When it reads the API
        using var response = await client.SendAsync(request, Token);

        // Then nothing is served: a 400 says which host was refused and how to allow one
        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString()!.ShouldContain("AllowedHosts");
        problem.GetProperty("detail").GetString()!.ShouldContain(host.Split(':')[0]);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1:5080")]
    [InlineData("[::1]:5080")]
    [InlineData(PublicName)]
    public async Task Get_LoopbackOrConfiguredHost_IsServed(string host)
    {
        // Given a loopback name, or the public name configured in Journeyscope:AllowedHosts
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/workspaces");
        request.Headers.Host = host;

        // When the API is read
        using var response = await client.SendAsync(request, Token);

        // Then it is served
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Token));
    }

    [Theory]
    [InlineData("Origin", "https://evil.example.com")]
    [InlineData("Origin", "http://localhost:3000")]
    [InlineData("Origin", "null")]
    [InlineData("Referer", "https://evil.example.com/page.html")]
    public async Task CreateWorkspace_FromForeignPage_Returns403AndCreatesNothing(string header, string value)
    {
        // Given a POST sent by a page of another site
        using var client = server.CreateClient();
        var name = $"csrf-{header.ToLowerInvariant()}-{value.Length}";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/workspaces") { Content = JsonContent.Create(new { name }) };
        request.Headers.TryAddWithoutValidation(header, value);

        // When the server receives it
        using var response = await client.SendAsync(request, Token);

        // Then it is refused with 403 and the workspace does not exist
        (await Problem.ReadAsync(response, HttpStatusCode.Forbidden)).GetProperty("detail").GetString()!.ShouldContain("may not change data");
        Directory.Exists(Path.Combine(server.Root, name)).ShouldBeFalse();
    }

    [Fact]
    public async Task Import_MultipartFromForeignPage_Returns403AndImportsNothing()
    {
        // Given a workspace and a "simple" cross-site multipart form post (no CORS preflight protects it)
        using var client = server.CreateClient();
        (await client.PostAsJsonAsync("/api/v1/workspaces", new { name = "csrf-import" }, Token)).Dispose();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/workspaces/csrf-import/imports")
        {
            Content = ServerFixture.Upload(ServerFixture.ShopCsv, "orders.csv"),
        };
        request.Headers.TryAddWithoutValidation("Origin", "https://evil.example.com");

        // When it arrives
        using var response = await client.SendAsync(request, Token);

        // Then it is refused and the workspace stays empty
        await Problem.ReadAsync(response, HttpStatusCode.Forbidden);
        var info = await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces/csrf-import", Token));
        info.GetProperty("events").GetInt64().ShouldBe(0);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("http://localhost")]
    public async Task CreateWorkspace_SameOriginOrNoOrigin_IsAccepted(string? origin)
    {
        // Given a POST from the server's own page (same origin) or from curl / a script (no Origin)
        using var client = server.CreateClient();
        var name = origin is null ? "no-origin" : "same-origin";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/workspaces") { Content = JsonContent.Create(new { name }) };
        if (origin is not null)
        {
            request.Headers.TryAddWithoutValidation("Origin", origin);
        }

        // When it is sent
        using var response = await client.SendAsync(request, Token);

        // Then the workspace is created
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Token));
    }

    public sealed class Server : ServerFixture
    {
        public Server() => Set("Journeyscope:AllowedHosts:0", PublicName);

        protected override bool Seed => false;
    }
}
