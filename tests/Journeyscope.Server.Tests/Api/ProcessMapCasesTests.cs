using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Journeyscope.Server.Tests.Api;

/// <summary>The cases of a map's node or edge under the map's sliders, and the readable default sliders.</summary>
public sealed class ProcessMapCasesTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    /// <summary>
    /// A and C in every case; B (twice) and D (once) between them, and one case that loops back C→A. Events: A 7, C 7, B 2,
    /// D 1, so activities=0.8 keeps A and C only (14 of 17 events) and reconnects A→B→C and A→D→C into A→C.
    /// </summary>
    private const string Csv =
        "case_id,activity,timestamp\n" +
        "c1,A,2024-01-01T09:00:00Z\nc1,B,2024-01-01T10:00:00Z\nc1,C,2024-01-01T11:00:00Z\n" +
        "c2,A,2024-01-02T09:00:00Z\nc2,C,2024-01-02T10:00:00Z\n" +
        "c3,A,2024-01-03T09:00:00Z\nc3,C,2024-01-03T10:00:00Z\n" +
        "c4,A,2024-01-04T09:00:00Z\nc4,D,2024-01-04T10:00:00Z\nc4,C,2024-01-04T11:00:00Z\n" +
        "c5,A,2024-01-05T09:00:00Z\nc5,B,2024-01-05T10:00:00Z\nc5,C,2024-01-05T11:00:00Z\n" +
        "c6,A,2024-01-06T09:00:00Z\nc6,C,2024-01-06T10:00:00Z\nc6,A,2024-01-06T11:00:00Z\nc6,C,2024-01-06T12:00:00Z\n";

    private static readonly SemaphoreSlim Seeding = new(1, 1);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EdgeCases_ActivitySliderHidesTheStepsBetween_ListsEveryCaseTheReconnectedEdgeCounts()
    {
        // Given the map with B and D hidden, whose edge A→C stands for A→C, A→B→C and A→D→C
        using var client = await SeededAsync();
        var map = await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces/hidden/process-map?activities=0.8&paths=1", Token));
        var edge = Edge(map, "A", "C");

        // When the cases of that edge are asked with the same sliders, and without them
        var shown = await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces/hidden/cases?from=A&to=C&activities=0.8&paths=1", Token));
        var direct = await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces/hidden/cases?from=A&to=C", Token));

        // Then the list under the sliders holds exactly the edge's cases; without them only the direct A→C cases
        edge.GetProperty("cases").GetInt64().ShouldBe(6);
        shown.GetProperty("total").GetInt64().ShouldBe(edge.GetProperty("cases").GetInt64());
        Ids(shown).ShouldBe(["c1", "c2", "c3", "c4", "c5", "c6"]);
        Ids(direct).ShouldBe(["c2", "c3", "c6"]);
    }

    [Fact]
    public async Task EdgeCases_PathSliderHidesTheEdge_ListsNoCase()
    {
        // Given the map at half the paths, which hides the rare loop-back C→A (only c6 has it)
        using var client = await SeededAsync();
        var map = await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces/hidden/process-map?activities=1&paths=0.5", Token));
        map.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("id").GetString()).ShouldNotContain("C→A");

        // When the cases of C→A are asked with those sliders, and without them
        var shown = await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces/hidden/cases?from=C&to=A&activities=1&paths=0.5", Token));
        var all = await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces/hidden/cases?from=C&to=A", Token));

        // Then the map does not draw it, so it has no case; the log has one
        shown.GetProperty("total").GetInt64().ShouldBe(0);
        Ids(all).ShouldBe(["c6"]);
    }

    [Fact]
    public async Task NodeCases_HiddenActivity_ListsNoCaseAndAKeptOneItsCases()
    {
        // Given the map with B and D hidden
        using var client = await SeededAsync();

        // When the cases of B (hidden) and of C (kept) are asked under those sliders
        var hidden = await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces/hidden/cases?activity=B&activities=0.8", Token));
        var kept = await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces/hidden/cases?activity=C&activities=0.8", Token));

        // Then B is not on the map and has none; C has all six
        hidden.GetProperty("total").GetInt64().ShouldBe(0);
        kept.GetProperty("total").GetInt64().ShouldBe(6);
    }

    [Theory]
    [InlineData("cases?from=A&to=C&activities=2", "activities")]
    [InlineData("cases?from=A&to=C&paths=-0.1", "paths")]
    [InlineData("process-map?sliders=tidy", "sliders")]
    public async Task Sliders_OutOfRange_Returns400NamingTheParameter(string query, string name)
    {
        using var client = await SeededAsync();
        using var response = await client.GetAsync("/api/v1/workspaces/hidden/" + query, Token);
        (await Problem.ReadAsync(response, HttpStatusCode.BadRequest)).GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain(name);
    }

    [Fact]
    public async Task ProcessMap_ReadableSliders_ReturnsTheDefaultsItChoseAndExplicitOnesWin()
    {
        // Given a small log (4 activities, 6 edges: already readable, so the readable default keeps it whole)
        using var client = await SeededAsync();

        // When the map is asked with sliders=readable, with and without an explicit path slider
        var readable = await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces/hidden/process-map?sliders=readable", Token));
        var explicitPaths = await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces/hidden/process-map?sliders=readable&paths=0.5", Token));

        // Then the chosen sliders are in the result, and an explicit one is kept (the loop-back C→A hidden)
        readable.GetProperty("sliders").GetProperty("activities").GetDouble().ShouldBe(1.0);
        readable.GetProperty("sliders").GetProperty("paths").GetDouble().ShouldBe(1.0);
        readable.GetProperty("nodes").GetArrayLength().ShouldBe(4);
        readable.GetProperty("edges").GetArrayLength().ShouldBe(6);
        explicitPaths.GetProperty("sliders").GetProperty("activities").GetDouble().ShouldBe(1.0);
        explicitPaths.GetProperty("sliders").GetProperty("paths").GetDouble().ShouldBe(0.5);
        explicitPaths.GetProperty("edges").GetArrayLength().ShouldBe(5);
    }

    private static JsonElement Edge(JsonElement map, string from, string to) =>
        map.GetProperty("edges").EnumerateArray().Single(e => e.GetProperty("from").GetString() == from && e.GetProperty("to").GetString() == to);

    private static List<string?> Ids(JsonElement page) =>
        [.. page.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("caseId").GetString())];

    private async Task<HttpClient> SeededAsync()
    {
        var client = server.CreateClient();
        await Seeding.WaitAsync(Token);
        try
        {
            using var exists = await client.GetAsync("/api/v1/workspaces/hidden", Token);
            if (exists.StatusCode == HttpStatusCode.NotFound)
            {
                using var created = await client.PostAsJsonAsync("/api/v1/workspaces", new { name = "hidden" }, Token);
                created.EnsureSuccessStatusCode();
                using var imported = await client.PostAsync("/api/v1/workspaces/hidden/imports", ServerFixture.Upload(Csv, "hidden.csv"), Token);
                imported.EnsureSuccessStatusCode();
            }
        }
        finally
        {
            Seeding.Release();
        }

        return client;
    }
}
