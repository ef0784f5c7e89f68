using DuckDB.NET.Data;
using Journeyscope.Cli.Bench;
using Journeyscope.Cli.Commands;
using Journeyscope.Discovery;
using Journeyscope.Funnels;
using Journeyscope.IO;
using Journeyscope.TestSupport;

namespace Journeyscope.Cli.Tests;

/// <summary>The bench commands at small sizes: the equality checks are real and the PM4Py ratio is only printed where it was measured.</summary>
public sealed class BenchCommandTests
{
    [Fact]
    public void BenchDiscovery_SmallGeneratedLog_ComparesResultsAndExitsZero()
    {
        // When
        var result = CliRun.Run("bench", "discovery", "--events", "3000", "--runs", "1");

        // Then
        result.ExitCode.ShouldBe(0, result.Output + result.Error);
        result.Output.ShouldContain("Results equal");
        result.Output.ShouldNotContain("PM4Py");
    }

    [Fact]
    public void DiscoveryComparison_SameLogInDuckDb_FindsNoDifference()
    {
        // Given
        using var temp = new TempFolder();
        var (ours, baseline) = DiscoverBoth(temp);

        // When
        var differences = DiscoveryComparison.Compare(ours, baseline);

        // Then
        differences.ShouldBeEmpty();
        baseline.Edges.Count.ShouldBe(ours.DirectlyFollowsGraph.Edges.Count);
        baseline.Variants.Count.ShouldBe(ours.Variants.Variants.Count);
    }

    [Fact]
    public void DiscoveryComparison_PerturbedEdgeCount_ReportsTheEdge()
    {
        // Given a baseline whose first edge counts one occurrence more
        using var temp = new TempFolder();
        var (ours, baseline) = DiscoverBoth(temp);
        var edges = baseline.Edges.ToDictionary();
        var first = edges.Keys.First();
        edges[first] = edges[first] with { Count = edges[first].Count + 1 };

        // When
        var differences = DiscoveryComparison.Compare(ours, baseline with { Edges = edges });

        // Then
        differences.ShouldContain(d => d.Contains($"edge {first.From} -> {first.To}: count", StringComparison.Ordinal));
    }

    [Fact]
    public void DiscoveryComparison_PerturbedStatistics_ReportsEachMeasure()
    {
        // Given a baseline off by 1 ms on one edge's median, one variant's mean duration and the case p95
        using var temp = new TempFolder();
        var (ours, baseline) = DiscoverBoth(temp);
        var edges = baseline.Edges.ToDictionary();
        var edge = edges.Keys.First();
        edges[edge] = edges[edge] with { Median = edges[edge].Median + 0.001 };
        var variants = baseline.Variants.ToDictionary();
        var variant = variants.Keys.Order(StringComparer.Ordinal).First();
        variants[variant] = variants[variant] with { MeanDuration = variants[variant].MeanDuration + 0.001 };
        var durations = baseline.CaseDurations with { P95 = baseline.CaseDurations.P95 + 0.001 };

        // When
        var differences = DiscoveryComparison.Compare(ours, new BaselineDiscovery(edges, variants, durations));

        // Then
        differences.ShouldContain(d => d.Contains(": median ours", StringComparison.Ordinal));
        differences.ShouldContain(d => d.Contains(": mean duration ours", StringComparison.Ordinal));
        differences.ShouldContain(d => d.StartsWith("case durations: p95", StringComparison.Ordinal));
        differences.Count.ShouldBe(3);
    }

    [Fact]
    public void DiscoveryComparison_MissingAndExtraVariants_ReportsBothSides()
    {
        // Given a baseline that lost one variant and invented another
        using var temp = new TempFolder();
        var (ours, baseline) = DiscoverBoth(temp);
        var variants = baseline.Variants.ToDictionary();
        var lost = variants.Keys.Order(StringComparer.Ordinal).First();
        variants.Remove(lost);
        variants["Visit site\u001fTeleport"] = new BaselineVariant(1, 0, 0);

        // When
        var differences = DiscoveryComparison.Compare(ours, baseline with { Variants = variants });

        // Then
        differences.ShouldContain(d => d.EndsWith(": ours only", StringComparison.Ordinal) && d.StartsWith("variant #", StringComparison.Ordinal));
        differences.ShouldContain(d => d.Contains("Visit site,Teleport", StringComparison.Ordinal) && d.EndsWith("SQL only", StringComparison.Ordinal));
    }

