namespace Journeyscope.Funnels;

/// <summary>What a node of a path diagram stands for.</summary>
public enum PathNodeKind
{
    /// <summary>The anchor step at depth 0.</summary>
    Anchor,

    /// <summary>One activity, among the top N at its depth.</summary>
    Activity,

    /// <summary>Every other activity at this depth, together.</summary>
    Other,

    /// <summary>The journey ended (forward) or began (backward) here: no more events.</summary>
    End,

    /// <summary>The path reached the target step (paths between two steps).</summary>
    Target,
}
