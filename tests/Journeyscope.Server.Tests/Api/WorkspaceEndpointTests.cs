using System.Net;
using System.Net.Http.Json;

namespace Journeyscope.Server.Tests.Api;

public sealed class WorkspaceEndpointTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListWorkspaces_WithSeededWorkspace_ListsItAndNamesTheDefault()
    {
        // Given a server with the workspace "shop"
        using var client = server.CreateClient();

        // When the workspaces are listed
        var json = await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces", Token));

        // Then "shop" is listed and the default is "demo"
        json.GetProperty("defaultWorkspace").GetString().ShouldBe("demo");
        json.GetProperty("workspaces").EnumerateArray().Select(w => w.GetProperty("name").GetString()).ShouldContain("shop");
    }

    [Fact]
    public async Task CreateWorkspace_NewName_Returns201AndIsListed()
    {
        // Given a new name
        using var client = server.CreateClient();

        // When it is created
        using var response = await client.PostAsJsonAsync("/api/v1/workspaces", new { name = "fresh-1" }, Token);

        // Then it answers 201 with its location, and it is listed and empty
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        response.Headers.Location!.ToString().ShouldBe("/api/v1/workspaces/fresh-1");
        var info = await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces/fresh-1", Token));
        info.GetProperty("events").GetInt64().ShouldBe(0);
        info.GetProperty("firstTimestamp").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task CreateWorkspace_ExistingName_Returns409Problem()
    {
        // Given the existing workspace "shop"
        using var client = server.CreateClient();

        // When it is created again
        using var response = await client.PostAsJsonAsync("/api/v1/workspaces", new { name = "shop" }, Token);

        // Then a 409 ProblemDetails says it exists
        var problem = await Problem.ReadAsync(response, HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString()!.ShouldContain("already exists");
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("")]
    [InlineData("a b")]
    [InlineData(".hidden")]
    public async Task CreateWorkspace_InvalidName_Returns400ProblemAndCreatesNothing(string name)
    {
        // Given an unacceptable name
        using var client = server.CreateClient();

        // When it is created
        using var response = await client.PostAsJsonAsync("/api/v1/workspaces", new { name }, Token);

        // Then a 400 ProblemDetails explains the rule, and nothing appears outside the root
        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString()!.ShouldContain("letters, digits");
        Directory.Exists(Path.Combine(Path.GetDirectoryName(server.Root)!, "escape")).ShouldBeFalse();
    }

    [Fact]
    public async Task GetWorkspace_Seeded_ReturnsCountsTimeRangeAndSources()
    {
        // Given "shop" seeded with 11 good events in 4 cases and 1 bad row
        using var client = server.CreateClient();

        // When its info is read
        var info = await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces/shop", Token));

        // Then the counts, range, quarantine and the import are there
        info.GetProperty("name").GetString().ShouldBe("shop");
        info.GetProperty("events").GetInt64().ShouldBe(11);
        info.GetProperty("cases").GetInt64().ShouldBe(4);
        info.GetProperty("activities").GetInt64().ShouldBe(4);
        info.GetProperty("quarantined").GetInt64().ShouldBe(1);
        info.GetProperty("version").GetInt64().ShouldBeGreaterThan(0);
        info.GetProperty("firstTimestamp").GetDateTimeOffset().ShouldBe(DateTimeOffset.Parse("2024-03-01T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var source = info.GetProperty("sources")[0];
        source.GetProperty("source").GetString().ShouldBe("shop.csv");
        source.GetProperty("recordsRead").GetInt64().ShouldBe(12);
    }

    [Theory]
    [InlineData("/api/v1/workspaces/nope")]
    [InlineData("/api/v1/workspaces/nope/summary")]
    [InlineData("/api/v1/workspaces/nope/process-map")]
    [InlineData("/api/v1/workspaces/nope/cases/c1")]
    [InlineData("/api/v1/workspaces/nope/quarantine")]
    public async Task AnyWorkspaceRoute_UnknownWorkspace_Returns404Problem(string url)
    {
        // Given no workspace "nope"
        using var client = server.CreateClient();

        // When a route of it is called
        using var response = await client.GetAsync(url, Token);

        // Then a 404 ProblemDetails names the workspace and how to list them
        var problem = await Problem.ReadAsync(response, HttpStatusCode.NotFound);
        problem.GetProperty("detail").GetString()!.ShouldContain("'nope'");
        problem.GetProperty("detail").GetString()!.ShouldContain("GET /api/v1/workspaces");
        Directory.Exists(Path.Combine(server.Root, "nope")).ShouldBeFalse();
    }

    [Fact]
    public async Task Quarantine_Seeded_ListsTheBadRowWithLineFieldAndReason()
    {
        // Given "shop" with one bad row on line 13
        using var client = server.CreateClient();

        // When the quarantine is read
        var json = await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces/shop/quarantine?limit=5", Token));

        // Then the record names its line and field
        json.GetProperty("total").GetInt64().ShouldBe(1);
        var record = json.GetProperty("records")[0];
        record.GetProperty("line").GetInt64().ShouldBe(13);
        record.GetProperty("field").GetString().ShouldBe("timestamp");
        record.GetProperty("reason").GetString().ShouldNotBeNullOrWhiteSpace();
        json.GetProperty("bySource")[0].GetProperty("key").GetString().ShouldBe("shop.csv");
    }

    [Fact]
    public async Task Quarantine_ZeroLimit_Returns400Problem()
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync("/api/v1/workspaces/shop/quarantine?limit=0", Token);
        (await Problem.ReadAsync(response, HttpStatusCode.BadRequest)).GetProperty("detail").GetString()!.ShouldContain("limit");
    }
}
