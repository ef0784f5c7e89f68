namespace Journeyscope.Storage;

/// <summary>How one of a workspace's dedup filters (stored event ids, collector message ids) was loaded in this process.</summary>
/// <param name="InBackground">Loads started in the background (<see cref="Workspace.PreloadDedupFilters"/>, or a reload after a prune).</param>
/// <param name="OnDemand">Loads done by an append that needed the filter and found none (it paid the scan).</param>
/// <param name="Waited">Appends that needed the filter while a background load ran and waited for it.</param>
/// <param name="IsLoaded">Whether the filter is loaded now (or its background load has finished); false while the load runs.</param>
/// <remarks>Counts are per database file and process, since the process started; they are diagnostics (benchmarks, tests).</remarks>
public sealed record DedupFilterLoads(long InBackground, long OnDemand, long Waited, bool IsLoaded);