    [Fact]
    public void BenchFunnelCompare_PerturbedSqlCount_ReportsTheStep()
    {
        // Given our funnel and the SQL funnel on the same generated events
        using var temp = new TempFolder();
        var csv = Path.Combine(temp.Path, "events.csv");
        SyntheticLog.WriteCsv(csv, 3000);
        var cancellation = TestContext.Current.CancellationToken;
        var ours = FunnelAnalysis.Compute(CsvImporter.Import(csv, cancellationToken: cancellation).Log, BenchFunnelCommand.Definition(), cancellation);
        using var duckdb = new DuckDBConnection("DataSource=:memory:");
        duckdb.Open();
        BenchFunnelCommand.Load(duckdb, csv);
        var sql = BenchFunnelCommand.RunSql(duckdb);
        BenchFunnelCommand.Compare(ours, sql).ShouldBeEmpty();

        // When the SQL side counts one more case entering step 3 overall
        var third = sql[("", 2)];
        sql[("", 2)] = third with { Count = third.Count + 1 };
        var differences = BenchFunnelCommand.Compare(ours, sql);

        // Then
        differences.ShouldHaveSingleItem().ShouldStartWith(" step 3:");
    }

    [Fact]
    public void BenchFunnelCompare_ChannelOnlyInSql_ReportsIt()
    {
        // Given our funnel and an SQL funnel with an extra channel
        using var temp = new TempFolder();
        var csv = Path.Combine(temp.Path, "events.csv");
        SyntheticLog.WriteCsv(csv, 3000);
        var cancellation = TestContext.Current.CancellationToken;
        var ours = FunnelAnalysis.Compute(CsvImporter.Import(csv, cancellationToken: cancellation).Log, BenchFunnelCommand.Definition(), cancellation);
        using var duckdb = new DuckDBConnection("DataSource=:memory:");
        duckdb.Open();
        BenchFunnelCommand.Load(duckdb, csv);
        var sql = BenchFunnelCommand.RunSql(duckdb);
        sql[("fax", 0)] = (1, null, null);

        // When
        var differences = BenchFunnelCommand.Compare(ours, sql);

        // Then
        differences.ShouldHaveSingleItem().ShouldBe("fax: SQL only");
    }

    [Fact]
    public void BenchFunnel_SmallGeneratedLog_ComparesResultsAndExitsZero()
    {
        // When
        var result = CliRun.Run("bench", "funnel", "--events", "3000", "--runs", "1");

        // Then
        result.ExitCode.ShouldBe(0, result.Output + result.Error);
        result.Output.ShouldContain("Results equal");
    }

    [Fact]
    public void BenchPartials_SmallGeneratedLog_ComparesResultsAndExitsZero()
    {
        // When
        var result = CliRun.Run("bench", "partials", "--events", "20000", "--batch", "300", "--runs", "1");

        // Then
        result.ExitCode.ShouldBe(0, result.Output + result.Error);
        result.Output.ShouldContain("Results equal");
        result.Output.ShouldContain("(one partition)");
        result.Output.ShouldContain("Partials benchmark (journey KPIs after an append)");
    }

    [Fact]
    public void BenchPartialsCompare_DroppedCase_ReportsTheStep()
    {
        // Given the funnel refreshed from partials after an append, and the whole-log funnel
        using var temp = new TempFolder();
        var csv = Path.Combine(temp.Path, "events.csv");
        SyntheticLog.WriteCsv(csv, 3000);
        var cancellation = TestContext.Current.CancellationToken;
        var log = CsvImporter.Import(csv, cancellationToken: cancellation).Log;
        var definition = BenchFunnelCommand.Definition();
        var scenario = PartialsComparison.Append("batch", log, [.. Enumerable.Range(0, log.CaseCount).Where(c => c % 5 == 0)], 7);
        var ours = PartialsComparison.Refresh(scenario, definition, 1).Result;
        PartialsComparison.Compare(ours, FunnelAnalysis.Compute(log, definition, cancellation), log.TimeBasis).ShouldBeEmpty();

        // When the whole-log side misses one case
        var fewer = log.SelectCases([.. Enumerable.Range(1, log.CaseCount - 1)]);
        var differences = PartialsComparison.Compare(ours, FunnelAnalysis.Compute(fewer, definition, cancellation), log.TimeBasis);

        // Then the difference is reported
        differences.ShouldContain("the funnel reports differ");
    }

