namespace Journeyscope.Funnels;

/// <summary>The stable names of <see cref="PathNodeKind"/> that the CLI's JSON and the web API write.</summary>
public static class PathNodeKinds
{
    /// <summary>The lower-case name of <paramref name="kind"/>: <c>anchor</c>, <c>activity</c>, <c>other</c>, <c>end</c> or <c>target</c>.</summary>
    public static string Name(PathNodeKind kind) => kind switch
    {
        PathNodeKind.Anchor => "anchor",
        PathNodeKind.Activity => "activity",
        PathNodeKind.Other => "other",
        PathNodeKind.End => "end",
        _ => "target",
    };
}
