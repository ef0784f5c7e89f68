using Journeyscope.EventLogs;

namespace Journeyscope.Funnels;

/// <summary>
/// A computed funnel as results show it: the one result of <c>journeyscope funnel --format json</c>,
/// <c>POST …/funnels</c> and the funnels page.
/// </summary>
/// <param name="TimeBasis">The time basis of the log.</param>
/// <param name="Version">The workspace version the figures were computed at.</param>
/// <param name="Cases">Cases in the (filtered) log, entered or not.</param>
/// <param name="WindowSeconds">The conversion window, or <c>null</c>.</param>
/// <param name="StrictOrder">Whether steps had to follow each other directly.</param>
/// <param name="Steps">Per step, over all cases.</param>
/// <param name="BreakdownAttribute">The breakdown attribute, or <c>null</c>.</param>
/// <param name="Breakdown">Per breakdown value (largest first step first); empty without a breakdown.</param>
/// <param name="DropOffs">The requested page of drop-off cases, or <c>null</c>.</param>
public sealed record FunnelReport(
    TimeBasis TimeBasis,
    long Version,
    long Cases,
    double? WindowSeconds,
    bool StrictOrder,
    IReadOnlyList<FunnelStepSummary> Steps,
    string? BreakdownAttribute,
    IReadOnlyList<FunnelBreakdownSummary> Breakdown,
    FunnelDropOffPage? DropOffs)
{
    /// <summary>The report of <paramref name="result"/>.</summary>
    /// <param name="result">The computed funnel.</param>
    /// <param name="timeBasis">The time basis of the log it was computed on.</param>
    /// <param name="version">The workspace version.</param>
    /// <param name="labels">A display name per step (a journey's touchpoint names); the result's own labels when null.</param>
    /// <param name="dropOffs">A page of drop-off cases (<see cref="DropOffPage"/>), or null.</param>
    public static FunnelReport From(FunnelResult result, TimeBasis timeBasis, long version, IReadOnlyList<string>? labels = null, FunnelDropOffPage? dropOffs = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var definition = result.Definition;
        return new FunnelReport(
            timeBasis,
            version,
            result.CaseCount,
            definition.Window?.TotalSeconds,
            definition.StrictOrder,
            Summaries(result.Steps, labels),
            definition.Breakdown,
            [.. result.Breakdown.Select(b => new FunnelBreakdownSummary(b.Value, Summaries(b.Steps, labels)))],
            dropOffs);
    }

    /// <summary>
    /// Page <paramref name="page"/> (1-based) of <paramref name="pageSize"/> cases that reached <paramref name="step"/>
    /// (1-based) and not the next one; of one breakdown value's cases when <paramref name="byBreakdown"/>.
    /// </summary>
    public static FunnelDropOffPage DropOffPage(FunnelResult result, int step, bool byBreakdown, string? breakdownValue, int page, int pageSize)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var ids = byBreakdown ? result.DropOffCaseIds(step - 1, breakdownValue) : result.DropOffCaseIds(step - 1);
        var skip = (long)(page - 1) * pageSize;
        IReadOnlyList<string> shown = skip >= ids.Count ? [] : ids.Skip((int)skip).Take(pageSize).ToList();
        return new FunnelDropOffPage(step, byBreakdown, byBreakdown ? breakdownValue : null, ids.Count, page, pageSize, shown);
    }

    private static List<FunnelStepSummary> Summaries(IReadOnlyList<FunnelStepResult> steps, IReadOnlyList<string>? labels) =>
    [
        .. steps.Select(s => new FunnelStepSummary(
            s.Index + 1, labels?[s.Index] ?? s.Label, s.Entered, s.Converted, s.DroppedOff, s.ConversionFromPrevious, s.ConversionFromFirst,
            s.MedianTimeFromFirst?.TotalSeconds, s.P90TimeFromFirst?.TotalSeconds, s.MedianTimeFromPrevious?.TotalSeconds, s.P90TimeFromPrevious?.TotalSeconds)),
    ];
}
