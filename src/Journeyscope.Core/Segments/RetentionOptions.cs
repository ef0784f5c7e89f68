namespace Journeyscope.Segments;

/// <summary>How retention is measured: the period, the return activity, the cohort definition and the churn rule.</summary>
public sealed class RetentionOptions
{
    /// <summary>The default options: weekly cohorts, any later activity counts as a return, 8 periods, no churn rule.</summary>
    public static RetentionOptions Default { get; } = new();

    /// <summary>The period length (default week).</summary>
    public CohortPeriod Period { get; init; } = CohortPeriod.Week;

    /// <summary>How many periods after the cohort period to report (period 0 is the cohort period itself). Default 8.</summary>
    public int Periods { get; init; } = 8;

    /// <summary>The activities that count as a return; <c>null</c> or empty: any event after the case's first one.</summary>
    public IReadOnlyList<string>? ReturnActivities { get; init; }

    /// <summary>A case attribute whose value defines the cohorts; <c>null</c>: cohorts by the period of the first event.</summary>
    public string? CohortAttribute { get; init; }

    /// <summary>A case has churned when its last event is at least this long before <see cref="AsOf"/>; <c>null</c>: no inactivity rule.</summary>
    public TimeSpan? ChurnAfter { get; init; }

    /// <summary>A case has churned when it has any of these activities (an explicit cancel); <c>null</c> or empty: no such rule.</summary>
    public IReadOnlyList<string>? ChurnActivities { get; init; }

    /// <summary>The end of observation in ticks of the log's time basis; <c>null</c>: the log's latest timestamp.</summary>
    public long? AsOf { get; init; }
}
