namespace Journeyscope.Journeys;

/// <summary>A critical success factor: what must go right for the journey to succeed, measured by KPIs.</summary>
/// <param name="Id">The factor's id, unique in the journey.</param>
/// <param name="Name">The display text.</param>
/// <param name="Kpis">Ids of the KPIs that measure it.</param>
/// <param name="Description">Optional free text.</param>
public sealed record CriticalSuccessFactor(string Id, string Name, IReadOnlyList<string> Kpis, string? Description = null)
{
    /// <summary>Where the factor was defined.</summary>
    public SourceLocation Location { get; init; } = SourceLocation.None;
}
