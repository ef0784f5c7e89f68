using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Journeyscope.Server.Tests.Api;

public sealed class DemoStartupTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "journeyscope-demo-start-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Start_WithCreateDemo_OpensAPopulatedDemoWorkspaceWithItsJourney()
    {
        // Given a server over an empty workspaces root with the demo switched on (the README's main command), and an owner key
        var key = OwnerKey(_root);
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Journeyscope:WorkspacesRoot", _root);
            builder.UseSetting("Journeyscope:CreateDemo", "true");
        });
        using var client = ServerFixture.Authorize(factory.CreateClient(), key);

        // When the default workspace is asked for
        var health = await client.GetFromJsonAsync<JsonElement>("/api/v1/health", TestContext.Current.CancellationToken);
        var demo = await client.GetFromJsonAsync<JsonElement>("/api/v1/workspaces/demo", TestContext.Current.CancellationToken);

        // Then the server is up and the demo was simulated, with the retail journey in place
        health.GetProperty("status").GetString().ShouldBe("ok");
        demo.GetProperty("events").GetInt64().ShouldBeGreaterThan(10_000);
        demo.GetProperty("cases").GetInt64().ShouldBe(3000);
        demo.GetProperty("journeys").EnumerateArray().Select(j => j.GetString()).ShouldContain("retail");
    }

    private static string OwnerKey(string root)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        Journeyscope.Cli.JourneyscopeCli.Run(["keys", "create", "--secret", "--scope", "owner", "--workspaces", root, "--format", "json"], output, error, interactive: false)
            .ShouldBe(0, error.ToString());
        return JsonDocument.Parse(output.ToString()).RootElement.GetProperty("key").GetString()!;
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
