namespace Journeyscope.Server.Api.Dtos;

/// <summary>A cohort retention table with churn (GET /api/v1/workspaces/{ws}/retention).</summary>
/// <param name="TimeBasis"><c>utc</c> or <c>wall-clock</c>.</param>
/// <param name="Version">The workspace version.</param>
/// <param name="Period">The retention period: <c>day</c>, <c>week</c> or <c>month</c>.</param>
/// <param name="Cohort">How cohorts are formed: the period of the first event, or <c>attribute:NAME</c>.</param>
/// <param name="Periods">Periods after the cohort period shown (rates have <c>periods + 1</c> entries).</param>
/// <param name="ReturnActivities">The activities that count as a return; empty: any later event.</param>
/// <param name="Churn">The churn rule as given, or <c>null</c> when churn is not measured.</param>
/// <param name="AsOf">The end of observation (the latest timestamp of the log).</param>
/// <param name="Cohorts">The cohorts: by period in time order, or by attribute value largest first.</param>
/// <param name="Total">All cases together.</param>
public sealed record RetentionResponse(
    string TimeBasis,
    long Version,
    string Period,
    string Cohort,
    int Periods,
    IReadOnlyList<string> ReturnActivities,
    string? Churn,
    DateTimeOffset AsOf,
    IReadOnlyList<CohortItem> Cohorts,
    CohortItem Total);
