namespace Journeyscope.Segments;

/// <summary>The calendar period that groups cases into cohorts and measures retention.</summary>
/// <remarks>Periods are calendar periods of the log's time basis (UTC by default); weeks start on Monday (ISO 8601).</remarks>
public enum CohortPeriod
{
    /// <summary>Calendar days.</summary>
    Day,

    /// <summary>Calendar weeks, Monday to Sunday.</summary>
    Week,

    /// <summary>Calendar months.</summary>
    Month,
}
