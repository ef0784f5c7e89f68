using System.Net;
using System.Net.Http.Json;
using Journeyscope.Agenda;
using Journeyscope.Results;

namespace Journeyscope.Server.Tests.Api;

/// <summary><c>POST/GET …/improvements</c> and <c>GET …/improvements/{id}/report</c> on the demo, against the CLI's record.</summary>
public sealed class ImprovementEndpointTests(DemoServerFixture server, CliDemoWorkspace demo) : IClassFixture<DemoServerFixture>
{
    private const string Api = "/api/v1/workspaces/demo";
    private const string Retried = "follows Authorise payment -> Authorise payment";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PostImprovement_ThenReport_IsListedAndReportedAsTheCliDoes()
    {
        // Given the demo served, and the same improvement recorded through the API and through the CLI
        using var client = server.CreateClient();
        using var posted = await client.PostAsJsonAsync($"{Api}/improvements", new
        {
            title = "New payment SDK",
            outcome = new[] { Retried },
            from = "2025-04-01T00:00:00Z",
            segmentAttribute = "device",
            segmentValue = "android-app",
            valuePerUnit = -4.0,
            unit = "EUR",
        }, Token);
        posted.StatusCode.ShouldBe(HttpStatusCode.Created, await posted.Content.ReadAsStringAsync(Token));
        var added = (await posted.Content.ReadFromJsonAsync<Improvement>(ResultJson.Options, Token)).ShouldNotBeNull();
        CliRunner.Json("improvement", "add", "--workspace", demo.Folder, "--title", "New payment SDK", "--outcome", Retried,
            "--from", "2025-04-01T00:00:00Z", "--segment", "device=android-app", "--value-per-unit", "-4", "--unit", "EUR", "--format", "json");

        // When the list and the report are read
        var list = await client.GetFromJsonAsync<List<Improvement>>($"{Api}/improvements", ResultJson.Options, Token);
        var cli = CliRunner.Json("improvement", "report", added.Id, "--workspace", demo.Folder, "--format", "json");
        var report = await ContractParity.SameAsync<ImprovementReport>(await client.GetAsync($"{Api}/improvements/{added.Id}/report", Token), cli);

        // Then it is listed, and reported by difference in differences (android-app against the other devices); the demo
        // never fixed the retries, so nothing is detected, and the API and the CLI give the same record
        list.ShouldNotBeNull().Select(i => i.Id).ShouldContain(added.Id);
        report.Method.ShouldBe(ImprovementAnalysis.DifferenceInDifferences);
        report.Verdict.ShouldBe(ImprovementAnalysis.NoEffectDetected);
        report.ComparisonBefore.ShouldNotBeNull().Cases.ShouldBeGreaterThan(report.Before.Cases);
        report.ValueRealised.ShouldNotBeNull().Unit.ShouldBe("EUR");
    }

    [Fact]
    public async Task GetReport_UnknownId_Is404()
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync($"{Api}/improvements/imp-99/report", Token);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PostImprovement_WithoutOutcome_Is400()
    {
        using var client = server.CreateClient();
        using var response = await client.PostAsJsonAsync($"{Api}/improvements", new { title = "x", from = "2025-04-01" }, Token);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
