namespace Journeyscope.Filters;

/// <summary>How a case must relate to a time window to be kept.</summary>
public enum TimeWindowMode
{
    /// <summary>Every event of the case lies in the window.</summary>
    Contained,

    /// <summary>The case's span (first to last event) overlaps the window.</summary>
    Intersecting,

    /// <summary>The case's first event lies in the window.</summary>
    Started,

    /// <summary>The case's last event lies in the window.</summary>
    Completed,
}
