namespace Journeyscope.Server.Tests.Api;

/// <summary>
/// The demo tells one consistent story through the API the pages read: the blueprint's figures add up to the
/// conformance figure, patterns are in plain words, NPS/CSAT/CES read the same on the KPI and VoC pages, CES has one
/// direction, and first-contact resolution is below 100 %.
/// </summary>
public sealed class DemoStoryTests(DemoServerFixture server) : IClassFixture<DemoServerFixture>
{
    private const string Api = "/api/v1/workspaces/demo";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Conformance_Demo_PatternsCoverExactlyTheCasesThatLeaveTheDesign()
    {
        // When the journey page's conformance is read with every pattern
        using var client = server.CreateClient();
        var c = await Problem.JsonAsync(await client.GetAsync($"{Api}/journeys/retail/conformance?top=100", Token));

        // Then the cases leaving the design (40.7 % in the issue) are exactly the cases with a pattern
        var cases = c.GetProperty("cases").GetInt32();
        var leaving = cases - c.GetProperty("fittingCases").GetInt32();
        leaving.ShouldBeGreaterThan(cases / 4);
        c.GetProperty("patternCount").GetInt32().ShouldBeLessThanOrEqualTo(100);
        c.GetProperty("patterns").EnumerateArray().Sum(p => p.GetProperty("cases").GetInt32()).ShouldBe(leaving);

        // And each card's rate is its deviating cases out of all cases (the panel's denominator), so no card exceeds the
        // share leaving the design, and several cards are not 0
        foreach (var t in c.GetProperty("touchpoints").EnumerateArray())
        {
            var deviating = t.GetProperty("skipped").GetInt32() + t.GetProperty("inserted").GetInt32() + t.GetProperty("outOfOrder").GetInt32();
            t.GetProperty("deviationRate").GetDouble().ShouldBe((double)deviating / cases, 1e-12);
            deviating.ShouldBeLessThanOrEqualTo(leaving);
        }

        c.GetProperty("touchpoints").EnumerateArray().Count(t => t.GetProperty("deviationRate").GetDouble() >= 0.0005).ShouldBeGreaterThanOrEqualTo(3);

        // And what no card shows (steps the journey does not map) is named with its cases
        c.GetProperty("unmappedSteps").EnumerateArray().ShouldContain(u => u.GetProperty("activity").GetString() == "Verify address");
    }

    [Fact]
    public async Task Conformance_Demo_PatternsReadInPlainWordsWithTouchpointNames()
    {
        // When
        using var client = server.CreateClient();
        var c = await Problem.JsonAsync(await client.GetAsync($"{Api}/journeys/retail/conformance?top=100", Token));
        var descriptions = c.GetProperty("patterns").EnumerateArray().Select(p => p.GetProperty("description").GetString()!).ToList();

        // Then: names, not ids or codes, and the demo's injected problems read as people say them
        descriptions.ShouldContain("skipped Onboarding email");
        descriptions.ShouldContain(d => d.Contains("did Escalation more than once", StringComparison.Ordinal));
        descriptions.ShouldContain(d => d.Contains("did Payment authorisation more than once", StringComparison.Ordinal));
        descriptions.ShouldContain(d => d.Contains("did “Verify address” (not in the journey)", StringComparison.Ordinal));
        descriptions.ShouldAllBe(d => !d.Contains('?') && !d.Contains("inserted:") && !d.Contains("repeated:"));
        descriptions.ShouldAllBe(d => !d.Contains("repeated Browse"));
    }

    [Fact]
    public async Task SurveyScores_Demo_KpiAndVocPagesShowTheSameText()
    {
        // When the KPI page's and the VoC page's figures are read
        using var client = server.CreateClient();
        var kpis = (await Problem.JsonAsync(await client.GetAsync($"{Api}/journeys/retail/kpis?period=none", Token))).GetProperty("kpis")
            .EnumerateArray().ToDictionary(k => k.GetProperty("id").GetString()!);
        var surveys = (await Problem.JsonAsync(await client.GetAsync($"{Api}/voc?journey=retail", Token))).GetProperty("surveys")
            .EnumerateArray().ToDictionary(s => s.GetProperty("scale").GetString()!);

        // Then NPS has one decimal on both (the issue saw -30.08 and -30.1), and CSAT and CES are the same text too
        var nps = kpis["nps"].GetProperty("formattedValue").GetString()!;
        nps.ShouldMatch(@"^-?\d+\.\d$");
        surveys["nps"].GetProperty("formattedScore").GetString().ShouldBe(nps);
        surveys["csat"].GetProperty("formattedScore").GetString().ShouldBe(kpis["csat"].GetProperty("formattedValue").GetString());
        surveys["ces"].GetProperty("formattedScore").GetString().ShouldBe(kpis["ces"].GetProperty("formattedValue").GetString());
    }

    [Fact]
    public async Task Ces_Demo_OneDirectionForYamlKpiAndVoc()
    {
        // Given the demo journey declares CES higher-is-better (target >= 5.5) and the simulator answers lower after retries
        using var client = server.CreateClient();
        var model = await Problem.JsonAsync(await client.GetAsync($"{Api}/journeys/retail/model", Token));
        model.GetProperty("kpis").EnumerateArray().Single(k => k.GetProperty("id").GetString() == "ces").GetProperty("target").GetString().ShouldBe(">= 5.5");

        // When
        var ces = (await Problem.JsonAsync(await client.GetAsync($"{Api}/journeys/retail/kpis?period=none", Token))).GetProperty("kpis")
            .EnumerateArray().Single(k => k.GetProperty("id").GetString() == "ces");
        var survey = (await Problem.JsonAsync(await client.GetAsync($"{Api}/voc?journey=retail", Token))).GetProperty("surveys")
            .EnumerateArray().Single(s => s.GetProperty("scale").GetString() == "ces");

        // Then the KPI meets its target with the mean the VoC page shows, and the VoC page counts high effort at the low
        // end: read the other way round, most answers (mean near 6) would be "high effort"
        ces.GetProperty("status").GetString().ShouldBe("met");
        ces.GetProperty("value").GetDouble().ShouldBe(survey.GetProperty("mean").GetDouble(), 1e-9);
        ces.GetProperty("value").GetDouble().ShouldBeGreaterThan(5.5);
        survey.GetProperty("negative").GetInt32().ShouldBeLessThan(survey.GetProperty("positive").GetInt32());
        survey.GetProperty("negative").GetInt32().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task FirstContactResolution_Demo_EscalatedTicketsBringASecondContact()
    {
        // When
        using var client = server.CreateClient();
        var fcr = (await Problem.JsonAsync(await client.GetAsync($"{Api}/journeys/retail/kpis?period=none", Token))).GetProperty("kpis")
            .EnumerateArray().Single(k => k.GetProperty("id").GetString() == "first-contact-resolution");

        // Then
        fcr.GetProperty("value").GetDouble().ShouldBeInRange(0.3, 0.95);
        fcr.GetProperty("formattedValue").GetString().ShouldNotBe("100.0%");
    }
}
