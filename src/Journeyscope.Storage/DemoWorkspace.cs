using System.Diagnostics;
using Journeyscope.IO;
using Journeyscope.IO.Journeys;
using Journeyscope.IO.Simulation;
using Journeyscope.Simulation;

namespace Journeyscope.Storage;

/// <summary>
/// The demo workspace every new user starts from: the retail sample (samples/retail) simulated into a workspace, with
/// its designed journey in the workspace's <c>journeys/</c> folder.
/// </summary>
public static class DemoWorkspace
{
    /// <summary>Customers simulated for the demo: about 43,000 events; about 1.5 s of CPU including storage.</summary>
    public const int Customers = 3000;

    /// <summary>The seed of the demo, so every new user sees the same data.</summary>
    public const int Seed = 7;

    /// <summary>The name recorded for the demo import.</summary>
    public const string SourceName = "simulate:samples/retail";

    /// <summary>The ground-truth file written into the workspace folder.</summary>
    public const string GroundTruthFileName = "ground-truth.json";

    private const string ScenarioFile = "scenario.yaml";
    private const string JourneyFile = "retail.yaml";

    /// <summary>
    /// Makes sure <paramref name="folder"/> is a populated workspace: when it holds no events, simulates the retail
    /// sample into it (seed <see cref="Seed"/>, <see cref="Customers"/> customers), copies the journey YAML into
    /// <c>journeys/</c> and writes the ground truth; when it already holds events, changes nothing.
    /// </summary>
    /// <remarks>
    /// The sample is looked up in <c>samples/retail</c> under the application's base directory (the Storage project
    /// copies it to every output folder that references it), then in each parent of the current and the base
    /// directory (running from a clone of the repository). Without it, the built-in scenario and journey are used
    /// and no journey file is copied. The journey is read with <see cref="JourneyYaml"/>; should it hold errors, the
    /// built-in <see cref="RetailJourney"/> (the same content) is simulated instead.
    /// </remarks>
    /// <exception cref="WorkspaceException">The workspace cannot be opened or written.</exception>
    /// <exception cref="ImportException">The sample scenario file is invalid.</exception>
    public static Task<DemoWorkspaceResult> EnsureAsync(string folder, CancellationToken cancellationToken = default) =>
        EnsureAsync(folder, Customers, cancellationToken);

    /// <summary>As <see cref="EnsureAsync(string, CancellationToken)"/>, simulating <paramref name="customers"/> customers (benchmarks).</summary>
    public static async Task<DemoWorkspaceResult> EnsureAsync(string folder, int customers, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentOutOfRangeException.ThrowIfLessThan(customers, 1);
        var watch = Stopwatch.StartNew();
        using var workspace = Workspace.Open(folder, create: true);
        var info = workspace.GetInfo();
        if (info.EventCount > 0)
        {
            return new DemoWorkspaceResult(workspace.Folder, false, info.CaseCount, info.EventCount, null, null, null, watch.Elapsed);
        }

        var samples = FindSamples();
        var scenario = samples is null ? Scenario.Default : ScenarioYaml.Read(Path.Combine(samples, ScenarioFile));
        var journey = samples is not null && JourneyYaml.Read(Path.Combine(samples, "journeys", JourneyFile)) is { HasErrors: false, Journey: { } read }
            ? read
            : RetailJourney.Create();
        var options = new SimulationOptions { Customers = customers, Seed = Seed };
        var simulation = await Task.Run(() => Simulator.Run(journey, scenario, options, cancellationToken), cancellationToken).ConfigureAwait(false);
        var import = new ImportResult(simulation.Log, "simulation", simulation.Log.EventCount, [], [])
        {
            Objects = simulation.Objects,
        };
        await workspace.AppendAsync(import, SourceName, cancellationToken).ConfigureAwait(false);

        var truthFile = Path.Combine(workspace.Folder, GroundTruthFileName);
        simulation.GroundTruth.WriteJson(truthFile);
        string? journeyFile = null;
        if (samples is not null)
        {
            Directory.CreateDirectory(workspace.JourneysFolder);
            journeyFile = Path.Combine(workspace.JourneysFolder, JourneyFile);
            File.Copy(Path.Combine(samples, "journeys", JourneyFile), journeyFile, overwrite: true);
        }

        return new DemoWorkspaceResult(
            workspace.Folder, true, simulation.Log.CaseCount, simulation.Log.EventCount, journeyFile, truthFile, samples, watch.Elapsed);
    }

    /// <summary>The folder holding the retail sample (<c>scenario.yaml</c> and <c>journeys/retail.yaml</c>), or <c>null</c>.</summary>
    public static string? FindSamples()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "samples", "retail");
                if (File.Exists(Path.Combine(candidate, ScenarioFile)) && File.Exists(Path.Combine(candidate, "journeys", JourneyFile)))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
