namespace Journeyscope.Partitions;

/// <summary>One activity of a <see cref="JourneySnapshot"/>.</summary>
/// <param name="Name">The activity.</param>
/// <param name="Events">Its events.</param>
/// <param name="Cases">Cases with at least one of its events.</param>
/// <param name="Starts">Cases that start with it.</param>
/// <param name="Ends">Cases that end with it.</param>
public sealed record SnapshotActivity(string Name, long Events, long Cases, long Starts, long Ends);
