namespace Journeyscope.Server.Collector;

/// <summary>The collector's settings, bound from <c>Journeyscope:Collector</c> (docs/collector.md).</summary>
public sealed class CollectorOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Journeyscope:Collector";

    /// <summary>The largest request body, raw and decoded, bytes. Default 20 MiB.</summary>
    public long MaxBodyBytes { get; set; } = 20L << 20;

    /// <summary>Days message ids are kept for dedup; at least 7. Default 30.</summary>
    public int MessageRetentionDays { get; set; } = 30;

    /// <summary>
    /// The most distinct property and trait names a workspace may hold (each is a column of its store); a message that would
    /// add one beyond it is quarantined with the reason. Default 500.
    /// </summary>
    public int MaxPropertyNames { get; set; } = Storage.Collector.CollectLimits.DefaultMaxAttributeNames;
}
