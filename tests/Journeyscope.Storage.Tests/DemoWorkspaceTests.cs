using System.Text.Json;

namespace Journeyscope.Storage.Tests;

public sealed class DemoWorkspaceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EnsureAsync_EmptyFolder_SimulatesRetailSampleWithJourneyAndGroundTruth()
    {
        // Given an empty folder
        using var temp = new TempFolder();

        // When the demo workspace is ensured
        var result = await DemoWorkspace.EnsureAsync(temp.Path, Ct);

        // Then the retail sample was simulated into it, with the journey and ground truth beside it
        result.Simulated.ShouldBeTrue();
        result.SamplesFolder.ShouldNotBeNull();
        result.Cases.ShouldBe(DemoWorkspace.Customers);
        result.Events.ShouldBeGreaterThan(DemoWorkspace.Customers * 5);
        File.Exists(Path.Combine(temp.Path, "journeys", "retail.yaml")).ShouldBeTrue();
        using var workspace = Workspace.Open(temp.Path, create: false);
        var info = workspace.GetInfo();
        info.EventCount.ShouldBe(result.Events);
        workspace.LoadObjects().ShouldNotBeNull().Objects.ShouldContain(o => o.Type == "order");
        using var truth = JsonDocument.Parse(await File.ReadAllTextAsync(result.GroundTruthFile!, Ct));
        truth.RootElement.GetProperty("problems").GetArrayLength().ShouldBe(5);
    }

    [Fact]
    public async Task EnsureAsync_PopulatedWorkspace_ChangesNothing()
    {
        // Given a workspace the demo already populated
        using var temp = new TempFolder();
        var first = await DemoWorkspace.EnsureAsync(temp.Path, Ct);
        long version;
        using (var workspace = Workspace.Open(temp.Path, create: false))
        {
            version = workspace.Version;
        }

        // When it is ensured again
        var second = await DemoWorkspace.EnsureAsync(temp.Path, Ct);

        // Then nothing is simulated or added
        second.Simulated.ShouldBeFalse();
        second.Events.ShouldBe(first.Events);
        using var reopened = Workspace.Open(temp.Path, create: false);
        reopened.Version.ShouldBe(version);
    }

    [Fact]
    public void FindSamples_FromTestOutput_FindsCopiedRetailSample()
    {
        // Given the Storage project copies samples/retail to every referencing output folder
        // When the sample is looked up
        var samples = DemoWorkspace.FindSamples();

        // Then it holds the scenario and the journey
        samples.ShouldNotBeNull();
        File.Exists(Path.Combine(samples, "scenario.yaml")).ShouldBeTrue();
        File.Exists(Path.Combine(samples, "journeys", "retail.yaml")).ShouldBeTrue();
    }
}