    [Fact]
    public void BenchAppend_SmallGeneratedLogVerbose_ReadsOnlyAppendedEventsComparesResultsAndExitsZero()
    {
        // When a few batches are appended to a small stored log and refreshed both ways
        var result = CliRun.Run("bench", "append", "--events", "4000", "--batch", "100", "--rounds", "3", "--partitions", "4", "--verbose");

        // Then both sides agree, every refresh read only the appended events, and the phases are listed
        result.ExitCode.ShouldBe(0, result.Output + result.Error);
        result.Output.ShouldContain("Results equal");
        result.Output.ShouldContain("(3 of 3 refreshes;");
        result.Output.ShouldContain("Partitioned refresh by phase");
        result.Output.ShouldContain("Load average");
    }

    [Fact]
    public void BenchImport_ReferenceLog_PrintsPm4PyReadXesSecondsFromItsTimings()
    {
        // Given receipt, which PM4Py's reference run timed (parse_read_xes in reference/receipt/timings.json)
        var receipt = SharedData.Path("logs/receipt.xes.gz");
        var recorded = Pm4PyTimings.Read(SharedData.Path("reference/receipt/timings.json"))!.Get(Pm4PyTimings.ReadXes)!.Value;

        // When
        var result = CliRun.Run("bench", "import", "--xes", receipt, "--events", "0", "--runs", "1", "--format", "csv");

        // Then
        result.ExitCode.ShouldBe(0, result.Error);
        var row = result.Output.Split('\n').Single(line => line.Contains("PM4Py", StringComparison.Ordinal)).Split(',');
        row[0].ShouldBe("XES receipt.xes.gz");
        double.Parse(row[3], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(recorded);
        row[6].ShouldBe("8577");
    }

    [Fact]
    public void BenchImport_LogWithoutPm4PyTiming_PrintsNoPm4PyRatio()
    {
        // Given a log PM4Py was not timed on (the issue: bpic2012's 8.4 s used to be divided by any file's time)
        var log = SharedData.Path("logs/running-example.xes");

        // When
        var result = CliRun.Run("bench", "import", "--xes", log, "--events", "0", "--runs", "1", "--data", SharedData.Require());

        // Then
        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.ShouldContain("XDocument (DOM) parse");
        result.Output.ShouldNotContain("PM4Py 2.7.14");
        result.Output.ShouldContain("running-example.xes: no PM4Py timing recorded");
    }

    [Fact]
    public void BenchImport_TimingsForAnotherFile_MatchesByFileName()
    {
        // Given a reference folder whose only timings.json names this log
        using var temp = new TempFolder();
        var log = temp.File("tiny.xes",
            """
            <log><trace><string key="concept:name" value="c1"/>
            <event><string key="concept:name" value="A"/><date key="time:timestamp" value="2024-01-01T10:00:00Z"/></event>
            </trace></log>
            """);
        Directory.CreateDirectory(Path.Combine(temp.Path, "reference", "tiny"));
        File.WriteAllText(Path.Combine(temp.Path, "reference", "tiny", "timings.json"),
            """{"log": "tiny.xes", "seconds": {"import_pm4py": 1.5, "parse_read_xes": 2.0}}""");

        // When
        var result = CliRun.Run("bench", "import", "--xes", log, "--events", "0", "--runs", "1", "--data", temp.Path, "--format", "csv");

        // Then the ratio uses read_xes's 2.0 s, not the module import's 1.5 s
        result.ExitCode.ShouldBe(0, result.Error);
        var row = result.Output.Split('\n').Single(line => line.Contains("PM4Py", StringComparison.Ordinal)).Split(',');
        row[3].ShouldBe("2");
    }

    private static (DiscoveryResult Ours, BaselineDiscovery Baseline) DiscoverBoth(TempFolder temp)
    {
        var csv = Path.Combine(temp.Path, "events.csv");
        SyntheticLog.WriteCsv(csv, 3000);
        var ours = DiscoveryResult.Discover(CsvImporter.Import(csv).Log);
        using var duckdb = new DuckDbBaseline(csv);
        return (ours, duckdb.Discover());
    }
}
