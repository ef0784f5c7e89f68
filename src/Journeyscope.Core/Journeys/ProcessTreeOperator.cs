namespace Journeyscope.Journeys;

/// <summary>The kind of a process tree node.</summary>
public enum ProcessTreeOperator
{
    /// <summary>A leaf: a touchpoint id or an activity name, or a silent step (<c>tau</c>) when its label is <c>null</c>.</summary>
    Leaf,

    /// <summary>The children in order, each once (PM4Py <c>-&gt;</c>).</summary>
    Sequence,

    /// <summary>Exactly one of the children (PM4Py <c>X</c>).</summary>
    ExclusiveChoice,

    /// <summary>All children, interleaved in any order (PM4Py <c>+</c>).</summary>
    Parallel,

    /// <summary>
    /// The first child (do), then any number of times the second child (redo) followed by the first again
    /// (PM4Py <c>*</c>, always two children).
    /// </summary>
    Loop,
}
