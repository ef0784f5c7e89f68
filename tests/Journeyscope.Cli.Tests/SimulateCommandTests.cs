using System.Text.Json;
using Journeyscope.Storage;

namespace Journeyscope.Cli.Tests;

public sealed class SimulateCommandTests
{
    // The Storage project copies samples/retail into this test's output folder.
    private static string Scenario => Path.Combine(DemoWorkspace.FindSamples().ShouldNotBeNull(), "scenario.yaml");

    [Fact]
    public void Simulate_SameSeedTwice_SameBytes()
    {
        // Given the retail scenario
        using var temp = new TempFolder();
        var first = Path.Combine(temp.Path, "a.csv");
        var second = Path.Combine(temp.Path, "b.csv");

        // When it is simulated twice with the same seed
        var run1 = CliRun.Run("simulate", "--scenario", Scenario, "--customers", "400", "--seed", "7", "--out", first);
        var run2 = CliRun.Run("simulate", "--scenario", Scenario, "--customers", "400", "--seed", "7", "--out", second);

        // Then both succeed and write the same bytes
        run1.ExitCode.ShouldBe(0, run1.Error);
        run2.ExitCode.ShouldBe(0, run2.Error);
        File.ReadAllBytes(first).ShouldBe(File.ReadAllBytes(second));
        run1.Output.ShouldContain("mobile-payment-retries");
    }

    [Fact]
    public void Simulate_IntoWorkspaceWithGroundTruth_StoresEventsAndWritesTruth()
    {
        // Given an empty workspace
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");
        var truth = Path.Combine(temp.Path, "truth.json");

        // When the scenario is simulated into it with JSON output
        var run = CliRun.Run("simulate", "--scenario", Scenario, "--customers", "300", "--workspace", workspace, "--ground-truth", truth, "--format", "json");

        // Then the events are in the workspace and the ground truth lists the five problems
        run.ExitCode.ShouldBe(0, run.Error);
        using var output = JsonDocument.Parse(run.Output);
        var events = output.RootElement.GetProperty("events").GetInt64();
        using (var store = Workspace.Open(workspace, create: false))
        {
            store.GetInfo().EventCount.ShouldBe(events);
        }

        using var document = JsonDocument.Parse(File.ReadAllText(truth));
        document.RootElement.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("kind").GetString())
            .ShouldBe(["payment-retries", "monday-backlog", "double-escalation", "skipped-onboarding", "drift"]);
    }

    [Fact]
    public void Simulate_OcelOutput_WritesOrdersAndTickets()
    {
        // Given an OCEL 2.0 JSON target
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "retail.jsonocel");

        // When the scenario is simulated to it
        var run = CliRun.Run("simulate", "--scenario", Scenario, "--customers", "200", "--out", path);

        // Then the file declares customer, order and ticket objects
        run.ExitCode.ShouldBe(0, run.Error);
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        document.RootElement.GetProperty("objectTypes").EnumerateArray().Select(t => t.GetProperty("name").GetString())
            .ShouldBe(["customer", "order", "ticket"], ignoreOrder: true);
    }

    [Fact]
    public void Simulate_BadScenario_ExitsOneWithFileAndLine()
    {
        // Given a scenario with an invalid value on line 2
        using var temp = new TempFolder();
        var path = temp.File("bad.yaml", "months: 2\ntouchpoints: { checkout: { skip: 3 } }\n");

        // When it is simulated
        var run = CliRun.Run("simulate", "--scenario", path, "--customers", "10", "--out", Path.Combine(temp.Path, "x.csv"));

        // Then the exit code is 1 and the error names the file, line and knob
        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain($"{path}:2: field 'touchpoints.checkout.skip': touchpoints.checkout.skip must be between 0 and 1 (was 3)");
    }

    [Fact]
    public void Simulate_WithoutScenario_ExitsTwo()
    {
        // When simulate is called without --scenario, then it is a usage error
        CliRun.Run("simulate", "--customers", "10").ExitCode.ShouldBe(2);
    }

    [Fact]
    public void Simulate_UnknownOutputExtension_ExitsTwo()
    {
        // Given an output name without a known format
        using var temp = new TempFolder();

        // When simulated, then it is a usage error naming the file
        var run = CliRun.Run("simulate", "--scenario", Scenario, "--customers", "10", "--out", Path.Combine(temp.Path, "x.dat"));
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("x.dat");
    }

    [Fact]
    public void Demo_EmptyWorkspaceThenAgain_SimulatesOnceAndSaysWhereToLook()
    {
        // Given an empty workspace folder
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "demo");

        // When demo runs twice
        var first = CliRun.Run("demo", "--workspace", workspace);
        var second = CliRun.Run("demo", "--workspace", workspace, "--format", "json");

        // Then the first simulates and points at the next commands, the second changes nothing
        first.ExitCode.ShouldBe(0, first.Error);
        first.Output.ShouldContain("journeyscope discover --workspace");
        first.Output.ShouldContain(Path.Combine(workspace, "journeys", "retail.yaml"));
        second.ExitCode.ShouldBe(0, second.Error);
        using var json = JsonDocument.Parse(second.Output);
        json.RootElement.GetProperty("simulated").GetBoolean().ShouldBeFalse();
        json.RootElement.GetProperty("cases").GetInt64().ShouldBe(DemoWorkspace.Customers);
    }
}
