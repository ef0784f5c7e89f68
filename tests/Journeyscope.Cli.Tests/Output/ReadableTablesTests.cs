using System.Text.Json;
using System.Text.RegularExpressions;
using Journeyscope.Storage;

namespace Journeyscope.Cli.Tests.Output;

/// <summary>
/// The tables of <c>voc</c>, <c>bench</c>, <c>simulate</c> and <c>performance</c> read like the other commands' tables:
/// durations as <c>3d 4h</c>, shares as <c>49.7 %</c>, counts with separators; the JSON keeps seconds and fractions.
/// </summary>
public sealed partial class ReadableTablesTests
{
    [Fact]
    public void Voc_Table_SharesWithPercentSignAndTheJsonKeepsFractions()
    {
        // Given 40 orders whose late half answers 3 (all of them unhappy)
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");
        CliRun.Run("import", KpiCommandTests.OrdersCsv(temp), "--workspace", workspace).ExitCode.ShouldBe(0);

        // When the voice of the customer is shown as a table and as JSON
        var table = CliRun.Run("voc", "--workspace", workspace);
        var json = CliRun.Run("voc", "--workspace", workspace, "--format", "json");

        // Then the moments' rates read as shares, and the JSON has the fraction
        table.ExitCode.ShouldBe(0, table.Error);
        var moment = table.Output.Split('\n').First(l => l.StartsWith("wait", StringComparison.Ordinal) && l.Contains("Deliver", StringComparison.Ordinal));
        moment.ShouldContain("100.0 %");
        moment.ShouldNotContain("100.0%");
        using var document = JsonDocument.Parse(json.Output);
        document.RootElement.GetProperty("moments")[0].GetProperty("unhappyWith").GetDouble().ShouldBe(1.0);
    }

    [Fact]
    public void Simulate_Table_TimesAsDurationsAndCountsWithSeparators()
    {
        // Given the retail scenario
        using var temp = new TempFolder();
        var scenario = Path.Combine(DemoWorkspace.FindSamples().ShouldNotBeNull(), "scenario.yaml");

        // When 1,500 customers are simulated
        var run = CliRun.Run("simulate", "--scenario", scenario, "--customers", "1500", "--seed", "3", "--out", Path.Combine(temp.Path, "s.csv"));

        // Then the summary shows 1,500 customers and its times as durations (12s, 0.25s), not raw seconds columns
        run.ExitCode.ShouldBe(0, run.Error);
        var lines = run.Output.Split('\n');
        var header = lines.First(l => l.StartsWith("Customers", StringComparison.Ordinal));
        header.ShouldNotContain("(s)");
        var row = lines[Array.IndexOf(lines, header) + 2]; // after the header's dashes
        var cells = Regex.Split(row.Trim(), " {2,}");
        cells[0].ShouldBe("1,500");
        DurationCell().IsMatch(cells[3]).ShouldBeTrue(row);
        DurationCell().IsMatch(cells[4]).ShouldBeTrue(row);
    }

    [Fact]
    public void BenchDiscovery_Table_SecondsAsDurations()
    {
        // When the discovery benchmark runs on a small synthetic log
        var result = CliRun.Run("bench", "discovery", "--events", "3000", "--runs", "1");

        // Then each engine's time reads as a duration and the event count (about 3,000) has separators
        result.ExitCode.ShouldBe(0, result.Output + result.Error);
        var row = result.Output.Split('\n').First(l => l.StartsWith("Journeyscope", StringComparison.Ordinal));
        var cells = Regex.Split(row.Trim(), " {2,}");
        DurationCell().IsMatch(cells[1]).ShouldBeTrue(row);
        cells.ShouldContain(c => Regex.IsMatch(c, @"^\d{1,3}(,\d{3})+$")); // the events, with a thousands separator
    }

    [Fact]
    public void Performance_Table_ActivitiesInProcessOrderWithDurations()
    {
        // Given orders: Order, then Deliver after 1 or 5 days, then the NPS survey a day later
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");
        CliRun.Run("import", KpiCommandTests.OrdersCsv(temp), "--workspace", workspace).ExitCode.ShouldBe(0);

        // When the performance table is shown
        var result = CliRun.Run("performance", "--workspace", workspace);

        // Then the activities follow the process (Order, Deliver, NPS survey), not the waiting time (Deliver first), and say so
        result.ExitCode.ShouldBe(0, result.Error);
        var lines = result.Output.Split('\n');
        var header = Array.FindIndex(lines, l => l.StartsWith("Activity ", StringComparison.Ordinal));
        lines[header + 2].ShouldStartWith("Order ");
        lines[header + 3].ShouldStartWith("Deliver ");
        lines[header + 3].ShouldContain("3d");
        lines[header + 4].ShouldStartWith("NPS survey ");
        result.Output.ShouldContain("Activities in process order: the order of the most frequent variant, as on the value stream page");

        // And without start times processing reads "unknown", never 0s (as on the value stream page), and the note says why
        lines[header + 3].ShouldContain("unknown");
        result.Output.ShouldContain("Processing time and flow efficiency are unknown: the events carry no start times");
    }

    /// <summary>A whole cell that is a duration as people read it: 0.25s, 12s, 4m 10s, 2h 5m, 3d 4h.</summary>
    [GeneratedRegex(@"^\d+(\.\d+)?(s|m|h|d)( \d+(s|m|h))?$")]
    private static partial Regex DurationCell();
}
