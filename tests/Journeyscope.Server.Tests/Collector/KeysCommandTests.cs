using System.Net;
using System.Net.Http.Json;
using Journeyscope.Cli;

namespace Journeyscope.Server.Tests.Collector;

/// <summary><c>journeyscope keys</c> beside a running server: the CLI never opens the database the server holds.</summary>
public sealed class KeysCommandTests(CollectorServer server) : IClassFixture<CollectorServer>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task KeysCreate_WhileTheServerHoldsTheWorkspace_PrintsAKeyTheCollectorAcceptsAtOnce()
    {
        // Given a workspace the running server has open (its DuckDB file is locked by the server)
        using var client = server.CreateClient();
        var workspace = "cli-" + Guid.NewGuid().ToString("N")[..8];
        (await client.PostAsJsonAsync("/api/v1/workspaces", new { name = workspace }, Token)).EnsureSuccessStatusCode();
        server.Store(workspace).Version.ShouldBe(0);
        var folder = Path.Combine(server.Root, workspace);

        // When the CLI creates an ingest key for it, and an SDK sends an event with it right away
        var (code, output, error) = Run("keys", "create", "--workspace", folder, "--ingest", "--name", "web");
        var key = output.Trim();
        using var response = await SegmentEndpointTests.Post(client, "/v1/track", """{"event":"A","userId":"u1","messageId":"cli-1"}""", key);
        var (listCode, list, _) = Run("keys", "list", "--workspace", folder, "--format", "json");

        // Then the key is printed alone on stdout, works at once, and is listed by its prefix only
        code.ShouldBe(0, error);
        key.ShouldStartWith("jsi_");
        key.Length.ShouldBe(36);
        error.ShouldContain("only time the key is shown");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Token));
        server.Log(workspace).EventCount.ShouldBe(1);
        listCode.ShouldBe(0);
        list.ShouldContain(key[..10]);
        list.ShouldNotContain(key);
        list.ShouldContain("\"web\"");
    }

    [Fact]
    public void KeysCreate_WithoutIngest_IsAUsageError()
    {
        var (code, _, error) = Run("keys", "create", "--workspace", server.Root);

        code.ShouldBe(2);
        error.ShouldContain("--ingest");
    }

    [Fact]
    public void KeysCreate_FolderWithoutWorkspace_ExitsOneNamingTheFolder()
    {
        var folder = Path.Combine(server.Root, "not-a-workspace");
        Directory.CreateDirectory(folder);

        var (code, _, error) = Run("keys", "create", "--workspace", folder, "--ingest");

        code.ShouldBe(1);
        error.ShouldContain("not a Journeyscope workspace");
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = JourneyscopeCli.Run(args, output, error, interactive: false);
        return (code, output.ToString(), error.ToString());
    }
}
