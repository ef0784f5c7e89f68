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

    /// <summary>The steps shown from the anchor when none is asked for, on every surface.</summary>
    public const int DefaultDepth = 3;

    /// <summary>The activities per depth when none is asked for, on every surface.</summary>
    public const int DefaultTop = 5;

    /// <summary>
    /// The paths after <paramref name="from"/>, before <paramref name="to"/>, or between the two: one rule for the CLI's
    /// <c>--from</c>/<c>--to</c> and the API's <c>from</c>/<c>to</c>/<c>direction</c>.
    /// </summary>
    /// <remarks>
    /// The direction defaults to <see cref="PathDirection.Backward"/> when only <paramref name="to"/> is given, else
    /// forward. Forward paths start at <paramref name="from"/> and stop at <paramref name="to"/>; backward paths end at
    /// <paramref name="to"/> and stop at <paramref name="from"/>.
    /// </remarks>
    /// <exception cref="ArgumentException">Neither step is given.</exception>
    public static PathOptions For(FunnelStep? from, FunnelStep? to, PathDirection? direction = null, int depth = DefaultDepth, int top = DefaultTop)
    {
        if (from is null && to is null)
        {
            throw new ArgumentException("Paths need a step to start from, a step to end at, or both.", nameof(from));
        }

        var backward = (direction ?? (from is null ? PathDirection.Backward : PathDirection.Forward)) == PathDirection.Backward;
        var anchor = backward ? to ?? from! : from ?? to!;
        var target = backward ? (to is null ? null : from) : (from is null ? null : to);
        return new PathOptions(anchor)
        {
            Direction = backward ? PathDirection.Backward : PathDirection.Forward,
            Target = target,
            Depth = depth,
            Top = top,
        };
    }
}
