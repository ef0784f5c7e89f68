namespace Journeyscope.Performance;

/// <summary>Where the process order of a value stream's steps comes from (<see cref="ProcessOrder"/>).</summary>
public enum StepOrder
{
    /// <summary>The designed journey's order: its stages in order, the touchpoints of a stage as the journey lists them.</summary>
    DesignedJourney,

    /// <summary>The dominant variant's order: activities as the most frequent variant meets them, then as the next ones do.</summary>
    DominantVariant,
}
