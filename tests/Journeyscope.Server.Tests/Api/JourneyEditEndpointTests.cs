using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Journeyscope.IO.Journeys;

namespace Journeyscope.Server.Tests.Api;

/// <summary>A journey without writing YAML: drafted from the workspace's events, then touchpoints edited in place, with versions.</summary>
public sealed class JourneyEditEndpointTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string Ws = "/api/v1/workspaces/shop";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DraftThenEditTouchpoint_ShopLog_SavesValidYamlAndConformanceUsesTheEdit()
    {
        // Given the shop log and no journey: a draft is made from its events
        using var client = server.CreateClient();
        using var drafted = await client.PostAsync($"{Ws}/journeys/draft?id=flow-edit", null, Token);
        drafted.StatusCode.ShouldBe(HttpStatusCode.Created, await drafted.Content.ReadAsStringAsync(Token));
        drafted.Headers.Location!.ToString().ShouldEndWith("/journeys/flow-edit");
        (await drafted.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("valid").GetBoolean().ShouldBeTrue();
        var model = await Problem.JsonAsync(await client.GetAsync($"{Ws}/journeys/flow-edit/model", Token));
        var version = model.GetProperty("version").GetString()!;
        var check = model.GetProperty("touchpoints").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "Check");
        var checkId = check.GetProperty("id").GetString()!;
        var stage = model.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("id").GetString()!)
            .First(s => s != check.GetProperty("stage").GetString());

        // When its name and stage are changed in place, naming the version read
        using var edit = Patch($"{Ws}/journeys/flow-edit/touchpoints/{checkId}", new { name = "Check the claim: by hand", stage }, version);
        using var edited = await client.SendAsync(edit, Token);

        // Then the saved YAML is valid and holds the edit, and the rest of the file is untouched
        edited.StatusCode.ShouldBe(HttpStatusCode.OK, await edited.Content.ReadAsStringAsync(Token));
        edited.Headers.ETag!.Tag.ShouldNotBe(version);
        var yaml = await client.GetStringAsync($"{Ws}/journeys/flow-edit", Token);
        var read = JourneyYaml.Parse(yaml);
        read.HasErrors.ShouldBeFalse(string.Join("\n", read.Diagnostics));
        var touchpoint = read.Journey!.Touchpoints.Single(t => t.Id == checkId);
        touchpoint.Name.ShouldBe("Check the claim: by hand");
        touchpoint.Stage.ShouldBe(stage);
        read.Journey.Touchpoints.Count.ShouldBe(model.GetProperty("touchpoints").GetArrayLength());

        // And conformance is computed on the edited journey
        var conformance = await Problem.JsonAsync(await client.GetAsync($"{Ws}/journeys/flow-edit/conformance", Token));
        conformance.GetProperty("cases").GetInt32().ShouldBe(4);
        var figure = conformance.GetProperty("touchpoints").EnumerateArray().Single(t => t.GetProperty("id").GetString() == checkId);
        figure.GetProperty("name").GetString().ShouldBe("Check the claim: by hand");
        figure.GetProperty("stage").GetString().ShouldBe(stage);
    }

    [Fact]
    public async Task EditTouchpoint_StaleVersion_Returns412AndSavesNothing()
    {
        // Given a draft read by two people; the first saves a rename
        using var client = server.CreateClient();
        (await client.PostAsync($"{Ws}/journeys/draft?id=two-editors", null, Token)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var model = await Problem.JsonAsync(await client.GetAsync($"{Ws}/journeys/two-editors/model", Token));
        var version = model.GetProperty("version").GetString()!;
        var id = model.GetProperty("touchpoints")[0].GetProperty("id").GetString()!;
        using (var first = await client.SendAsync(Patch($"{Ws}/journeys/two-editors/touchpoints/{id}", new { name = "First" }, version), Token))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var afterFirst = await client.GetStringAsync($"{Ws}/journeys/two-editors", Token);

        // When the second saves with the version they read
        using var second = await client.SendAsync(Patch($"{Ws}/journeys/two-editors/touchpoints/{id}", new { name = "Second" }, version), Token);

        // Then it is refused and the first edit stands
        var problem = await Problem.ReadAsync(second, HttpStatusCode.PreconditionFailed);
        problem.GetProperty("detail").GetString()!.ShouldContain("changed since you read it");
        (await client.GetStringAsync($"{Ws}/journeys/two-editors", Token)).ShouldBe(afterFirst);
        JourneyYaml.Parse(afterFirst).Journey!.Touchpoints[0].Name.ShouldBe("First");

        // And a whole-file PUT with the old version is refused the same way
        using var put = new HttpRequestMessage(HttpMethod.Put, $"{Ws}/journeys/two-editors") { Content = new StringContent(afterFirst, Encoding.UTF8, "application/yaml") };
        put.Headers.TryAddWithoutValidation("If-Match", version);
        await Problem.ReadAsync(await client.SendAsync(put, Token), HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task EditTouchpoint_UnknownStage_Returns422AndSavesNothing()
    {
        // Given
        using var client = server.CreateClient();
        (await client.PostAsync($"{Ws}/journeys/draft?id=bad-stage", null, Token)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var before = await client.GetStringAsync($"{Ws}/journeys/bad-stage", Token);
        var id = JourneyYaml.Parse(before).Journey!.Touchpoints[0].Id;

        // When
        using var response = await client.SendAsync(Patch($"{Ws}/journeys/bad-stage/touchpoints/{id}", new { stage = "nowhere" }, null), Token);

        // Then
        var problem = await Problem.ReadAsync(response, HttpStatusCode.UnprocessableEntity);
        problem.GetProperty("detail").GetString()!.ShouldContain("not saved");
        (await client.GetStringAsync($"{Ws}/journeys/bad-stage", Token)).ShouldBe(before);
        await Problem.ReadAsync(
            await client.SendAsync(Patch($"{Ws}/journeys/bad-stage/touchpoints/no-such", new { name = "x" }, null), Token), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DraftJourney_WithoutId_TakesTheNextFreeDraftIdAndRefusesATakenOne()
    {
        // Given
        using var client = server.CreateClient();

        // When two drafts are made without an id, and one with a taken id
        using var first = await client.PostAsync($"{Ws}/journeys/draft", null, Token);
        using var second = await client.PostAsync($"{Ws}/journeys/draft", null, Token);
        using var taken = await client.PostAsync($"{Ws}/journeys/draft?id=draft", null, Token);

        // Then
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        second.StatusCode.ShouldBe(HttpStatusCode.Created);
        var ids = new[] { first, second }.Select(r => r.Headers.Location!.ToString().Split('/')[^1]).ToList();
        ids.ShouldBe(["draft", "draft-2"], ignoreOrder: true);
        await Problem.ReadAsync(taken, HttpStatusCode.Conflict);
    }

    private static HttpRequestMessage Patch(string url, object body, string? version)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, url) { Content = JsonContent.Create(body) };
        if (version is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", version);
        }

        return request;
    }
}
