using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Journeyscope.Monitoring;
using Journeyscope.Results;
using Journeyscope.Storage;

namespace Journeyscope.Server.Tests.Api;

/// <summary>
/// Process drift on the demo (its ground truth: from the middle of the period every placed order goes through the new
/// step 'Verify address'): the API and the CLI give the same <see cref="DriftResult"/>, and it finds that change.
/// </summary>
public sealed class DriftEndpointTests(DemoServerFixture server, CliDemoWorkspace demo) : IClassFixture<DemoServerFixture>
{
    private const string Api = "/api/v1/workspaces/demo";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetDrift_Demo_IsTheCliDriftRecordAndFindsTheNewStepNearTheChangeDate()
    {
        // Given the demo served, and the same demo for the CLI
        using var client = server.CreateClient();

        // When drift is read from both with the default (adaptive) windows
        var cli = CliRunner.Json("drift", "--workspace", demo.Folder, "--format", "json");
        var drift = await ContractParity.SameAsync<DriftResult>(await client.GetAsync($"{Api}/drift", Token), cli);

        // Then both are the same record, and one change point, within 200 cases of the first customer who started after
        // the ground truth's change date, says first that 'Verify address' became common (customers who started earlier
        // but ordered after the date have it too)
        var truth = TruthCaseIndex();
        var point = drift.ChangePoints.Where(p => Math.Abs(p.CaseIndex - truth) <= 200).ShouldHaveSingleItem(cli);
        var step = point.Changes.First(c => c.Subject == DriftSubject.Activity);
        step.Activity.ShouldBe("Verify address");
        step.After.ShouldBeGreaterThan(step.Before + 0.3);
        cli.ShouldContain("\"changePoints\"");
        cli.ShouldContain("\"caseIndex\"");
        cli.ShouldContain("\"subject\": \"activity\"");
    }

    [Fact]
    public async Task GetDrift_Window_UsesThatWindow()
    {
        using var client = server.CreateClient();

        // When a window of 300 cases is asked for
        var drift = await client.GetFromJsonAsync<DriftResult>($"{Api}/drift?window=300", ResultJson.Options, Token);

        // Then that window alone is scanned
        drift.ShouldNotBeNull().Parameters.Windows.ShouldBe([300]);
        drift.Parameters.Adaptive.ShouldBeFalse();
    }

    [Fact]
    public async Task GetDrift_WindowTooSmall_BadRequestSaysTheMinimum()
    {
        using var client = server.CreateClient();

        // When a window below the minimum is asked for
        var response = await client.GetAsync($"{Api}/drift?window=5", Token);

        // Then a 400 problem names the minimum
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(Token)).ShouldContain($"at least {DriftOptions.MinWindow}");
    }

    [Fact]
    public void Drift_CliTable_ListsTheChangeInPlainWords()
    {
        // When the CLI prints drift as a table
        var table = CliRunner.Json("drift", "--workspace", demo.Folder);

        // Then the change points and the plain-word changes are shown
        table.ShouldContain("Change points");
        table.ShouldContain("'Verify address' changed frequency from ");
    }

    [Fact]
    public void Drift_CliWindowTooSmall_UsageErrorSaysTheMinimum()
    {
        // When the CLI is asked for a window below the minimum
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = Journeyscope.Cli.JourneyscopeCli.Run(["drift", "--workspace", demo.Folder, "--window", "5"], output, error, interactive: false);

        // Then it is a usage error (exit 2) naming the minimum
        code.ShouldBe(2);
        error.ToString().ShouldContain($"at least {DriftOptions.MinWindow} cases, got 5");
    }

    /// <summary>The index (cases ordered by first event) of the first customer whose first event is at or after the change date.</summary>
    private int TruthCaseIndex()
    {
        using var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(demo.Folder, DemoWorkspace.GroundTruthFileName)));
        var start = truth.RootElement.GetProperty("start").GetDateTimeOffset();
        var end = truth.RootElement.GetProperty("end").GetDateTimeOffset();
        var change = start + ((end - start) * 0.5);
        using var workspace = Workspace.Open(demo.Folder, create: false);
        var log = workspace.LoadEventLog(Token);
        return Enumerable.Range(0, log.CaseCount).Count(c => log.Timestamps[log.CaseStart(c)] < change.UtcTicks);
    }
}
