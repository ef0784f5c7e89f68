namespace Journeyscope.Journeys;

/// <summary>An improvement idea of the journey's <c>solutions:</c> section, linked to the opportunities it addresses.</summary>
/// <param name="Id">The solution's id, unique in the journey.</param>
/// <param name="Name">What would be done.</param>
/// <param name="Touchpoints">The touchpoints whose opportunities it addresses.</param>
/// <param name="Kinds">The opportunity kinds it addresses (<c>skipped</c>, <c>repeated</c>, <c>time-target</c> ...); empty for all.</param>
/// <param name="Effort">Job size in any unit the team uses (person-weeks, story points); positive.</param>
/// <param name="Cost">The cost, in the journey's value unit, or <c>null</c>.</param>
/// <param name="Share">The expected share of the gap it closes, 0..1.</param>
/// <param name="Confidence">The team's confidence, 0..1 (RICE).</param>
/// <param name="Owner">Who owns it, or <c>null</c>.</param>
public sealed record JourneySolution(
    string Id,
    string Name,
    IReadOnlyList<string> Touchpoints,
    IReadOnlyList<string> Kinds,
    double Effort,
    double? Cost,
    double Share,
    double Confidence,
    string? Owner)
{
    /// <summary>Where the solution was defined.</summary>
    public SourceLocation Location { get; init; } = SourceLocation.None;
}
