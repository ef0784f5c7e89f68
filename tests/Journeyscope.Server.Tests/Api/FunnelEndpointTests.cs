using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Journeyscope.Server.Tests.Api;

public sealed class FunnelEndpointTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string Funnels = "/api/v1/workspaces/shop/funnels";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Funnel_SameDefinitionAsCli_ReturnsTheCliJsonNumbers()
    {
        // Given the shop log, and Snapshots/funnel.shop.cli.json written by
        // `journeyscope import shop.csv` then `journeyscope funnel --step Register --step Check --step Approve --window 7d --by amount --format json`
        using var client = server.CreateClient();

        // When the same funnel is posted
        var response = await client.PostAsJsonAsync(Funnels, new
        {
            steps = new object[] { new { activities = new[] { "Register" } }, new { text = "Check" }, new { activities = new[] { "Approve" } } },
            window = "7d",
            breakdown = "amount",
        }, Token);

        // Then both are the same FunnelReport record, overall and per breakdown value
        var funnel = await ContractParity.SameAsync<Journeyscope.Funnels.FunnelReport>(response, File.ReadAllText(Snapshot("funnel.shop.cli.json")));
        funnel.Breakdown.Count.ShouldBe(4);
        funnel.DropOffs.ShouldBeNull();
    }

    [Fact]
    public async Task Funnel_ThreeSteps_CountsConversionsAndTimesOfTheShopLog()
    {
        // Given c1 and c3 go Register → Check → Approve, c2 is rejected after Check, c4 only registered
        using var client = server.CreateClient();

        // When the funnel is computed
        var json = await Problem.JsonAsync(await client.PostAsJsonAsync(Funnels, Request(["Register"], ["Check"], ["Approve"]), Token));

        // Then 4 → 3 → 2 cases, with the medians of 1 h, 30 min, 2 h (to Check) and 3 h, 6 h (to Approve)
        var steps = json.GetProperty("steps").EnumerateArray().ToList();
        steps.Select(s => s.GetProperty("entered").GetInt64()).ShouldBe([4L, 3L, 2L]);
        steps.Select(s => s.GetProperty("droppedOff").GetInt64()).ShouldBe([1L, 1L, 0L]);
        steps[1].GetProperty("conversionFromPrevious").GetDouble().ShouldBe(0.75);
        steps[2].GetProperty("conversionFromFirst").GetDouble().ShouldBe(0.5);
        steps[1].GetProperty("medianSecondsFromFirst").GetDouble().ShouldBe(3600);
        steps[2].GetProperty("medianSecondsFromFirst").GetDouble().ShouldBe(16200);
        steps[0].GetProperty("medianSecondsFromFirst").ValueKind.ShouldBe(JsonValueKind.Null);
        json.GetProperty("timeBasis").GetString().ShouldBe("utc");
    }

    [Fact]
    public async Task Funnel_DropOffsRequested_ListsTheCasesThatStoppedAtThatStepPaged()
    {
        // Given the three-step funnel, where c4 stops at Register and c2 at Check
        using var client = server.CreateClient();

        // When the drop-offs of step 1 and of step 2 are asked for, one per page
        var first = await Problem.JsonAsync(await client.PostAsJsonAsync(Funnels, Request(["Register"], ["Check"], ["Approve"]) with
        {
            DropOffs = new DropOffs(1, PageSize: 1),
        }, Token));
        var second = await Problem.JsonAsync(await client.PostAsJsonAsync(Funnels, Request(["Register"], ["Check"], ["Approve"]) with
        {
            DropOffs = new DropOffs(2),
        }, Token));

        // Then each lists exactly its cases
        var page = first.GetProperty("dropOffs");
        page.GetProperty("total").GetInt64().ShouldBe(1);
        page.GetProperty("cases").EnumerateArray().Select(c => c.GetString()).ShouldBe(["c4"]);
        page.GetProperty("pageSize").GetInt32().ShouldBe(1);
        second.GetProperty("dropOffs").GetProperty("cases").EnumerateArray().Select(c => c.GetString()).ShouldBe(["c2"]);
    }

    [Fact]
    public async Task Funnel_DropOffsOfOneBreakdownValue_ListsOnlyThatValuesCases()
    {
        // Given a funnel by amount, where only the case with amount 20 (c2) stops at Check
        using var client = server.CreateClient();

        // When the drop-offs at Check are asked for value 20 and for value 10
        var twenty = await Problem.JsonAsync(await client.PostAsJsonAsync(Funnels, Request(["Register"], ["Check"], ["Approve"]) with
        {
            Breakdown = "amount",
            DropOffs = new DropOffs(2, ByBreakdown: true, BreakdownValue: "20"),
        }, Token));
        var ten = await Problem.JsonAsync(await client.PostAsJsonAsync(Funnels, Request(["Register"], ["Check"], ["Approve"]) with
        {
            Breakdown = "amount",
            DropOffs = new DropOffs(2, ByBreakdown: true, BreakdownValue: "10"),
        }, Token));

        // Then value 20 lists c2 and value 10 nobody
        twenty.GetProperty("dropOffs").GetProperty("cases").EnumerateArray().Select(c => c.GetString()).ShouldBe(["c2"]);
        ten.GetProperty("dropOffs").GetProperty("total").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task Funnel_StrictOrderAndOptionalStep_FollowTheDefinition()
    {
        // Given Register → Approve: loose order lets Check come between, strict order does not
        using var client = server.CreateClient();

        // When computed both ways, and with an optional Reject step between
        var loose = await Problem.JsonAsync(await client.PostAsJsonAsync(Funnels, Request(["Register"], ["Approve"]), Token));
        var strict = await Problem.JsonAsync(await client.PostAsJsonAsync(Funnels, Request(["Register"], ["Approve"]) with { Order = "strict" }, Token));
        var optional = await Problem.JsonAsync(await client.PostAsJsonAsync(Funnels, new
        {
            steps = new object[] { new { activities = new[] { "Register" } }, new { activities = new[] { "Reject" }, optional = true }, new { activities = new[] { "Approve" } } },
        }, Token));

        // Then two cases convert loosely, none strictly; the optional step counts c2 (did Reject) plus c1 and c3
        // (skipped it and went on to Approve)
        loose.GetProperty("steps")[1].GetProperty("entered").GetInt64().ShouldBe(2);
        strict.GetProperty("steps")[1].GetProperty("entered").GetInt64().ShouldBe(0);
        strict.GetProperty("strictOrder").GetBoolean().ShouldBeTrue();
        optional.GetProperty("steps")[1].GetProperty("entered").GetInt64().ShouldBe(3);
        optional.GetProperty("steps")[2].GetProperty("entered").GetInt64().ShouldBe(2);
    }

    [Fact]
    public async Task Funnel_StepWindowAndExclusion_StopConversions()
    {
        // Given Register → Check within 45 minutes (only c2 checks that fast), and Register → Approve excluding Check
        using var client = server.CreateClient();

        // When computed
        var windowed = await Problem.JsonAsync(await client.PostAsJsonAsync(Funnels, new
        {
            steps = new object[] { new { activities = new[] { "Register" } }, new { activities = new[] { "Check" }, window = "45m" } },
        }, Token));
        var excluded = await Problem.JsonAsync(await client.PostAsJsonAsync(Funnels, new
        {
            steps = new object[] { new { activities = new[] { "Register" } }, new { activities = new[] { "Approve" } } },
            exclusions = new object[] { new { activities = new[] { "Check" } } },
        }, Token));

        // Then one case converts within the window, and none once Check disqualifies
        windowed.GetProperty("steps")[1].GetProperty("entered").GetInt64().ShouldBe(1);
        excluded.GetProperty("steps")[1].GetProperty("entered").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task Funnel_FilteredLog_CountsOnlyTheCasesTheFilterKeeps()
    {
        // Given a filter keeping the cases that end with Approve (c1, c3)
        using var client = server.CreateClient();

        // When the funnel runs on the filtered log
        var json = await Problem.JsonAsync(await client.PostAsJsonAsync(Funnels, Request(["Register"], ["Check"]) with
        {
            Filters = ["ends with Approve"],
        }, Token));

        // Then only those two cases count
        json.GetProperty("cases").GetInt64().ShouldBe(2);
        json.GetProperty("steps")[0].GetProperty("entered").GetInt64().ShouldBe(2);
    }

    [Fact]
    public async Task Funnel_TouchpointSteps_UseTheJourneysRulesAndNames()
    {
        // Given a journey whose 'decide' touchpoint maps Approve and Reject
        using var client = server.CreateClient();
        const string yaml =
            "journey: decision\nname: Decision\ntouchpoints:\n" +
            "  - { id: register, name: Registration, stage: acquisition, lane: frontstage, match: { activity: Register } }\n" +
            "  - { id: decide, name: Decision made, stage: purchase, lane: backstage, match: { activity: [Approve, Reject] } }\n";
        using (var put = await client.PutAsync("/api/v1/workspaces/shop/journeys/decision", new StringContent(yaml, Encoding.UTF8, "application/yaml"), Token))
        {
            put.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        // When the funnel names the touchpoints
        var json = await Problem.JsonAsync(await client.PostAsJsonAsync(Funnels, new
        {
            steps = new object[] { new { journey = "decision", touchpoint = "register" }, new { journey = "decision", touchpoint = "decide" } },
        }, Token));

        // Then the steps match their activities (c1, c2, c3 decided) and carry the touchpoints' names
        var steps = json.GetProperty("steps").EnumerateArray().ToList();
        steps.Select(s => s.GetProperty("label").GetString()).ShouldBe(["Registration", "Decision made"]);
        steps.Select(s => s.GetProperty("entered").GetInt64()).ShouldBe([4L, 3L]);

        // And a misspelt touchpoint is a 400 with a suggestion
        var problem = await Problem.ReadAsync(await client.PostAsJsonAsync(Funnels, new
        {
            steps = new object[] { new { journey = "decision", touchpoint = "decdie" } },
        }, Token), HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString()!.ShouldContain("Did you mean 'decide'?");
    }

    [Theory]
    [InlineData("""{"steps":[{"activities":["Regster"]}]}""", "Did you mean 'Register'?")]
    [InlineData("""{"steps":[]}""", "at least one step")]
    [InlineData("""{"steps":[{"activities":["Register"]},{"activities":["Check"]}],"window":"7 days"}""", "got '7 days'")]
    [InlineData("""{"steps":[{"activities":["Register"]},{"activities":["Check"],"window":"-1h"}]}""", "Step 2 window")]
    [InlineData("""{"steps":[{"activities":["Register"],"optional":true}]}""", "Step 1 cannot be optional")]
    [InlineData("""{"steps":[{"activities":["Register"]}],"order":"random"}""", "'loose'")]
    [InlineData("""{"steps":[{"activities":["Register"]}],"breakdown":"amonut"}""", "neither a case nor an event attribute of this log. Did you mean 'amount'?")]
    [InlineData("""{"steps":[{"activities":["Register"]},{"text":"Check where event.amont >"}]}""", "Step 2")]
    [InlineData("""{"steps":[{"activities":["Register"],"text":"Check"}]}""", "exactly one of")]
    [InlineData("""{"steps":[{"activities":["Register"]},{"activities":["Check"]}],"dropOffs":{"step":3}}""", "between 1 and 2")]
    [InlineData("""{"steps":[{"activities":["Register"]},{"activities":["Check"]}],"exclusions":[{"activities":["Reject"],"fromStep":2,"toStep":2}]}""", "fromStep 2, toStep 2")]
    [InlineData("""{"steps":[{"activities":["Register"]}],"filters":["activty in (A)"]}""", "docs/filters.md")]
    public async Task Funnel_BadDefinition_Returns400WithAnActionableDetail(string body, string expected)
    {
        // Given the shop workspace
        using var client = server.CreateClient();

        // When a bad funnel is posted
        using var response = await client.PostAsync(Funnels, new StringContent(body, Encoding.UTF8, "application/json"), Token);

        // Then it is a 400 problem saying what is wrong
        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString()!.ShouldContain(expected);
    }

    [Fact]
    public async Task Paths_FromRegister_NodesAndLinksAddUpWithAnEndNode()
    {
        // Given the shop log: after Register, 3 cases check and c4 ends
        using var client = server.CreateClient();

        // When the next two steps are asked for
        var json = await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces/shop/paths?from=Register&depth=2&top=8", Token));

        // Then the anchor's 4 cases split into Check (3) and end (1), and Check's 3 into Approve, Check and Reject
        json.GetProperty("cases").GetInt64().ShouldBe(4);
        json.GetProperty("direction").GetString().ShouldBe("next");
        var nodes = json.GetProperty("nodes").EnumerateArray().ToList();
        var links = json.GetProperty("links").EnumerateArray().ToList();
        nodes.Single(n => n.GetProperty("kind").GetString() == "end").GetProperty("cases").GetInt64().ShouldBe(1);
        foreach (var node in nodes.Where(n => n.GetProperty("depth").GetInt32() < 2 && n.GetProperty("kind").GetString() != "end"))
        {
            var id = node.GetProperty("id").GetInt32();
            links.Where(l => l.GetProperty("source").GetInt32() == id).Sum(l => l.GetProperty("cases").GetInt64()).ShouldBe(node.GetProperty("cases").GetInt64());
        }

        nodes.Where(n => n.GetProperty("depth").GetInt32() == 2).Select(n => n.GetProperty("label").GetString()).Order(StringComparer.Ordinal)
            .ShouldBe(["Approve", "Check", "Reject"]);
    }

    [Fact]
    public async Task Paths_ToApproveWithTopOne_GoesBackwardsAndGroupsTheRestAsOther()
    {
        // Given two cases reach Approve, after Check in both
        using var client = server.CreateClient();

        // When the two steps before Approve are asked for with one activity per depth
        var json = await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces/shop/paths?to=Approve&direction=previous&depth=2&top=1", Token));

        // Then depth 1 is Check for both, and depth 2 has Register (c1) plus 'other' (Check in c3)
        json.GetProperty("direction").GetString().ShouldBe("previous");
        json.GetProperty("cases").GetInt64().ShouldBe(2);
        var depth2 = json.GetProperty("nodes").EnumerateArray().Where(n => n.GetProperty("depth").GetInt32() == 2).ToList();
        depth2.Select(n => n.GetProperty("kind").GetString()).Order(StringComparer.Ordinal).ShouldBe(["activity", "other"]);
        depth2.Sum(n => n.GetProperty("cases").GetInt64()).ShouldBe(2);
    }

    [Theory]
    [InlineData("paths", "No anchor")]
    [InlineData("paths?from=Regster", "Did you mean 'Register'?")]
    [InlineData("paths?from=Register&direction=sideways", "'next'")]
    [InlineData("paths?from=Register&depth=0", "depth must be between 1 and 10")]
    [InlineData("retention?cohort=year", "attribute:NAME")]
    [InlineData("retention?cohort=attribute:segmnt", "no case attribute 'segmnt'")]
    [InlineData("retention?return=Aprove", "Did you mean 'Approve'?")]
    [InlineData("retention?churn=inactive:soon", "got 'soon'")]
    [InlineData("retention?churn=quit", "inactive:DURATION")]
    [InlineData("retention?churn=event:Rejct", "Did you mean 'Reject'?")]
    [InlineData("retention?cohort=month&period=week", "disagree")]
    [InlineData("variants?filter=contains%20Regster", "filter \"contains Regster\": the workspace has no activity 'Regster'. Did you mean 'Register'?")]
    [InlineData("process-map?filter=follows%20Register%20-%3E%20Aprove", "Did you mean 'Approve'?")]
    [InlineData("retention?filter=starts%20with%20Regster", "Did you mean 'Register'?")]
    [InlineData("rootcause?outcome=contains%20Rejct", "outcome \"contains Rejct\": the workspace has no activity 'Rejct'. Did you mean 'Reject'?")]
    public async Task PathsAndRetention_BadParameters_Return400WithAnActionableDetail(string query, string expected)
    {
        // Given the shop workspace
        using var client = server.CreateClient();

        // When a bad request is made
        using var response = await client.GetAsync("/api/v1/workspaces/shop/" + query, Token);

        // Then it is a 400 problem saying what to change (the title or the detail)
        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        (problem.GetProperty("title").GetString() + " " + problem.GetProperty("detail").GetString()).ShouldContain(expected);
    }

    [Fact]
    public async Task Retention_WeeklyCohortsWithChurn_MatchesTheShopLog()
    {
        // Given c1-c3 start in the week of Monday 2024-02-26 and return the same week; c4 starts on 2024-03-04 and never returns;
        // the log ends on 2024-03-04 09:00 UTC, more than a day after c1's and c2's last events
        using var client = server.CreateClient();

        // When weekly retention with a one-day inactivity churn rule is asked for
        var json = await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces/shop/retention?cohort=week&periods=2&churn=inactive:1d", Token));

        // Then the table has both cohorts, rates only for periods that have begun, and two churned cases
        var cohorts = json.GetProperty("cohorts").EnumerateArray().ToList();
        cohorts.Select(c => c.GetProperty("cohort").GetString()).ShouldBe(["2024-02-26", "2024-03-04"]);
        cohorts[0].GetProperty("cases").GetInt64().ShouldBe(3);
        cohorts[0].GetProperty("rates").EnumerateArray().Select(r => r.ValueKind == JsonValueKind.Null ? (double?)null : r.GetDouble()).ShouldBe([1.0, 0.0, null]);
        cohorts[1].GetProperty("rates")[0].GetDouble().ShouldBe(0);
        var total = json.GetProperty("total");
        total.GetProperty("cases").GetInt64().ShouldBe(4);
        total.GetProperty("churned").GetInt64().ShouldBe(2);
        total.GetProperty("churnRate").GetDouble().ShouldBe(0.5);
        json.GetProperty("asOf").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2024, 3, 4, 9, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task Retention_ChurnEventAndNoRule_ReportChurnOnlyWhenAsked()
    {
        // Given c2 is the only case with Reject
        using var client = server.CreateClient();

        // When churn is measured by Reject, and not at all
        var byEvent = await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces/shop/retention?churn=event:Reject", Token));
        var none = await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces/shop/retention?cohort=month", Token));

        // Then one case churned, and without a rule churn is null
        byEvent.GetProperty("total").GetProperty("churned").GetInt64().ShouldBe(1);
        byEvent.GetProperty("churn").GetString().ShouldBe("event:Reject");
        none.GetProperty("total").GetProperty("churned").ValueKind.ShouldBe(JsonValueKind.Null);
        none.GetProperty("period").GetString().ShouldBe("month");
        none.GetProperty("cohorts").EnumerateArray().Select(c => c.GetProperty("cohort").GetString()).ShouldBe(["2024-03"]);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheFunnelPathAndRetentionRoutes()
    {
        // Given the server
        using var client = server.CreateClient();

        // When the OpenAPI document is read
        var doc = await Problem.JsonAsync(await client.GetAsync("/openapi/v1.json", Token));

        // Then the three routes are there with their methods
        var paths = doc.GetProperty("paths");
        paths.GetProperty("/api/v1/workspaces/{ws}/funnels").TryGetProperty("post", out _).ShouldBeTrue();
        paths.GetProperty("/api/v1/workspaces/{ws}/paths").TryGetProperty("get", out _).ShouldBeTrue();
        paths.GetProperty("/api/v1/workspaces/{ws}/retention").TryGetProperty("get", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Funnel_UnknownJourney_Returns404NamingIt()
    {
        // Given no journey 'nope'
        using var client = server.CreateClient();

        // When a step names a touchpoint of it
        using var response = await client.PostAsJsonAsync(Funnels, new { steps = new object[] { new { journey = "nope", touchpoint = "x" } } }, Token);

        // Then the problem names the journey
        var problem = await Problem.ReadAsync(response, HttpStatusCode.NotFound);
        problem.GetProperty("detail").GetString()!.ShouldContain("no journey 'nope'");
    }

    [Fact]
    public async Task Funnel_NoBody_Returns400WithAnExample()
    {
        // Given the shop workspace
        using var client = server.CreateClient();

        // When the funnel is posted without a body
        using var response = await client.PostAsync(Funnels, new StringContent("null", Encoding.UTF8, "application/json"), Token);

        // Then the problem shows what to send
        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString()!.ShouldContain("\"steps\"");
    }

    private static FunnelBody Request(params string[][] steps) => new([.. steps.Select(a => new StepBody(a))]);

    private static string Snapshot(string name, [CallerFilePath] string callerPath = "") =>
        Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(callerPath))!, "Snapshots", name);

    private sealed record StepBody(string[] Activities);

    private sealed record DropOffs(int Step, bool ByBreakdown = false, string? BreakdownValue = null, int? PageSize = null);

    private sealed record FunnelBody(
        IReadOnlyList<StepBody> Steps, string? Order = null, string? Breakdown = null, IReadOnlyList<string>? Filters = null, DropOffs? DropOffs = null);
}
