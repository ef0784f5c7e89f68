namespace Journeyscope.Journeys;

/// <summary>
/// The lifecycle canvas of a stage (YAML <c>canvas:</c> of a stage): what the workshop wrote down about it. The measured
/// opportunities of the agenda are shown beside <see cref="Opportunities"/> by the canvas view (docs/canvas.md).
/// </summary>
/// <param name="CustomerActions">What customers do in the stage.</param>
/// <param name="Frontstage">What customers see the organisation do.</param>
/// <param name="Backstage">What happens behind the scenes.</param>
/// <param name="Opportunities">The workshop's own notes on what could be better.</param>
/// <param name="ValueProposition">What the stage promises the customer, or <c>null</c>.</param>
public sealed record StageCanvas(
    IReadOnlyList<string> CustomerActions,
    IReadOnlyList<string> Frontstage,
    IReadOnlyList<string> Backstage,
    IReadOnlyList<string> Opportunities,
    string? ValueProposition)
{
    /// <summary>Where the canvas was defined.</summary>
    public SourceLocation Location { get; init; } = SourceLocation.None;
}
