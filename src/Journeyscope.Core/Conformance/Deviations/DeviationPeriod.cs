namespace Journeyscope.Conformance;

/// <summary>The periods case starts are grouped by when conformance is reported over time.</summary>
public enum DeviationPeriod
{
    /// <summary>Calendar days, keyed <c>2024-03-01</c>.</summary>
    Day,

    /// <summary>ISO weeks, keyed <c>2024-W09</c>.</summary>
    Week,

    /// <summary>Calendar months, keyed <c>2024-03</c>.</summary>
    Month,

    /// <summary>Calendar quarters, keyed <c>2024-Q1</c>.</summary>
    Quarter,

    /// <summary>Calendar years, keyed <c>2024</c>.</summary>
    Year,
}
