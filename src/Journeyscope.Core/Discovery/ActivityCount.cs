namespace Journeyscope.Discovery;

/// <summary>How often one activity happens.</summary>
/// <param name="Name">The activity.</param>
/// <param name="Events">Number of its events.</param>
/// <param name="Cases">Number of cases with at least one of them.</param>
public sealed record ActivityCount(string Name, long Events, long Cases);
