using System.Globalization;
using Journeyscope.EventLogs;

namespace Journeyscope.Agenda;

/// <summary>
/// How the figures of an <see cref="ImprovementReport"/> read with their unit (<see cref="ImprovementReport.Measure"/>): a share as
/// a percentage and its change in percentage points, a duration in days and hours, a net score and its change in points, any
/// other mean as a number; money (the value realised) carries the journey's currency.
/// </summary>
public static class ImprovementUnits
{
    /// <summary>A share of cases (an outcome rate, a rate KPI), 0..1.</summary>
    public const string Share = "share";

    /// <summary>A duration in seconds (lead time, resolution time).</summary>
    public const string Duration = "duration";

    /// <summary>A net score between -100 and 100 (NPS).</summary>
    public const string NetScore = "net score";

    /// <summary>A plain mean (a CSAT or CES score, an amount).</summary>
    public const string Number = "number";

    /// <summary>A group's level of the measure with its unit: <c>12.5 %</c>, <c>1d 4h</c>, <c>32.1</c>, <c>4.12</c>.</summary>
    public static string Level(string measure, double value) => measure switch
    {
        Share => (value * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %",
        Duration => DurationText.FormatApproximate(value),
        NetScore => value.ToString("0.0", CultureInfo.InvariantCulture),
        _ => value.ToString("0.###", CultureInfo.InvariantCulture),
    };

    /// <summary>A change of the measure with its sign and unit: <c>-2.0 pp</c>, <c>-5h30m</c>, <c>+3.1 points</c>, <c>+0.25</c>.</summary>
    public static string Change(string measure, double difference) => measure switch
    {
        Share => (difference * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " pp",
        Duration => (difference > 0 ? "+" : string.Empty) + DurationText.FormatApproximate(difference),
        NetScore => difference.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " points",
        _ => difference.ToString("+0.###;-0.###;0", CultureInfo.InvariantCulture),
    };

    /// <summary>Money with its currency (or other unit): <c>1,234 EUR</c>.</summary>
    public static string Money(double amount, string? unit) =>
        amount.ToString("N0", CultureInfo.InvariantCulture) + (string.IsNullOrEmpty(unit) ? string.Empty : " " + unit);
}
