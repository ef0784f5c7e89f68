namespace Journeyscope.Cli.Bench;

/// <summary>What the DuckDB baseline computes for the discovery benchmark, read back to be compared with our result.</summary>
/// <param name="Edges">Directly-follows edges by (from, to) activity name, with their seconds statistics.</param>
/// <param name="Variants">Variants by their activities joined with <see cref="VariantSeparator"/>.</param>
/// <param name="CaseDurations">Case duration statistics over all cases.</param>
internal sealed record BaselineDiscovery(
    IReadOnlyDictionary<(string From, string To), BaselineEdge> Edges,
    IReadOnlyDictionary<string, BaselineVariant> Variants,
    BaselineDurations CaseDurations)
{
    /// <summary>Joins the activities of a variant key (the unit separator, which activity names do not contain).</summary>
    public const char VariantSeparator = '\u001f';
}

/// <summary>One edge of the baseline: occurrences and the seconds between the two events.</summary>
internal readonly record struct BaselineEdge(long Count, double Mean, double Median, double Min, double Max, double Sum, double? StandardDeviation, double P90);

/// <summary>One variant of the baseline: its cases and their mean and median duration in seconds.</summary>
internal readonly record struct BaselineVariant(long Cases, double MeanDuration, double MedianDuration);

/// <summary>Case durations of the baseline, seconds.</summary>
internal readonly record struct BaselineDurations(long Cases, double Mean, double Median, double Min, double Max, double P90, double P95);
