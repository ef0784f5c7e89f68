using System.Net;
using System.Text;
using System.Text.Json;

namespace Journeyscope.Server.Tests.Api;

/// <summary>GET /journeys/{id}/variants/{rank}/alignment on the shop log against register → check → decide.</summary>
public sealed class VariantAlignmentEndpointTests(ServerFixture server) : IClassFixture<ServerFixture>, IAsyncLifetime
{
    private const string Decision =
        "journey: decision\nname: Decision\ntouchpoints:\n" +
        "  - { id: register, name: Registration, stage: acquisition, lane: frontstage, match: { activity: Register } }\n" +
        "  - { id: check, name: Credit check, stage: purchase, lane: backstage, match: { activity: Check } }\n" +
        "  - { id: decide, name: Decision, stage: purchase, lane: backstage, match: { activity: [Approve, Reject] } }\n" +
        "flow:\n  sequence: [register, check, decide]\n";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        using var client = server.CreateClient();
        using var decision = await client.PutAsync("/api/v1/workspaces/shop/journeys/decision", Yaml(Decision), Token);
        decision.StatusCode.ShouldBe(HttpStatusCode.OK, await decision.Content.ReadAsStringAsync(Token));
        var flowless = "journey: flowless\nname: No flow\ntouchpoints:\n" +
            "  - { id: register, name: Register, stage: acquisition, lane: frontstage, match: { activity: Register } }\n";
        using var put = await client.PutAsync("/api/v1/workspaces/shop/journeys/flowless", Yaml(flowless), Token);
        put.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task AlignVariant_FittingVariant_IsAllSynchronousWithFitnessOne()
    {
        // Given the rank of c1's variant Register → Check → Approve
        using var client = server.CreateClient();
        var rank = await RankOfAsync(client, "Register", "Check", "Approve");

        // When it is aligned with the decision journey
        var json = await Problem.JsonAsync(await client.GetAsync($"/api/v1/workspaces/shop/journeys/decision/variants/{rank}/alignment", Token));

        // Then every step is synchronous, labelled with the touchpoint name, and the variant fits
        json.GetProperty("fits").GetBoolean().ShouldBeTrue();
        json.GetProperty("fitness").GetDouble().ShouldBe(1.0);
        json.GetProperty("rank").GetInt32().ShouldBe(rank);
        json.GetProperty("journeyName").GetString().ShouldBe("Decision");
        Moves(json).ShouldBe(["synchronous:Registration", "synchronous:Credit check", "synchronous:Decision"]);
        json.GetProperty("moves")[2].GetProperty("activity").GetString().ShouldBe("Approve");
        json.GetProperty("moves")[2].GetProperty("touchpointId").GetString().ShouldBe("decide");
    }

    [Fact]
    public async Task AlignVariant_RepeatedStep_ShowsOneInsertedMove()
    {
        // Given c3's variant, which checks twice
        using var client = server.CreateClient();
        var rank = await RankOfAsync(client, "Register", "Check", "Check", "Approve");

        // When it is aligned
        var json = await Problem.JsonAsync(await client.GetAsync($"/api/v1/workspaces/shop/journeys/decision/variants/{rank}/alignment", Token));

        // Then one Check is inserted, cost 1 over 4 events + 3 designed steps
        json.GetProperty("fits").GetBoolean().ShouldBeFalse();
        json.GetProperty("cost").GetInt32().ShouldBe(1);
        json.GetProperty("inserted").GetInt32().ShouldBe(1);
        json.GetProperty("synchronous").GetInt32().ShouldBe(3);
        json.GetProperty("fitness").GetDouble().ShouldBe(1 - (1.0 / 7), 1e-12);
        Moves(json).Count(m => m == "inserted:Credit check").ShouldBe(1);
    }

