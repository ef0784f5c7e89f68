using System.Globalization;
using System.IO.Compression;
using System.Xml;
using Journeyscope.Discovery;
using Journeyscope.EventLogs;
using Journeyscope.IO;
using Journeyscope.Storage;
using Journeyscope.TestSupport;

namespace Journeyscope.Reference.Tests;

/// <summary>
/// bpic2019_1t_per_variant repeats identical events inside cases (173,895 of its 338,247 events). Imported into a
/// workspace and discovered from the stored log, its DFG, variants and performance DFG equal the ones computed here
/// independently from the raw XES, as PM4Py defines them (each trace sorted stably by timestamp, wall-clock time).
/// </summary>
/// <remarks>PM4Py's outputs for this log are not in ../shared, so the expected values are computed in the test. Slow-ish (a few seconds).</remarks>
public sealed class StoredBpic2019Tests
{
    private const string FileName = "bpic2019_1t_per_variant.xes.gz";

    private static readonly Lazy<Task<(DiscoveryResult Result, long Events)>> Stored = new(ImportAndDiscoverAsync);

    private static readonly Lazy<List<List<(string Activity, long Ticks)>>> Raw = new(() => ReadTraces(SharedData.Path("logs/" + FileName)));

    [Fact]
    public async Task ImportThenLoad_Bpic2019_KeepsEveryEventOfTheFile()
    {
        // Given / When
        var (_, events) = await Stored.Value;

        // Then
        events.ShouldBe(338_247);
        events.ShouldBe(Raw.Value.Sum(t => t.Count));
    }

    [Fact]
    public async Task DirectlyFollowsGraph_StoredBpic2019_EqualsPairsCountedFromTheRawXes()
    {
        // Given
        var expected = new Dictionary<string, long>(StringComparer.Ordinal);
        var starts = new Dictionary<string, long>(StringComparer.Ordinal);
        var ends = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var trace in Raw.Value)
        {
            Add(starts, trace[0].Activity);
            Add(ends, trace[^1].Activity);
            for (var i = 1; i < trace.Count; i++)
            {
                Add(expected, $"{trace[i - 1].Activity} -> {trace[i].Activity}");
            }
        }

        // When
        var graph = (await Stored.Value).Result.DirectlyFollowsGraph;

