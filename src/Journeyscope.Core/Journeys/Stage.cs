namespace Journeyscope.Journeys;

/// <summary>A stage of the designed value stream, such as "Purchase &amp; Transaction". Stages are ordered.</summary>
/// <param name="Id">The stage's id, unique in the journey (YAML key <c>id</c>).</param>
/// <param name="Name">The display name.</param>
/// <param name="Description">Optional free text.</param>
public sealed record Stage(string Id, string Name, string? Description = null)
{
    /// <summary>Where the stage was defined.</summary>
    public SourceLocation Location { get; init; } = SourceLocation.None;

    /// <summary>The stage's lifecycle canvas (YAML <c>canvas:</c>), or <c>null</c> when the workshop has not filled it in.</summary>
    public StageCanvas? Canvas { get; init; }
}
