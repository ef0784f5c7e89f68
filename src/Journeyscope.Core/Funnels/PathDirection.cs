namespace Journeyscope.Funnels;

/// <summary>Which way a path analysis walks from its anchor.</summary>
public enum PathDirection
{
    /// <summary>The steps after the anchor (paths from it).</summary>
    Forward,

    /// <summary>The steps before the anchor (paths leading to it).</summary>
    Backward,
}
