namespace Journeyscope.Server.Api.Dtos;

/// <summary>The (filtered) log at a glance (GET /api/v1/workspaces/{ws}/summary).</summary>
/// <param name="TimeBasis"><c>utc</c> or <c>wall-clock</c>.</param>
/// <param name="Version">The workspace version the figures were computed at.</param>
/// <param name="Cases">Number of cases.</param>
/// <param name="Events">Number of events.</param>
/// <param name="ActivityCount">Number of activities with at least one event.</param>
/// <param name="Variants">Number of variants.</param>
/// <param name="FirstTimestamp">The earliest event, or null.</param>
/// <param name="LastTimestamp">The latest event, or null.</param>
/// <param name="CaseDurationSeconds">Case durations (last minus first event).</param>
/// <param name="Activities">Activities by event count, most frequent first.</param>
public sealed record LogSummary(
    string TimeBasis,
    long Version,
    long Cases,
    long Events,
    long ActivityCount,
    long Variants,
    DateTimeOffset? FirstTimestamp,
    DateTimeOffset? LastTimestamp,
    DurationStatistics CaseDurationSeconds,
    IReadOnlyList<ActivityCount> Activities);
