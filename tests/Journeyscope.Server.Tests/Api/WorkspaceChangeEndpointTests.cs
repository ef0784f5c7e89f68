using System.Net;
using System.Net.Http.Json;

namespace Journeyscope.Server.Tests.Api;

/// <summary>PATCH (rename) and DELETE of /api/v1/workspaces/{ws}, and the list's counts.</summary>
public sealed class WorkspaceChangeEndpointTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string TwoEvents = "case_id,activity,timestamp\nx1,Open,2024-05-01T09:00:00Z\nx1,Close,2024-05-01T10:00:00Z\n";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListWorkspaces_Seeded_GivesEventAndCaseCounts()
    {
        // Given "shop" with 11 events in 4 cases
        using var client = server.CreateClient();

        // When the workspaces are listed
        var json = await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces", Token));

        // Then its item carries the counts
        var shop = json.GetProperty("workspaces").EnumerateArray().Single(w => w.GetProperty("name").GetString() == "shop");
        shop.GetProperty("events").GetInt64().ShouldBe(11);
        shop.GetProperty("cases").GetInt64().ShouldBe(4);
        shop.GetProperty("isDefault").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task RenameWorkspace_NewName_MovesTheFolderAndServesTheEventsUnderTheNewName()
    {
        // Given a workspace with events whose log is cached by a first analysis
        using var client = server.CreateClient();
        await CreateWithEventsAsync(client, "ren-from", ServerFixture.ShopCsv, "shop.csv");
        (await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces/ren-from/summary", Token))).GetProperty("events").GetInt64().ShouldBe(11);

        // When it is renamed
        using var response = await client.PatchAsJsonAsync("/api/v1/workspaces/ren-from", new { name = "ren-to" }, Token);

        // Then the answer names it, the folder moved, the old name is 404 and the new one has the events
        var renamed = await Problem.JsonAsync(response);
        renamed.GetProperty("name").GetString().ShouldBe("ren-to");
        renamed.GetProperty("events").GetInt64().ShouldBe(11);
        Directory.Exists(Path.Combine(server.Root, "ren-from")).ShouldBeFalse();
        Directory.Exists(Path.Combine(server.Root, "ren-to")).ShouldBeTrue();
        await Problem.ReadAsync(await client.GetAsync("/api/v1/workspaces/ren-from/summary", Token), HttpStatusCode.NotFound);
        (await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces/ren-to/summary", Token))).GetProperty("events").GetInt64().ShouldBe(11);
    }

    [Fact]
    public async Task DeleteWorkspace_ThenCreateTheSameName_RemovesTheFolderAndForgetsTheCachedLog()
    {
        // Given a workspace with 11 events whose log is cached
        using var client = server.CreateClient();
        await CreateWithEventsAsync(client, "del-again", ServerFixture.ShopCsv, "shop.csv");
        (await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces/del-again/summary", Token))).GetProperty("events").GetInt64().ShouldBe(11);

        // When it is deleted
        using var deleted = await client.DeleteAsync("/api/v1/workspaces/del-again", Token);

        // Then it answers 204, the folder is gone, the name is unknown and not listed
        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        Directory.Exists(Path.Combine(server.Root, "del-again")).ShouldBeFalse();
        Directory.EnumerateDirectories(server.Root, ".deleted-*").ShouldBeEmpty();
        await Problem.ReadAsync(await client.GetAsync("/api/v1/workspaces/del-again", Token), HttpStatusCode.NotFound);
        var list = await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces", Token));
        list.GetProperty("workspaces").EnumerateArray().Select(w => w.GetProperty("name").GetString()).ShouldNotContain("del-again");

        // And a new workspace of that name (at the same version number) shows its own 2 events, not the cached 11
        await CreateWithEventsAsync(client, "del-again", TwoEvents, "two.csv");
        (await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces/del-again/summary", Token))).GetProperty("events").GetInt64().ShouldBe(2);
    }

    [Fact]
    public async Task RenameWorkspace_ToAnExistingName_Returns409AndKeepsBoth()
    {
        // Given two workspaces
        using var client = server.CreateClient();
        (await client.PostAsJsonAsync("/api/v1/workspaces", new { name = "taken-a" }, Token)).EnsureSuccessStatusCode();

        // When one is renamed to the other's name
        using var response = await client.PatchAsJsonAsync("/api/v1/workspaces/taken-a", new { name = "shop" }, Token);

        // Then a 409 says the name is taken, and nothing moved
        var problem = await Problem.ReadAsync(response, HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString()!.ShouldContain("already exists");
        Directory.Exists(Path.Combine(server.Root, "taken-a")).ShouldBeTrue();
        (await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces/shop", Token))).GetProperty("events").GetInt64().ShouldBe(11);
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("")]
    [InlineData("a b")]
    public async Task RenameWorkspace_InvalidName_Returns400(string name)
    {
        // Given a workspace
        using var client = server.CreateClient();
        (await client.PostAsJsonAsync("/api/v1/workspaces", new { name = "bad-rename" }, Token)).StatusCode
            .ShouldBeOneOf(HttpStatusCode.Created, HttpStatusCode.Conflict);

        // When it is renamed to an unacceptable name
        using var response = await client.PatchAsJsonAsync("/api/v1/workspaces/bad-rename", new { name }, Token);

        // Then a 400 explains the rule and the workspace stays
        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString()!.ShouldContain("letters, digits");
        Directory.Exists(Path.Combine(server.Root, "bad-rename")).ShouldBeTrue();
    }

    [Fact]
    public async Task RenameOrDeleteWorkspace_Unknown_Returns404()
    {
        // Given no workspace "ghost"
        using var client = server.CreateClient();

        // When it is renamed or deleted
        using var renamed = await client.PatchAsJsonAsync("/api/v1/workspaces/ghost", new { name = "spirit" }, Token);
        using var deleted = await client.DeleteAsync("/api/v1/workspaces/ghost", Token);

        // Then both are 404 and nothing appears
        await Problem.ReadAsync(renamed, HttpStatusCode.NotFound);
        await Problem.ReadAsync(deleted, HttpStatusCode.NotFound);
        Directory.Exists(Path.Combine(server.Root, "spirit")).ShouldBeFalse();
    }

    [Fact]
    public async Task RenameOrDeleteWorkspace_Default_Returns409AndKeepsIt()
    {
        // Given the default workspace "demo"
        using var client = server.CreateClient();
        (await client.PostAsJsonAsync("/api/v1/workspaces", new { name = "demo" }, Token)).StatusCode
            .ShouldBeOneOf(HttpStatusCode.Created, HttpStatusCode.Conflict);

        // When it is renamed or deleted
        using var renamed = await client.PatchAsJsonAsync("/api/v1/workspaces/demo", new { name = "demo-2" }, Token);
        using var deleted = await client.DeleteAsync("/api/v1/workspaces/demo", Token);

        // Then both are refused with a 409 that says how to change the default, and it stays
        (await Problem.ReadAsync(renamed, HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("DefaultWorkspace");
        (await Problem.ReadAsync(deleted, HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("default workspace");
        Directory.Exists(Path.Combine(server.Root, "demo")).ShouldBeTrue();
        Directory.Exists(Path.Combine(server.Root, "demo-2")).ShouldBeFalse();
    }

    private static async Task CreateWithEventsAsync(HttpClient client, string name, string csv, string fileName)
    {
        (await client.PostAsJsonAsync("/api/v1/workspaces", new { name }, Token)).StatusCode.ShouldBe(HttpStatusCode.Created);
        using var upload = ServerFixture.Upload(csv, fileName);
        using var imported = await client.PostAsync($"/api/v1/workspaces/{name}/imports", upload, Token);
        imported.IsSuccessStatusCode.ShouldBeTrue(await imported.Content.ReadAsStringAsync(Token));
    }
}
