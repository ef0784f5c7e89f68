using Journeyscope.Performance;

namespace Journeyscope.Conformance;

/// <summary>Settings of <see cref="DeviationAnalysis"/>.</summary>
public sealed class DeviationOptions
{
    /// <summary>The defaults: every low-cardinality case attribute, months, top 10 patterns, 5 examples.</summary>
    public static DeviationOptions Default { get; } = new();

    /// <summary>
    /// The case attributes to break conformance down by; <c>null</c> (default) takes every case attribute with at
    /// most <see cref="MaxSegmentValues"/> distinct values. Attributes named here are reported whatever their cardinality.
    /// </summary>
    public IReadOnlyList<string>? SegmentAttributes { get; init; }

    /// <summary>Automatic segment attributes with more distinct values than this are left out (default 50).</summary>
    public int MaxSegmentValues { get; init; } = 50;

    /// <summary>The period case starts are grouped by (default month).</summary>
    public DeviationPeriod Period { get; init; } = DeviationPeriod.Month;

    /// <summary>How many deviation patterns to report, most frequent first (default 10; 0 or less reports all).</summary>
    public int TopPatterns { get; init; } = 10;

    /// <summary>How many example case ids to keep per pattern, time target and channel switch (default 5).</summary>
    public int ExampleCases { get; init; } = 5;

    /// <summary>The working-time calendar for time targets with <c>business_hours: true</c> (default <see cref="BusinessCalendar.Standard"/>).</summary>
    public BusinessCalendar Calendar { get; init; } = BusinessCalendar.Standard;
}
