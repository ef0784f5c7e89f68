using System.Net;
using System.Text;

namespace Journeyscope.Server.Tests.Api;

public sealed class JourneyAndCaseEndpointTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string Journey =
        "journey: approval\n" +
        "name: Approval journey\n" +
        "touchpoints:\n" +
        "  - id: register\n" +
        "    name: Register\n" +
        "    stage: acquisition\n" +
        "    lane: frontstage\n" +
        "    match: { activity: Register }\n" +
        "  - id: pay\n" +
        "    name: Pay\n" +
        "    stage: purchase\n" +
        "    lane: support\n" +
        "    match: { activity: Pay }\n";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PutJourney_ValidYaml_SavesItAndReportsWarningsAgainstTheLog()
    {
        // Given a valid journey whose 'pay' touchpoint matches no event of the shop log
        using var client = server.CreateClient();

        // When it is saved
        var saved = await Problem.JsonAsync(await client.PutAsync("/api/v1/workspaces/shop/journeys/approval", Yaml(Journey), Token));

        // Then it is valid, warns JS011 for 'pay' with its line, and reads back byte for byte
        saved.GetProperty("valid").GetBoolean().ShouldBeTrue();
        saved.GetProperty("name").GetString().ShouldBe("Approval journey");
        var warning = saved.GetProperty("diagnostics").EnumerateArray().Single(d => d.GetProperty("code").GetString() == "JS011");
        warning.GetProperty("severity").GetString().ShouldBe("warning");
        warning.GetProperty("line").GetInt32().ShouldBeGreaterThan(8);
        using var text = await client.GetAsync("/api/v1/workspaces/shop/journeys/approval", Token);
        text.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await text.Content.ReadAsStringAsync(Token)).ShouldBe(Journey);
        var list = await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces/shop/journeys", Token));
        list.GetProperty("journeys").EnumerateArray().ShouldContain(j => j.GetProperty("id").GetString() == "approval");
        var validation = await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces/shop/journeys/approval/validation", Token));
        validation.GetProperty("valid").GetBoolean().ShouldBeTrue();
        (await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces/shop", Token))).GetProperty("journeys").EnumerateArray()
            .Select(j => j.GetString()).ShouldContain("approval");
    }

    [Fact]
    public async Task PutJourney_WithErrors_Returns422WithDiagnosticsAndSavesNothing()
    {
        // Given a journey with a touchpoint in an unknown lane
        using var client = server.CreateClient();
        var bad = Journey.Replace("lane: frontstage", "lane: front-stage", StringComparison.Ordinal);

        // When it is saved
        using var response = await client.PutAsync("/api/v1/workspaces/shop/journeys/broken", Yaml(bad), Token);

        // Then a 422 lists the diagnostics with lines, and no file was written
        var problem = await Problem.ReadAsync(response, HttpStatusCode.UnprocessableEntity);
        problem.GetProperty("detail").GetString()!.ShouldContain("not saved");
        problem.GetProperty("diagnostics").EnumerateArray().ShouldContain(d => d.GetProperty("severity").GetString() == "error" && d.GetProperty("line").GetInt32() == 7);
        using var read = await client.GetAsync("/api/v1/workspaces/shop/journeys/broken", Token);
        await Problem.ReadAsync(read, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/api/v1/workspaces/shop/journeys/missing")]
    [InlineData("/api/v1/workspaces/shop/journeys/missing/validation")]
    [InlineData("/api/v1/workspaces/shop/journeys/missing/model")]
    public async Task GetJourney_Unknown_Returns404Problem(string url)
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync(url, Token);
        (await Problem.ReadAsync(response, HttpStatusCode.NotFound)).GetProperty("detail").GetString()!.ShouldContain("'missing'");
    }

    [Fact]
    public async Task GetJourneyModel_Saved_ReturnsStagesTouchpointsWithLanesAndFlow()
    {
        // Given a saved journey with a designed flow
        using var client = server.CreateClient();
        var yaml = Journey.Replace("journey: approval", "journey: modelled", StringComparison.Ordinal) + "flow:\n  sequence: [register, { optional: pay }]\n";
        using (var put = await client.PutAsync("/api/v1/workspaces/shop/journeys/modelled", Yaml(yaml), Token))
        {
            put.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        // When its model is read
        var model = await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces/shop/journeys/modelled/model", Token));

        // Then the default stages, the touchpoints with their YAML lane names and the flow in PM4Py notation come back
        model.GetProperty("stages").GetArrayLength().ShouldBe(8);
        var touchpoints = model.GetProperty("touchpoints").EnumerateArray().ToList();
        touchpoints.Select(t => t.GetProperty("lane").GetString()).ShouldBe(["frontstage", "support"]);
        touchpoints[1].GetProperty("stage").GetString().ShouldBe("purchase");
        model.GetProperty("flow").GetString().ShouldBe("->( 'register', X( 'pay', tau ) )");
    }

    [Fact]
    public async Task CheckConformance_ShopJourney_CountsFittingCasesAndSkippedTouchpoints()
    {
        // Given a designed flow register -> check -> (approve | reject); c1 and c2 follow it, c3 checks twice and c4
        // stops after registering (its Check row was quarantined)
        using var client = server.CreateClient();
        const string yaml =
            "journey: decision\nname: Decision\ntouchpoints:\n" +
            "  - { id: register, name: Register, stage: acquisition, lane: frontstage, match: { activity: Register } }\n" +
            "  - { id: check, name: Check, stage: purchase, lane: backstage, match: { activity: Check } }\n" +
            "  - { id: decide, name: Decide, stage: purchase, lane: backstage, match: { activity: [Approve, Reject] } }\n" +
            "flow:\n  sequence: [register, check, decide]\n";
        using (var put = await client.PutAsync("/api/v1/workspaces/shop/journeys/decision", Yaml(yaml), Token))
        {
            put.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        // When conformance is checked
        var result = await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces/shop/journeys/decision/conformance", Token));

        // Then two of four cases fit; c4 skipped check and decide; c3 did check once too often
        result.GetProperty("cases").GetInt32().ShouldBe(4);
        result.GetProperty("fittingCases").GetInt32().ShouldBe(2);
        result.GetProperty("conformanceRate").GetDouble().ShouldBe(0.5);
        var touchpoints = result.GetProperty("touchpoints").EnumerateArray().ToDictionary(t => t.GetProperty("id").GetString()!);
        touchpoints["decide"].GetProperty("skipped").GetInt32().ShouldBe(1);
        touchpoints["check"].GetProperty("skipped").GetInt32().ShouldBe(1);
        touchpoints["check"].GetProperty("repeated").GetInt32().ShouldBe(1);
        touchpoints["register"].GetProperty("status").GetString().ShouldBe("ok");
        touchpoints["decide"].GetProperty("status").GetString().ShouldBe("bad");
    }

    [Fact]
    public async Task CheckConformance_JourneyWithoutFlow_Returns422Problem()
    {
        // Given a journey with touchpoints but no designed flow
        using var client = server.CreateClient();
        var yaml = Journey.Replace("journey: approval", "journey: flowless", StringComparison.Ordinal);
        (await client.PutAsync("/api/v1/workspaces/shop/journeys/flowless", Yaml(yaml), Token)).Dispose();

        // When conformance is asked for
        using var response = await client.GetAsync("/api/v1/workspaces/shop/journeys/flowless/conformance", Token);

        // Then the problem says what to add
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadAsStringAsync(Token)).ShouldContain("flow:");
    }

    [Fact]
    public async Task PutJourney_FlowOfTwentyParallelTouchpoints_Refused422WithJS023AndNotSaved()
    {
        // Given a journey whose flow runs 20 touchpoints in parallel (about a million states: checking conformance against it
        // would hold gigabytes)
        using var client = server.CreateClient();
        var ids = Enumerable.Range(0, 20).Select(i => $"p{i}").ToList();
        var yaml = "journey: wide\nname: Wide\ntouchpoints:\n"
            + string.Concat(ids.Select(id => $"  - id: {id}\n    name: {id}\n    stage: purchase\n    lane: frontstage\n    match: {{ activity: Register }}\n"))
            + $"flow:\n  parallel: [{string.Join(", ", ids)}]\n";

        // When it is saved
        using var response = await client.PutAsync("/api/v1/workspaces/shop/journeys/wide", Yaml(yaml), Token);

        // Then it is refused with the diagnostic, and nothing was saved
        var problem = await Problem.ReadAsync(response, HttpStatusCode.UnprocessableEntity);
        problem.GetProperty("detail").GetString()!.ShouldContain("JS023 the flow has about 1,048,578 states");
        (await client.GetAsync("/api/v1/workspaces/shop/journeys/wide", Token)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PutJourney_EmptyBody_Returns400Problem()
    {
        using var client = server.CreateClient();
        using var response = await client.PutAsync("/api/v1/workspaces/shop/journeys/empty", Yaml(""), Token);
        await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ListCases_ThroughAnActivity_ReturnsThoseCasesInLogOrder()
    {
        using var client = server.CreateClient();
        var json = await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces/shop/cases?activity=Approve", Token));
        json.GetProperty("total").GetInt64().ShouldBe(2);
        json.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("caseId").GetString()).ShouldBe(["c1", "c3"]);
        json.GetProperty("cases")[0].GetProperty("durationSeconds").GetDouble().ShouldBe(3 * 3600);
    }

    [Fact]
    public async Task ListCases_ThroughAnEdge_ReturnsOnlyCasesWithTheDirectlyFollowsPair()
    {
        using var client = server.CreateClient();
        var json = await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces/shop/cases?from=Check&to=Check", Token));
        json.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("caseId").GetString()).ShouldBe(["c3"]);
    }

    [Fact]
    public async Task ListCases_ByVariantRankAndPaged_ReturnsThePage()
    {
        using var client = server.CreateClient();
        var variant = await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces/shop/cases?variant=1", Token));
        variant.GetProperty("total").GetInt64().ShouldBe(1);
        var page = await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces/shop/cases?page=2&pageSize=3", Token));
        page.GetProperty("total").GetInt64().ShouldBe(4);
        page.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("caseId").GetString()).ShouldBe(["c4"]);
    }

    [Theory]
    [InlineData("from=Check")]
    [InlineData("variant=99")]
    [InlineData("pageSize=5000")]
    public async Task ListCases_BadDrillDown_Returns400Problem(string query)
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync("/api/v1/workspaces/shop/cases?" + query, Token);
        await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task GetCase_Known_ReturnsEventsInOrderWithAttributesAndOffsets()
    {
        // Given case c3 of the shop log
        using var client = server.CreateClient();

        // When it is read
        var json = await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces/shop/cases/c3", Token));

        // Then its four events come in time order with resource, typed attributes and the recorded offset
        var events = json.GetProperty("events");
        events.EnumerateArray().Select(e => e.GetProperty("activity").GetString()).ShouldBe(["Register", "Check", "Check", "Approve"]);
        events[0].GetProperty("timestamp").GetString().ShouldBe("2024-03-03T09:00:00+01:00");
        events[0].GetProperty("resource").GetString().ShouldBe("ann");
        events[0].GetProperty("attributes").GetProperty("amount").GetInt64().ShouldBe(30);
        json.GetProperty("durationSeconds").GetDouble().ShouldBe(6 * 3600);
    }

    [Fact]
    public async Task GetCase_Unknown_Returns404Problem()
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync("/api/v1/workspaces/shop/cases/C3", Token);
        (await Problem.ReadAsync(response, HttpStatusCode.NotFound)).GetProperty("detail").GetString()!.ShouldContain("'C3'");
    }

    [Fact]
    public async Task OpenApiDocument_ListsEveryOperation()
    {
        // Given the server
        using var client = server.CreateClient();

        // When the OpenAPI document and the reference page are read
        var doc = await Problem.JsonAsync(await client.GetAsync("/openapi/v1.json", Token));
        using var page = await client.GetAsync("/api", Token);

        // Then every route is described, and the page reads the document without any CDN
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var route in new[]
                 {
                     "/api/v1/workspaces", "/api/v1/workspaces/{ws}", "/api/v1/workspaces/{ws}/imports", "/api/v1/workspaces/{ws}/imports/inspect",
                     "/api/v1/workspaces/{ws}/quarantine", "/api/v1/workspaces/{ws}/summary", "/api/v1/workspaces/{ws}/process-map",
                     "/api/v1/workspaces/{ws}/variants", "/api/v1/workspaces/{ws}/performance", "/api/v1/workspaces/{ws}/bottlenecks",
                     "/api/v1/workspaces/{ws}/cases", "/api/v1/workspaces/{ws}/cases/{caseId}", "/api/v1/workspaces/{ws}/journeys",
                     "/api/v1/workspaces/{ws}/journeys/{id}", "/api/v1/workspaces/{ws}/journeys/{id}/validation",
                 })
        {
            paths.ShouldContain(route);
        }

        page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var html = await page.Content.ReadAsStringAsync(Token);
        html.ShouldContain("/openapi/v1.json");
        html.ShouldNotContain("https://");
    }

    private static StringContent Yaml(string text) => new(text, Encoding.UTF8, "application/yaml");
}
