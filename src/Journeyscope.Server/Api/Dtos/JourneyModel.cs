namespace Journeyscope.Server.Api.Dtos;

/// <summary>A designed journey as JSON, for the blueprint and the journey page.</summary>
/// <param name="Id">The journey id.</param>
/// <param name="Name">The display name.</param>
/// <param name="Owner">The owner, or null.</param>
/// <param name="Description">Free text, or null.</param>
/// <param name="Stages">The stages in order.</param>
/// <param name="Touchpoints">The touchpoints.</param>
/// <param name="Flow">The designed flow in PM4Py's process tree notation, or null when none is designed.</param>
/// <param name="Kpis">The KPIs with their targets.</param>
/// <param name="TimeTargets">The time targets.</param>
/// <param name="Version">The version of the journey file read (its ETag): send it as If-Match when saving an edit.</param>
public sealed record JourneyModel(
    string Id,
    string Name,
    string? Owner,
    string? Description,
    IReadOnlyList<JourneyStage> Stages,
    IReadOnlyList<JourneyTouchpoint> Touchpoints,
    string? Flow,
    IReadOnlyList<JourneyKpiItem> Kpis,
    IReadOnlyList<JourneyTimeTarget> TimeTargets,
    string Version);

/// <summary>A stage of a designed journey.</summary>
/// <param name="Id">The stage id.</param>
/// <param name="Name">The display name.</param>
/// <param name="Description">Free text, or null.</param>
public sealed record JourneyStage(string Id, string Name, string? Description);

/// <summary>A touchpoint of a designed journey.</summary>
/// <param name="Id">The touchpoint id.</param>
/// <param name="Name">The display name.</param>
/// <param name="Stage">The stage id.</param>
/// <param name="Lane">The blueprint lane as written in YAML (customer-action, frontstage, backstage, support, physical-evidence).</param>
/// <param name="Channel">The designed channel, or null.</param>
/// <param name="Owner">The owner, or null.</param>
/// <param name="Description">Free text, or null.</param>
public sealed record JourneyTouchpoint(string Id, string Name, string Stage, string Lane, string? Channel, string? Owner, string? Description);

/// <summary>A KPI of a designed journey.</summary>
/// <param name="Id">The KPI id.</param>
/// <param name="Name">The display name.</param>
/// <param name="Kind">The KPI kind.</param>
/// <param name="Target">The target, or null.</param>
public sealed record JourneyKpiItem(string Id, string Name, string Kind, string? Target);

/// <summary>A time target of a designed journey.</summary>
/// <param name="Id">The target id.</param>
/// <param name="Name">The display text.</param>
/// <param name="From">Where the clock starts.</param>
/// <param name="To">Where the clock stops.</param>
/// <param name="WithinSeconds">The allowed time in seconds.</param>
public sealed record JourneyTimeTarget(string Id, string Name, string From, string To, double WithinSeconds);
