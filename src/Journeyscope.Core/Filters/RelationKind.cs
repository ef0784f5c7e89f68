namespace Journeyscope.Filters;

/// <summary>How two activities must follow each other inside a case.</summary>
public enum RelationKind
{
    /// <summary>The second activity immediately follows the first (consecutive events).</summary>
    DirectlyFollows,

    /// <summary>The second activity occurs somewhere after the first.</summary>
    EventuallyFollows,
}