    [Fact]
    public async Task AlignVariant_StoppedEarly_ShowsSkippedTouchpoints()
    {
        // Given c4's variant: only Register (its Check row was quarantined)
        using var client = server.CreateClient();
        var rank = await RankOfAsync(client, "Register");

        // When it is aligned
        var json = await Problem.JsonAsync(await client.GetAsync($"/api/v1/workspaces/shop/journeys/decision/variants/{rank}/alignment", Token));

        // Then check and decide were skipped after the one event
        Moves(json).ShouldBe(["synchronous:Registration", "skipped:Credit check", "skipped:Decision"]);
        json.GetProperty("skipped").GetInt32().ShouldBe(2);
        json.GetProperty("fitness").GetDouble().ShouldBe(0.5, 1e-12);
        json.GetProperty("moves")[1].GetProperty("activity").ValueKind.ShouldBe(JsonValueKind.Null);
        json.GetProperty("moves")[1].GetProperty("position").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task AlignVariant_UnmappedActivity_IsInsertedUnderItsActivityName()
    {
        // Given a journey that knows only register and decide, so Check maps to no touchpoint
        using var client = server.CreateClient();
        var yaml = "journey: short\nname: Short\ntouchpoints:\n" +
            "  - { id: register, name: Registration, stage: acquisition, lane: frontstage, match: { activity: Register } }\n" +
            "  - { id: decide, name: Decision, stage: purchase, lane: backstage, match: { activity: [Approve, Reject] } }\n" +
            "flow:\n  sequence: [register, decide]\n";
        (await client.PutAsync("/api/v1/workspaces/shop/journeys/short", Yaml(yaml), Token)).Dispose();
        var rank = await RankOfAsync(client, "Register", "Check", "Reject");

        // When c2's variant is aligned
        var json = await Problem.JsonAsync(await client.GetAsync($"/api/v1/workspaces/shop/journeys/short/variants/{rank}/alignment", Token));

        // Then Check is an inserted step with no touchpoint
        Moves(json).ShouldBe(["synchronous:Registration", "inserted:Check", "synchronous:Decision"]);
        json.GetProperty("moves")[1].GetProperty("touchpointId").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Theory]
    [InlineData("/api/v1/workspaces/shop/journeys/decision/variants/0/alignment", HttpStatusCode.BadRequest, "starts at 1")]
    [InlineData("/api/v1/workspaces/shop/journeys/decision/variants/99/alignment", HttpStatusCode.NotFound, "4 variant(s)")]
    [InlineData("/api/v1/workspaces/shop/journeys/missing/variants/1/alignment", HttpStatusCode.NotFound, "'missing'")]
    [InlineData("/api/v1/workspaces/shop/journeys/flowless/variants/1/alignment", HttpStatusCode.UnprocessableEntity, "flow:")]
    [InlineData("/api/v1/workspaces/nowhere/journeys/decision/variants/1/alignment", HttpStatusCode.NotFound, "nowhere")]
    [InlineData("/api/v1/workspaces/shop/journeys/decision/variants/1/alignment?filter=bogus", HttpStatusCode.BadRequest, "bogus")]
    [InlineData("/api/v1/workspaces/shop/journeys/decision/variants/1/alignment?timeBasis=local", HttpStatusCode.BadRequest, "wall-clock")]
    public async Task AlignVariant_BadInput_ReturnsActionableProblem(string url, HttpStatusCode status, string detail)
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync(url, Token);
        (await Problem.ReadAsync(response, status)).GetProperty("detail").GetString()!.ShouldContain(detail);
    }

    [Fact]
    public async Task AlignVariant_FilterLeavesNoCases_Returns404ExplainingTheEmptyLog()
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync(
            "/api/v1/workspaces/shop/journeys/decision/variants/1/alignment?filter=" + Uri.EscapeDataString("duration 5200w.."), Token);
        (await Problem.ReadAsync(response, HttpStatusCode.NotFound)).GetProperty("detail").GetString()!.ShouldContain("no cases");
    }

    private static async Task<int> RankOfAsync(HttpClient client, params string[] activities)
    {
        var variants = await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces/shop/variants?top=50", Token));
        return variants.GetProperty("variants").EnumerateArray()
            .Single(v => v.GetProperty("activities").EnumerateArray().Select(a => a.GetString()).SequenceEqual(activities))
            .GetProperty("rank").GetInt32();
    }

    private static List<string> Moves(JsonElement json) =>
        [.. json.GetProperty("moves").EnumerateArray().Select(m => m.GetProperty("kind").GetString() + ":" + m.GetProperty("label").GetString())];

    private static StringContent Yaml(string text) => new(text, Encoding.UTF8, "application/yaml");
}
