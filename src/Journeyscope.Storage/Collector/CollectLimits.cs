namespace Journeyscope.Storage.Collector;

/// <summary>The limits a collector append keeps (docs/collector.md).</summary>
public sealed class CollectLimits
{
    /// <summary>The default cap on distinct event and case attribute names of a workspace.</summary>
    public const int DefaultMaxAttributeNames = 500;

    /// <summary>How long message ids are kept for dedup (at least <see cref="Workspace.MinimumMessageRetention"/>). Default 30 days.</summary>
    public TimeSpan MessageRetention { get; init; } = TimeSpan.FromDays(30);

    /// <summary>
    /// The most distinct attribute names (event properties and customer traits together) a workspace may hold. A message
    /// whose properties or traits would add a name beyond it is quarantined with the reason; its other messages are stored.
    /// Each name is a column of the store, so without a cap one sender could add columns without end. Default 500.
    /// </summary>
    public int MaxAttributeNames { get; init; } = DefaultMaxAttributeNames;
}
