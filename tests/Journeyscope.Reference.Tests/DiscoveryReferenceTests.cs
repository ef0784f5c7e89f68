using System.Globalization;
using System.Text.Json;
using Journeyscope.Discovery;
using Journeyscope.EventLogs;

namespace Journeyscope.Reference.Tests;

/// <summary>Discovery in the wall-clock basis equals PM4Py 2.7.14's outputs on the reference logs.</summary>
public sealed class DiscoveryReferenceTests
{
    private static readonly DiscoveryOptions WallClock = new() { TimeBasis = TimeBasis.WallClock };

    public static TheoryData<string> Logs => ReferenceLogs.Names;

    private static DiscoveryResult Discover(string name) =>
        DiscoveryResult.Discover(ReferenceLogs.Load(name), WallClock, TestContext.Current.CancellationToken);

    [Theory]
    [MemberData(nameof(Logs))]
    public void DirectlyFollowsGraph_WallClock_EqualsPm4pyEdgesAndCounts(string log)
    {
        // Given
        var reference = ReferenceLogs.Json(log, "dfg.json");

        // When
        var graph = Discover(log).DirectlyFollowsGraph;

        // Then
        var expected = reference.GetProperty("edges").EnumerateArray()
            .Select(e => $"{e.GetProperty("source").GetString()} -> {e.GetProperty("target").GetString()}: {e.GetProperty("count").GetInt64()}")
            .Order(StringComparer.Ordinal).ToList();
        var actual = graph.Edges
            .Select(e => $"{graph.Activities[e.From]} -> {graph.Activities[e.To]}: {e.Count}")
            .Order(StringComparer.Ordinal).ToList();
        actual.ShouldBe(expected);
    }

    [Theory]
    [MemberData(nameof(Logs))]
    public void StartAndEndActivities_WallClock_EqualPm4py(string log)
    {
        // Given
        var reference = ReferenceLogs.Json(log, "dfg.json");

        // When
        var graph = Discover(log).DirectlyFollowsGraph;

        // Then
        Counts(graph, graph.StartActivityCounts).ShouldBe(JsonCounts(reference.GetProperty("start_activities")));
        Counts(graph, graph.EndActivityCounts).ShouldBe(JsonCounts(reference.GetProperty("end_activities")));
    }

    [Theory]
    [MemberData(nameof(Logs))]
    public void ActivityEvents_EqualPm4py(string log)
    {
        // Given
        var reference = ReferenceLogs.Json(log, "activities.json");

        // When
        var graph = Discover(log).DirectlyFollowsGraph;

        // Then
        var events = graph.ActivityStatistics.Select(s => s.Events).ToArray();
        Counts(graph, events).ShouldBe(JsonCounts(reference));
    }

    [Theory]
    [MemberData(nameof(Logs))]
    public void Variants_WallClock_EqualPm4pySequencesAndCounts(string log)
    {
        // Given
        var reference = ReferenceLogs.Json(log, "variants.json");

        // When
        var variants = Discover(log).Variants;

        // Then
        var expected = reference.GetProperty("variants").EnumerateArray()
            .Select(v => $"{v.GetProperty("count").GetInt64()} x {string.Join(" | ", v.GetProperty("activities").EnumerateArray().Select(a => a.GetString()))}")
            .Order(StringComparer.Ordinal).ToList();
        var actual = variants.Variants
            .Select(v => $"{v.CaseCount} x {string.Join(" | ", v.Activities)}")
            .Order(StringComparer.Ordinal).ToList();
        variants.Variants.Count.ShouldBe(reference.GetProperty("number_of_variants").GetInt32());
        actual.ShouldBe(expected);
    }

