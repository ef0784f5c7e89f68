using Journeyscope.Conformance;
using Journeyscope.EventLogs;
using Journeyscope.Journeys;

namespace Journeyscope.Core.Tests.Simulation;

/// <summary>The deviation report (alignments against the designed flow) of one segment of a simulated log.</summary>
internal static class DeviationSignals
{
    /// <summary>The report of the cases whose case attribute <paramref name="attribute"/> is (or with <paramref name="negate"/>, is not) <paramref name="value"/>.</summary>
    public static DeviationReport Segment(EventLog log, DesignedJourney journey, string attribute, string value, bool negate = false)
    {
        var column = (StringColumn)log.FindCaseAttribute(attribute)!;
        var cases = Enumerable.Range(0, log.CaseCount)
            .Where(c => string.Equals(column.GetString(c), value, StringComparison.Ordinal) != negate)
            .ToArray();
        return JourneyConformance.Check(log.SelectCases(cases), journey, cancellationToken: TestContext.Current.CancellationToken).Report;
    }

    /// <summary>
    /// Cases that left the design at the touchpoint (skipped it, did it where the flow does not allow it, or out of order)
    /// per case of the report. Repetitions the flow designs (browsing, repeat purchases) are not deviations.
    /// </summary>
    public static double Rate(DeviationReport report, TouchpointDeviations touchpoint) =>
        report.CaseCount == 0 ? 0 : (double)Math.Max(Math.Max(touchpoint.Skipped, touchpoint.Inserted), touchpoint.OutOfOrder) / report.CaseCount;

    /// <summary>The touchpoint with the highest deviation rate and the rate.</summary>
    public static (string Touchpoint, double Rate) Top(DeviationReport report)
    {
        var top = report.Touchpoints.MaxBy(t => Rate(report, t))!;
        return (top.TouchpointId, Rate(report, top));
    }

    /// <summary>The deviation rate of one touchpoint.</summary>
    public static double RateOf(DeviationReport report, string touchpoint) => Rate(report, report.Touchpoints.Single(t => t.TouchpointId == touchpoint));
}