        // Then
        graph.Edges.Select(e => $"{graph.Activities[e.From]} -> {graph.Activities[e.To]}: {e.Count}").Order(StringComparer.Ordinal)
            .ShouldBe(expected.Select(p => $"{p.Key}: {p.Value}").Order(StringComparer.Ordinal));
        Counts(graph, graph.StartActivityCounts).ShouldBe(Counts(starts));
        Counts(graph, graph.EndActivityCounts).ShouldBe(Counts(ends));
    }

    [Fact]
    public async Task Variants_StoredBpic2019_EqualSequencesCountedFromTheRawXes()
    {
        // Given
        var expected = Raw.Value.GroupBy(t => string.Join(" | ", t.Select(e => e.Activity)), StringComparer.Ordinal)
            .Select(g => $"{g.Count()} x {g.Key}").Order(StringComparer.Ordinal).ToList();

        // When
        var variants = (await Stored.Value).Result.Variants;

        // Then
        variants.Variants.Select(v => $"{v.CaseCount} x {string.Join(" | ", v.Activities)}").Order(StringComparer.Ordinal).ShouldBe(expected);
    }

    [Fact]
    public async Task PerformanceDfg_StoredBpic2019_EqualsSecondsBetweenPairsOfTheRawXes()
    {
        // Given the seconds between the two events of every directly-follows pair
        var seconds = new Dictionary<(string, string), List<long>>();
        foreach (var trace in Raw.Value)
        {
            for (var i = 1; i < trace.Count; i++)
            {
                var key = (trace[i - 1].Activity, trace[i].Activity);
                if (!seconds.TryGetValue(key, out var list))
                {
                    seconds[key] = list = [];
                }

                list.Add(trace[i].Ticks - trace[i - 1].Ticks);
            }
        }

        // When
        var performance = (await Stored.Value).Result.PerformanceDfg;

        // Then
        var mismatches = new List<string>();
        performance.Edges.Count.ShouldBe(seconds.Count);
        foreach (var ((from, to), ticks) in seconds)
        {
            if (performance.FindEdge(from, to) is not { } edge)
            {
                mismatches.Add($"{from} -> {to}: missing");
                continue;
            }

            ticks.Sort();
            var values = ticks.Select(t => t / (double)TimeSpan.TicksPerSecond).ToArray();
            var n = values.Length;
            var mean = ticks.Sum() / (double)TimeSpan.TicksPerSecond / n;
            var label = $"{from} -> {to}";
            if (edge.Count != n)
            {
                mismatches.Add($"{label} count: expected {n}, got {edge.Count}");
            }

            DiscoveryReferenceTests.Compare(mismatches, label + " mean", edge.Mean, mean);
            DiscoveryReferenceTests.Compare(mismatches, label + " median", edge.Median, n % 2 == 1 ? values[n / 2] : (values[(n / 2) - 1] + values[n / 2]) / 2);
            DiscoveryReferenceTests.Compare(mismatches, label + " min", edge.Min, values[0]);
            DiscoveryReferenceTests.Compare(mismatches, label + " max", edge.Max, values[^1]);
            DiscoveryReferenceTests.Compare(mismatches, label + " sum", edge.Sum, ticks.Sum() / (double)TimeSpan.TicksPerSecond);
            if (n > 1)
            {
                var deviation = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (n - 1));
                DiscoveryReferenceTests.Compare(mismatches, label + " stdev", edge.StandardDeviation ?? double.NaN, deviation);
            }
            else if (edge.StandardDeviation is not null)
            {
                mismatches.Add($"{label} stdev: expected none, got {edge.StandardDeviation}");
            }
        }

        mismatches.ShouldBeEmpty();
    }

    /// <summary>Imports the file into a fresh workspace as `journeyscope import` does, loads it back and discovers.</summary>
    private static async Task<(DiscoveryResult Result, long Events)> ImportAndDiscoverAsync()
    {
        var path = SharedData.Path("logs/" + FileName);
        var folder = Directory.CreateTempSubdirectory("journeyscope-bpic2019-").FullName;
        try
        {
            using var workspace = Workspace.Open(folder);
            await workspace.AppendAsync(EventLogFile.Import(path), FileName);
            var log = workspace.LoadEventLog();
            return (DiscoveryResult.Discover(log, new DiscoveryOptions { TimeBasis = TimeBasis.WallClock }), log.EventCount);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Each trace's (activity, wall-clock ticks) events, sorted stably by timestamp, read with System.Xml only.</summary>
    private static List<List<(string Activity, long Ticks)>> ReadTraces(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = XmlReader.Create(gzip, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        var traces = new List<List<(string, long)>>();
        List<(string, long)>? trace = null;
        string? activity = null;
        long? ticks = null;
        var inEvent = false;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "event")
            {
                trace!.Add((activity!, ticks!.Value));
                inEvent = false;
            }
            else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "trace")
            {
                traces.Add([.. trace!.OrderBy(e => e.Item2)]);
            }
            else if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }
            else if (reader.LocalName == "trace")
            {
                trace = [];
            }
            else if (reader.LocalName == "event")
            {
                (inEvent, activity, ticks) = (true, null, null);
            }
            else if (inEvent && reader.GetAttribute("key") == "concept:name")
            {
                activity = reader.GetAttribute("value");
            }
            else if (inEvent && reader.GetAttribute("key") == "time:timestamp")
            {
                // Wall-clock: the local date and time as written, offset dropped (PM4Py's basis).
                ticks = DateTimeOffset.Parse(reader.GetAttribute("value")!, CultureInfo.InvariantCulture).DateTime.Ticks;
            }
        }

        return traces;
    }

    private static void Add(Dictionary<string, long> counts, string key) =>
        counts[key] = counts.GetValueOrDefault(key) + 1;

    private static List<string> Counts(Dictionary<string, long> counts) =>
        counts.Select(p => $"{p.Key}: {p.Value}").Order(StringComparer.Ordinal).ToList();

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
}
