using System.Net;
using System.Net.Http.Json;
using System.Text;
using Journeyscope.EventLogs;
using Journeyscope.Filters;
using Journeyscope.Server.Services;
using Microsoft.Extensions.DependencyInjection;

namespace Journeyscope.Server.Tests.Api;

/// <summary>What the server caches: filtered logs, process map discoveries and conformance checks.</summary>
public sealed class CacheTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string DecisionJourney =
        "journey: decision\nname: Decision\ntouchpoints:\n" +
        "  - { id: register, name: Register, stage: acquisition, lane: frontstage, match: { activity: Register } }\n" +
        "  - { id: check, name: Check, stage: purchase, lane: backstage, match: { activity: Check } }\n" +
        "  - { id: decide, name: Decide, stage: purchase, lane: backstage, match: { activity: [Approve, Reject] } }\n" +
        "flow:\n  sequence: [register, check, decide]\n";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private EventLogCache Logs => server.Factory.Services.GetRequiredService<EventLogCache>();

    private AnalysisCache Analyses => server.Factory.Services.GetRequiredService<AnalysisCache>();

    [Fact]
    public async Task FilteredLog_SameFiltersTwice_ReturnsTheSameLogObject()
    {
        // Given a filter
        var filters = FilterParser.ParseAll(["activity in (Register, Check)"]);

        // When the filtered log is asked for twice
        var first = await Logs.GetAsync(ServerFixture.Workspace, TimeBasis.Utc, filters, Token);
        var second = await Logs.GetAsync(ServerFixture.Workspace, TimeBasis.Utc, filters, Token);

        // Then both are the one cached object, filtered once
        ReferenceEquals(first.Log, second.Log).ShouldBeTrue();
        first.Key.ShouldBe(second.Key);
        first.Log.EventCount.ShouldBe(8);
    }

    [Fact]
    public async Task FilteredLog_FilterSpelledDifferently_SharesOneEntry()
    {
        // Given the same filter in two spellings (keyword case, spaces, quotes)
        var tidy = FilterParser.ParseAll(["activity in (Register, Approve)"]);
        var sloppy = FilterParser.ParseAll(["ACTIVITY  in (  \"Register\",Approve )"]);

        // When both are asked for
        var computedBefore = Logs.FilterComputations;
        var first = await Logs.GetAsync(ServerFixture.Workspace, TimeBasis.Utc, tidy, Token);
        var second = await Logs.GetAsync(ServerFixture.Workspace, TimeBasis.Utc, sloppy, Token);

        // Then they have one normalised key and were filtered once
        second.Key.Filters.ShouldBe(first.Key.Filters);
        ReferenceEquals(first.Log, second.Log).ShouldBeTrue();
        (Logs.FilterComputations - computedBefore).ShouldBe(1);
    }

    [Fact]
    public void FilteredLog_FiltersInAnotherOrder_AreADifferentKey()
    {
        // Given two filters whose order matters (filters apply in the order given)
        var one = FilterParser.ParseAll(["activity in (Register, Check)", "case.missing == x"]);
        var other = FilterParser.ParseAll(["case.missing == x", "activity in (Register, Check)"]);

        // When the keys are formed
        var a = EventLogCache.Normalise(one);
        var b = EventLogCache.Normalise(other);

        // Then they differ, and the whole log has the empty key
        a.ShouldNotBe(b);
        EventLogCache.Normalise([]).ShouldBe(string.Empty);
    }

    [Fact]
    public async Task ProcessMap_SameRequestTwice_ComputesOnce()
    {
        // Given a filtered process map request made once
        using var client = server.CreateClient();
        const string url = "/api/v1/workspaces/shop/process-map?filter=activity%20not%20in%20(Reject)&paths=0.9";
        var first = await client.GetStringAsync(url, Token);
        var computed = Analyses.Computations;

        // When it is made again
        var second = await client.GetStringAsync(url, Token);

        // Then the answer is the same and nothing was computed again
        second.ShouldBe(first);
        Analyses.Computations.ShouldBe(computed);
    }

    [Fact]
    public async Task ProcessMap_PathSliderMoves_DoesNotRediscover()
    {
        // Given the full map of the shop log, computed once
        using var client = server.CreateClient();
        var full = await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces/shop/process-map?filter=case.missing%20!=%20x", Token));
        var computed = Analyses.Computations;

        // When the path slider moves twice
        var half = await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces/shop/process-map?filter=case.missing%20!=%20x&paths=0.5", Token));
        var low = await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces/shop/process-map?filter=case.missing%20!=%20x&paths=0.1", Token));

        // Then the maps differ but nothing passed over the events again
        Analyses.Computations.ShouldBe(computed);
        half.GetProperty("edges").GetArrayLength().ShouldBeLessThan(full.GetProperty("edges").GetArrayLength());
        low.GetProperty("sliders").GetProperty("paths").GetDouble().ShouldBe(0.1);
    }

    [Fact]
    public async Task ProcessMap_ActivitySliderWithinOneKeptSet_DoesNotRediscover()
    {
        // Given the shop log (Register 4, Check 4, Approve 2, Reject 1 events), its full map and its map at activities=0.8
        // (Reject hidden)
        using var client = server.CreateClient();
        const string url = "/api/v1/workspaces/shop/process-map?filter=case.other%20!=%20y&activities=";
        var all = await Problem.JsonAsync(await client.GetAsync(url + "1", Token));
        var first = await Problem.JsonAsync(await client.GetAsync(url + "0.8", Token));
        var computed = Analyses.Computations;

        // When the activity slider moves to 0.85, which keeps the same three activities, and back to 1
        var same = await Problem.JsonAsync(await client.GetAsync(url + "0.85", Token));
        var again = await Problem.JsonAsync(await client.GetAsync(url + "1", Token));

        // Then both reuse the statistics computed before
        Analyses.Computations.ShouldBe(computed);
        first.GetProperty("nodes").GetArrayLength().ShouldBe(3);
        same.GetProperty("nodes").GetArrayLength().ShouldBe(3);
        all.GetProperty("nodes").GetArrayLength().ShouldBe(4);
        again.GetProperty("nodes").GetArrayLength().ShouldBe(4);
    }

    [Fact]
    public async Task ProcessMap_NewImport_IsComputedAgainAtTheNewVersion()
    {
        // Given a workspace of its own whose map was computed at version 1
        using var client = server.CreateClient();
        var ws = "cache-" + Guid.NewGuid().ToString("N")[..8];
        (await client.PostAsJsonAsync("/api/v1/workspaces", new { name = ws }, Token)).EnsureSuccessStatusCode();
        await ImportAsync(client, ws, "case_id,activity,timestamp\na,X,2024-01-01T00:00:00Z\na,Y,2024-01-01T01:00:00Z\n");
        var before = await Problem.JsonAsync(await client.GetAsync($"/api/v1/workspaces/{ws}/process-map", Token));

        // When more events are imported and the map is asked for again
        await ImportAsync(client, ws, "case_id,activity,timestamp\nb,X,2024-01-02T00:00:00Z\nb,Z,2024-01-02T02:00:00Z\n");
        var computed = Analyses.Computations;
        var after = await Problem.JsonAsync(await client.GetAsync($"/api/v1/workspaces/{ws}/process-map", Token));

        // Then the map is recomputed on the new events, at the new version
        Analyses.Computations.ShouldBeGreaterThan(computed);
        after.GetProperty("version").GetInt64().ShouldBeGreaterThan(before.GetProperty("version").GetInt64());
        after.GetProperty("cases").GetInt64().ShouldBe(2);
        before.GetProperty("cases").GetInt64().ShouldBe(1);
    }

    [Fact]
    public async Task Conformance_SameJourneyTwice_ChecksOnceUntilTheJourneyChanges()
    {
        // Given a journey with a designed flow, checked once
        using var client = server.CreateClient();
        (await client.PutAsync("/api/v1/workspaces/shop/journeys/cached", Yaml(DecisionJourney), Token)).EnsureSuccessStatusCode();
        const string url = "/api/v1/workspaces/shop/journeys/cached/conformance";
        var first = await client.GetStringAsync(url, Token);
        var computed = Analyses.Computations;

        // When it is checked again, then after the journey file changed
        var second = await client.GetStringAsync(url, Token);
        var unchanged = Analyses.Computations;
        var edited = DecisionJourney.Replace("name: Decision", "name: Decision (edited)", StringComparison.Ordinal);
        (await client.PutAsync("/api/v1/workspaces/shop/journeys/cached", Yaml(edited), Token)).EnsureSuccessStatusCode();
        await client.GetStringAsync(url, Token);

        // Then the repeat came from the cache and the edited journey was checked again
        second.ShouldBe(first);
        unchanged.ShouldBe(computed);
        Analyses.Computations.ShouldBe(computed + 1);
    }

    private static async Task ImportAsync(HttpClient client, string ws, string csv)
    {
        using var response = await client.PostAsync($"/api/v1/workspaces/{ws}/imports", ServerFixture.Upload(csv, "events.csv"), Token);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Token));
    }

    private static StringContent Yaml(string text) => new(text, Encoding.UTF8, "application/yaml");
}
