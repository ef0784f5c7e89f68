namespace Journeyscope.Monitoring;

/// <summary>What a drift change is about.</summary>
public enum DriftSubject
{
    /// <summary>An activity (present in a case or not).</summary>
    Activity,

    /// <summary>A directly-follows relation: one activity directly followed by another in a case.</summary>
    Edge,

    /// <summary>A variant: a whole activity sequence.</summary>
    Variant,
}
