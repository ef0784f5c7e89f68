namespace Journeyscope.Funnels;

/// <summary>What a path analysis shows: from (or to) which step, optionally up to which step, how deep and how wide.</summary>
public sealed class PathOptions
{
    /// <summary>Creates options anchored at <paramref name="anchor"/>.</summary>
    public PathOptions(FunnelStep anchor)
    {
        ArgumentNullException.ThrowIfNull(anchor);
        Anchor = anchor;
    }

    /// <summary>The step the paths start from (forward) or lead to (backward); its first occurrence in each case is used.</summary>
    public FunnelStep Anchor { get; }

    /// <summary>Forward (next steps) or backward (previous steps). Default forward.</summary>
    public PathDirection Direction { get; init; } = PathDirection.Forward;

    /// <summary>
    /// For paths between two steps: the path stops at the first event matching this step after (forward) or before (backward)
    /// the anchor, shown as a <see cref="PathNodeKind.Target"/> node. <c>null</c>: paths run to the end of the journey.
    /// </summary>
    public FunnelStep? Target { get; init; }

    /// <summary>How many steps from the anchor to show (default 3).</summary>
    public int Depth { get; init; } = 3;

    /// <summary>How many activities to show per depth; the rest go to an "other" node (default 5).</summary>
    public int Top { get; init; } = 5;
}
