using System.Globalization;
using Journeyscope.Discovery;

namespace Journeyscope.Cli.Bench;

/// <summary>
/// Compares our discovery result with the DuckDB baseline's: every edge (count and seconds statistics), every variant
/// (cases, mean and median duration) and the case duration statistics. Counts must be equal; seconds equal within
/// 1 µs plus a relative 1e-9 (the standard deviation within a relative 1e-6: DuckDB sums squares in floating point).
/// </summary>
internal static class DiscoveryComparison
{
    private const int MaxMessages = 20;

    /// <summary>The differences found, as one line each (at most 20, then a count of the rest); empty when the results are equal.</summary>
    public static IReadOnlyList<string> Compare(DiscoveryResult ours, BaselineDiscovery sql)
    {
        ArgumentNullException.ThrowIfNull(ours);
        ArgumentNullException.ThrowIfNull(sql);
        var differences = new List<string>();
        CompareEdges(ours, sql, differences);
        CompareVariants(ours.Variants, sql, differences);
        CompareDurations(ours.CaseDurations, sql.CaseDurations, differences);
        if (differences.Count > MaxMessages)
        {
            var more = differences.Count - MaxMessages;
            differences.RemoveRange(MaxMessages, more);
            differences.Add(string.Create(CultureInfo.InvariantCulture, $"... and {more} more"));
        }

        return differences;
    }

    private static void CompareEdges(DiscoveryResult ours, BaselineDiscovery sql, List<string> differences)
    {
        var names = ours.DirectlyFollowsGraph.Activities;
        var seen = new HashSet<(string, string)>();
        foreach (var edge in ours.DirectlyFollowsGraph.Edges)
        {
            var key = (names[edge.From], names[edge.To]);
            seen.Add(key);
            if (!sql.Edges.TryGetValue(key, out var expected))
            {
                differences.Add($"edge {key.Item1} -> {key.Item2}: ours only");
            }
            else if (expected.Count != edge.Count)
            {
                differences.Add(string.Create(CultureInfo.InvariantCulture, $"edge {key.Item1} -> {key.Item2}: count ours {edge.Count}, SQL {expected.Count}"));
            }
        }

        var performanceNames = ours.PerformanceDfg.Activities;
        foreach (var edge in ours.PerformanceDfg.Edges)
        {
            var key = (performanceNames[edge.From], performanceNames[edge.To]);
            if (!sql.Edges.TryGetValue(key, out var expected))
            {
                differences.Add($"performance edge {key.Item1} -> {key.Item2}: ours only");
                continue;
            }

            var label = $"performance edge {key.Item1} -> {key.Item2}";
            Check(differences, label, "count", edge.Count, expected.Count);
            Check(differences, label, "mean", edge.Mean, expected.Mean);
            Check(differences, label, "median", edge.Median, expected.Median);
            Check(differences, label, "min", edge.Min, expected.Min);
            Check(differences, label, "max", edge.Max, expected.Max);
            Check(differences, label, "sum", edge.Sum, expected.Sum);
            Check(differences, label, "p90", edge.P90, expected.P90);
            if ((edge.StandardDeviation is null) != (expected.StandardDeviation is null) ||
                (edge.StandardDeviation is { } sd && !Close(sd, expected.StandardDeviation!.Value, 1e-6)))
            {
                differences.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{label}: stdev ours {edge.StandardDeviation}, SQL {expected.StandardDeviation}"));
            }
        }

        foreach (var key in sql.Edges.Keys)
        {
            if (!seen.Contains(key))
            {
                differences.Add($"edge {key.From} -> {key.To}: SQL only");
            }
        }
    }

    private static void CompareVariants(VariantSet ours, BaselineDiscovery sql, List<string> differences)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var variant in ours.Variants)
        {
            var key = string.Join(BaselineDiscovery.VariantSeparator, variant.Activities);
            seen.Add(key);
            var label = $"variant #{variant.Rank} ({variant.Activities.Count} activities)";
            if (!sql.Variants.TryGetValue(key, out var expected))
            {
                differences.Add($"{label}: ours only");
                continue;
            }

            Check(differences, label, "cases", variant.CaseCount, expected.Cases);
            Check(differences, label, "mean duration", variant.MeanDuration, expected.MeanDuration);
            Check(differences, label, "median duration", variant.MedianDuration, expected.MedianDuration);
        }

        foreach (var (key, expected) in sql.Variants)
        {
            if (!seen.Contains(key))
            {
                differences.Add(string.Create(CultureInfo.InvariantCulture,
                    $"variant {key.Replace(BaselineDiscovery.VariantSeparator, ',')} ({expected.Cases} cases): SQL only"));
            }
        }
    }

    private static void CompareDurations(CaseDurations ours, BaselineDurations sql, List<string> differences)
    {
        const string Label = "case durations";
        Check(differences, Label, "cases", ours.Count, sql.Cases);
        Check(differences, Label, "mean", ours.Mean, sql.Mean);
        Check(differences, Label, "median", ours.Median, sql.Median);
        Check(differences, Label, "min", ours.Min, sql.Min);
        Check(differences, Label, "max", ours.Max, sql.Max);
        Check(differences, Label, "p90", ours.P90, sql.P90);
        Check(differences, Label, "p95", ours.P95, sql.P95);
    }

    private static void Check(List<string> differences, string label, string measure, long ours, long sql)
    {
        if (ours != sql)
        {
            differences.Add(string.Create(CultureInfo.InvariantCulture, $"{label}: {measure} ours {ours}, SQL {sql}"));
        }
    }

    private static void Check(List<string> differences, string label, string measure, double ours, double sql)
    {
        if (!Close(ours, sql, 1e-9))
        {
            differences.Add(string.Create(CultureInfo.InvariantCulture, $"{label}: {measure} ours {ours:R}, SQL {sql:R}"));
        }
    }

    /// <summary>Equal within 1 µs plus <paramref name="relative"/> of the larger magnitude.</summary>
    private static bool Close(double ours, double sql, double relative) =>
        Math.Abs(ours - sql) <= 1e-6 + (relative * Math.Max(Math.Abs(ours), Math.Abs(sql)));
}
