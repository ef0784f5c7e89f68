namespace Journeyscope.Conformance;

/// <summary>How much a touchpoint deviates from the design, as the blueprint overlay colours it.</summary>
/// <remarks>The thresholds are <see cref="TouchpointConformance.WarningRate"/> and <see cref="TouchpointConformance.BadRate"/>.</remarks>
public enum TouchpointStatus
{
    /// <summary>Fewer than 5 % of the cases deviate at the touchpoint.</summary>
    Ok,

    /// <summary>5 % to 20 % deviate.</summary>
    Warning,

    /// <summary>20 % or more deviate.</summary>
    Bad,
}
