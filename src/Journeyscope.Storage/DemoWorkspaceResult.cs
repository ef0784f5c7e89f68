namespace Journeyscope.Storage;

/// <summary>What <see cref="DemoWorkspace.EnsureAsync(string, int, CancellationToken)"/> did.</summary>
/// <param name="Folder">The workspace folder (absolute).</param>
/// <param name="Simulated"><c>true</c> when the workspace was empty and the retail sample was simulated into it.</param>
/// <param name="Cases">Cases in the workspace afterwards.</param>
/// <param name="Events">Events in the workspace afterwards.</param>
/// <param name="JourneyFile">The journey YAML copied into the workspace's <c>journeys/</c> folder, or <c>null</c>.</param>
/// <param name="GroundTruthFile">The ground-truth JSON written beside the database, or <c>null</c>.</param>
/// <param name="SamplesFolder">Where the retail sample was found, or <c>null</c> when the built-in defaults were used.</param>
/// <param name="Elapsed">How long it took.</param>
public sealed record DemoWorkspaceResult(
    string Folder,
    bool Simulated,
    long Cases,
    long Events,
    string? JourneyFile,
    string? GroundTruthFile,
    string? SamplesFolder,
    TimeSpan Elapsed);