    [Theory]
    [MemberData(nameof(Logs))]
    public void CaseDurations_WallClock_EqualPm4pyWithinOneMicrosecondPerMillion(string log)
    {
        // Given
        var reference = ReferenceLogs.Json(log, "case_durations.json");

        // When
        var durations = Discover(log).CaseDurations;

        // Then
        var mismatches = new List<string>();
        Compare(mismatches, "mean", durations.Mean, reference.GetProperty("mean").GetDouble());
        Compare(mismatches, "median", durations.Median, reference.GetProperty("median").GetDouble());
        Compare(mismatches, "min", durations.Min, reference.GetProperty("min").GetDouble());
        Compare(mismatches, "max", durations.Max, reference.GetProperty("max").GetDouble());
        Compare(mismatches, "p90", durations.P90, reference.GetProperty("p90").GetDouble());
        Compare(mismatches, "p95", durations.P95, reference.GetProperty("p95").GetDouble());
        var all = reference.GetProperty("all_sorted").EnumerateArray().Select(x => x.GetDouble()).ToArray();
        durations.Count.ShouldBe(reference.GetProperty("cases").GetInt32());
        all.Length.ShouldBe(durations.Count);
        for (var i = 0; i < all.Length; i++)
        {
            Compare(mismatches, $"all_sorted[{i}]", durations.AllSorted[i], all[i]);
        }

        mismatches.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Logs))]
    public void PerformanceDfg_WallClock_EqualsPm4pyWithinOneMicrosecondPerMillion(string log)
    {
        // Given
        var reference = ReferenceLogs.Json(log, "performance_dfg.json");

        // When
        var performance = Discover(log).PerformanceDfg;

        // Then
        var mismatches = new List<string>();
        var edges = reference.GetProperty("edges").EnumerateArray().ToList();
        performance.Edges.Count.ShouldBe(edges.Count);
        foreach (var e in edges)
        {
            var source = e.GetProperty("source").GetString()!;
            var target = e.GetProperty("target").GetString()!;
            var found = performance.FindEdge(source, target);
            if (found is not { } edge)
            {
                mismatches.Add($"{source} -> {target}: missing");
                continue;
            }

            var label = $"{source} -> {target}";
            Compare(mismatches, label + " mean", edge.Mean, e.GetProperty("mean").GetDouble());
            Compare(mismatches, label + " median", edge.Median, e.GetProperty("median").GetDouble());
            Compare(mismatches, label + " min", edge.Min, e.GetProperty("min").GetDouble());
            Compare(mismatches, label + " max", edge.Max, e.GetProperty("max").GetDouble());
            Compare(mismatches, label + " sum", edge.Sum, e.GetProperty("sum").GetDouble());
            var stdev = e.GetProperty("stdev");
            if (stdev.ValueKind == JsonValueKind.Null)
            {
                if (edge.StandardDeviation is not null)
                {
                    mismatches.Add($"{label} stdev: expected none, got {edge.StandardDeviation}");
                }
            }
            else if (edge.StandardDeviation is not { } sd)
            {
                mismatches.Add($"{label} stdev: expected {stdev.GetDouble()}, got none");
            }
            else
            {
                Compare(mismatches, label + " stdev", sd, stdev.GetDouble());
            }
        }

        mismatches.ShouldBeEmpty();
    }

    /// <summary>Relative 1e-6, with one microsecond of absolute slack for values at or near zero.</summary>
    internal static void Compare(List<string> mismatches, string what, double actual, double expected)
    {
        if (Math.Abs(actual - expected) > Math.Max(1e-6 * Math.Abs(expected), 1e-6))
        {
            mismatches.Add(string.Create(CultureInfo.InvariantCulture, $"{what}: expected {expected:R}, got {actual:R}"));
        }
    }

    private static List<string> Counts(DirectlyFollowsGraph graph, ReadOnlySpan<long> counts)
    {
        var result = new List<string>();
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] > 0)
            {
                result.Add($"{graph.Activities[i]}: {counts[i]}");
            }
        }

        return result.Order(StringComparer.Ordinal).ToList();
    }

    private static List<string> JsonCounts(JsonElement element) =>
        element.EnumerateObject().Select(p => $"{p.Name}: {p.Value.GetInt64()}").Order(StringComparer.Ordinal).ToList();
}
