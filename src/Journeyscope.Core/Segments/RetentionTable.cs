using Journeyscope.EventLogs;

namespace Journeyscope.Segments;

/// <summary>
/// A cohort retention table with churn: the one result of <c>journeyscope retention --format json</c>,
/// <c>GET …/retention</c> and the retention page. Rates are fractions.
/// </summary>
/// <param name="TimeBasis">The time basis of the log.</param>
/// <param name="Version">The workspace version the figures were computed at.</param>
/// <param name="Period">The retention period.</param>
/// <param name="Cohort">How cohorts are formed: the period's word (<c>week</c>), or <c>attribute:NAME</c>.</param>
/// <param name="Periods">Periods after the cohort period shown (rates have <c>periods + 1</c> entries).</param>
/// <param name="ReturnActivities">The activities that count as a return; empty: any later event.</param>
/// <param name="Churn">The churn rules (<c>inactive:30d</c>, <c>event:Cancel</c>, joined by <c>, </c>), or <c>null</c> when churn is not measured.</param>
/// <param name="AsOf">The end of observation (the latest timestamp of the log).</param>
/// <param name="Cohorts">The cohorts: by period in time order, or by attribute value largest first.</param>
/// <param name="Total">All cases together.</param>
public sealed record RetentionTable(
    TimeBasis TimeBasis,
    long Version,
    CohortPeriod Period,
    string Cohort,
    int Periods,
    IReadOnlyList<string> ReturnActivities,
    string? Churn,
    DateTimeOffset AsOf,
    IReadOnlyList<RetentionRow> Cohorts,
    RetentionRow Total)
{
    /// <summary>The retention of <paramref name="log"/> by <paramref name="options"/>.</summary>
    /// <param name="log">The (filtered) log.</param>
    /// <param name="version">The workspace version the log was read at.</param>
    /// <param name="options">Period, cohorts, returns and churn.</param>
    /// <param name="cancellationToken">Cancels the analysis.</param>
    /// <exception cref="ArgumentException">An option names something the log lacks (see <see cref="RetentionAnalysis.Compute"/>).</exception>
    public static RetentionTable Compute(EventLog log, long version, RetentionOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        return From(RetentionAnalysis.Compute(log, options, cancellationToken), log.TimeBasis, version);
    }

    /// <summary>The record of a retention analysis already run.</summary>
    /// <param name="result">The analysis.</param>
    /// <param name="timeBasis">The time basis of the log analysed.</param>
    /// <param name="version">The workspace version the log was read at.</param>
    public static RetentionTable From(RetentionResult result, TimeBasis timeBasis, long version)
    {
        ArgumentNullException.ThrowIfNull(result);
        var o = result.Options;
        var period = Word(o.Period);
        var churn = new List<string>();
        if (o.ChurnAfter is { } after)
        {
            churn.Add("inactive:" + DurationText.Format(after));
        }

        churn.AddRange((o.ChurnActivities ?? []).Select(a => "event:" + a));
        return new RetentionTable(
            timeBasis,
            version,
            o.Period,
            o.CohortAttribute is null ? period : "attribute:" + o.CohortAttribute,
            o.Periods,
            [.. o.ReturnActivities ?? []],
            churn.Count == 0 ? null : string.Join(", ", churn),
            new DateTimeOffset(result.AsOf, TimeSpan.Zero),
            [.. result.Cohorts.Select(RetentionRow.Of)],
            RetentionRow.Of(result.Total));
    }

    private static string Word(CohortPeriod period) => period switch
    {
        CohortPeriod.Day => "day",
        CohortPeriod.Month => "month",
        _ => "week",
    };
}
