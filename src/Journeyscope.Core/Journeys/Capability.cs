using System.Text.Json.Serialization;

namespace Journeyscope.Journeys;

/// <summary>A capability a touchpoint needs (YAML <c>capabilities:</c> of a touchpoint), with how ready it is.</summary>
/// <param name="Kind">People, process, technology or data.</param>
/// <param name="Name">What the capability is, in the team's words.</param>
/// <param name="Readiness">The readiness level, 1 (missing) to 5 (optimised); see <see cref="CapabilityLevels"/>.</param>
/// <param name="Note">Optional free text (who assessed it, what is missing).</param>
public sealed record Capability(CapabilityKind Kind, string Name, int Readiness, string? Note = null)
{
    /// <summary>The name of <see cref="Readiness"/>: missing, initial, defined, managed or optimised.</summary>
    public string Level => CapabilityLevels.Name(Readiness);

    /// <summary>Where the capability was defined.</summary>
    [JsonIgnore]
    public SourceLocation Location { get; init; } = SourceLocation.None;
}
