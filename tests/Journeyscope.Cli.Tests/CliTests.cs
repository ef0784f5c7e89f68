using System.Text.Json;
using Journeyscope.TestSupport;

namespace Journeyscope.Cli.Tests;

public sealed class CliTests
{
    private const string Orders =
        "case_id,activity,timestamp,channel\n" +
        "o1,Order,2024-03-01T10:00:00Z,web\n" +
        "o1,Pay,2024-03-01T10:05:00Z,web\n" +
        "o1,Ship,2024-03-02T09:00:00Z,web\n" +
        "o2,Order,2024-03-01T11:00:00Z,app\n" +
        "o2,Pay,2024-03-01T11:30:00Z,app\n" +
        "o3,Order,2024-03-03T08:00:00Z,app\n" +
        "o3,Ship,2024-03-04T08:00:00Z,app\n";

    [Fact]
    public void Import_ThenInfo_ReportsCountsAndReimportAddsNothing()
    {
        using var temp = new TempFolder();
        var csv = temp.File("orders.csv", Orders);
        var workspace = Path.Combine(temp.Path, "ws");

        var first = CliRun.Run("import", csv, "--workspace", workspace, "--format", "json");
        var second = CliRun.Run("import", csv, "--workspace", workspace, "--format", "json");
        var info = CliRun.Run("info", "--workspace", workspace, "--format", "json");

        first.ExitCode.ShouldBe(0, first.Error);
        Json(first.Output).GetProperty("files")[0].GetProperty("added").GetInt64().ShouldBe(7);
        Json(second.Output).GetProperty("files")[0].GetProperty("added").GetInt64().ShouldBe(0);
        Json(second.Output).GetProperty("files")[0].GetProperty("duplicates").GetInt64().ShouldBe(7);
        var body = Json(info.Output);
        body.GetProperty("cases").GetInt64().ShouldBe(3);
        body.GetProperty("events").GetInt64().ShouldBe(7);
        body.GetProperty("activities").GetInt64().ShouldBe(3);
        body.GetProperty("variants").GetInt64().ShouldBe(3);
    }

    [Fact]
    public void Import_LenientWithBadRow_QuarantinesAndCounts()
    {
        using var temp = new TempFolder();
        var csv = temp.File("orders.csv", Orders + "o4,Order,not a time,web\n");
        var workspace = Path.Combine(temp.Path, "ws");

        var result = CliRun.Run("import", csv, "--workspace", workspace, "--format", "json");
        var table = CliRun.Run("info", "--workspace", workspace);

        result.ExitCode.ShouldBe(0, result.Error);
        var file = Json(result.Output).GetProperty("files")[0];
        file.GetProperty("read").GetInt64().ShouldBe(8);
        file.GetProperty("imported").GetInt64().ShouldBe(7);
        file.GetProperty("quarantined").GetInt64().ShouldBe(1);
        file.GetProperty("quarantine")[0].GetProperty("line").GetInt64().ShouldBe(9);
        file.GetProperty("quarantine")[0].GetProperty("field").GetString().ShouldBe("timestamp");
        table.Output.ShouldContain("Top quarantine reasons");
    }

    [Fact]
    public void Import_StrictWithBadRow_ExitsOneNamingLineAndField()
    {
        using var temp = new TempFolder();
        var csv = temp.File("orders.csv", Orders + "o4,Order,not a time,web\n");

        var result = CliRun.Run("import", csv, "--workspace", Path.Combine(temp.Path, "ws"), "--strict");

        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain("orders.csv:9");
        result.Error.ShouldContain("timestamp");
    }

    [Theory]
    [InlineData("import")]
    [InlineData("info", "--format", "yaml")]
    [InlineData("discover", "--filter", "activity in (")]
    [InlineData("variants", "--top", "0")]
    [InlineData("no-such-command")]
    public void Run_UsageError_ExitsTwo(params string[] args)
    {
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");
        CliRun.Run("import", temp.File("orders.csv", Orders), "--workspace", workspace).ExitCode.ShouldBe(0);

        var result = CliRun.Run([.. args, "--workspace", workspace]);

        result.ExitCode.ShouldBe(2, result.Output + result.Error);
        result.Error.ShouldStartWith("error:");
    }

    [Fact]
    public void Info_NotAWorkspace_ExitsOneWithAdvice()
    {
        using var temp = new TempFolder();

        var result = CliRun.Run("info", "--workspace", Path.Combine(temp.Path, "missing"));

        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain("journeyscope import");
    }

    [Fact]
    public void Discover_Json_CarriesEdgesCountsAndTimes()
    {
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");
        CliRun.Run("import", temp.File("orders.csv", Orders), "--workspace", workspace).ExitCode.ShouldBe(0);

        var result = CliRun.Run("discover", "--workspace", workspace, "--format", "json");

        result.ExitCode.ShouldBe(0, result.Error);
        var edges = Json(result.Output).GetProperty("edges").EnumerateArray()
            .ToDictionary(e => e.GetProperty("from").GetString() + ">" + e.GetProperty("to").GetString());
        edges.Keys.ShouldBe(["Order>Pay", "Order>Ship", "Pay>Ship"], ignoreOrder: true);
        edges["Order>Pay"].GetProperty("count").GetInt64().ShouldBe(2);
        edges["Order>Pay"].GetProperty("meanSeconds").GetDouble().ShouldBe((300 + 1800) / 2.0);
        edges["Order>Ship"].GetProperty("maxSeconds").GetDouble().ShouldBe(86400);
    }

    [Fact]
    public void Discover_Dot_WritesOneNodePerActivityAndOneEdgePerPath()
    {
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");
        CliRun.Run("import", temp.File("orders.csv", Orders), "--workspace", workspace).ExitCode.ShouldBe(0);

        var result = CliRun.Run("discover", "--workspace", workspace, "--format", "dot");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.ShouldStartWith("digraph process_map {");
        var lines = result.Output.Split('\n');
        lines.Count(l => l.Contains("[label=\"Order\\n", StringComparison.Ordinal)).ShouldBe(1);
        lines.Count(l => l.Contains("-> ", StringComparison.Ordinal) && !l.Contains("__", StringComparison.Ordinal)).ShouldBe(3);
        lines.ShouldContain(l => l.Contains("\"Order\" -> \"Pay\" [label=\"2\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Variants_Dot_IsAUsageError()
    {
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");
        CliRun.Run("import", temp.File("orders.csv", Orders), "--workspace", workspace).ExitCode.ShouldBe(0);

        var result = CliRun.Run("variants", "--workspace", workspace, "--format", "dot");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("discover");
    }

    [Fact]
    public void Variants_WithFilter_CountsOnlyMatchingCases()
    {
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");
        CliRun.Run("import", temp.File("orders.csv", Orders), "--workspace", workspace).ExitCode.ShouldBe(0);

        var result = CliRun.Run("variants", "--workspace", workspace, "--filter", "event.channel == app", "--format", "csv");

        result.ExitCode.ShouldBe(0, result.Error);
        var lines = result.Output.Trim().Split('\n');
        lines.Length.ShouldBe(3);
        lines[0].ShouldStartWith("Rank,Cases,Share");
    }

    [Fact]
    public void Export_ThenImportElsewhere_KeepsEveryEvent()
    {
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");
        CliRun.Run("import", temp.File("orders.csv", Orders), "--workspace", workspace).ExitCode.ShouldBe(0);
        foreach (var name in new[] { "out.xes.gz", "out.csv", "out.jsonl" })
        {
            var file = Path.Combine(temp.Path, name);

            CliRun.Run("export", file, "--workspace", workspace).ExitCode.ShouldBe(0);
            var copy = Path.Combine(temp.Path, "copy-" + name);
            CliRun.Run("import", file, "--workspace", copy).ExitCode.ShouldBe(0);
            var info = Json(CliRun.Run("info", "--workspace", copy, "--format", "json").Output);

            info.GetProperty("events").GetInt64().ShouldBe(7, name);
            info.GetProperty("cases").GetInt64().ShouldBe(3, name);
        }
    }

    [Fact]
    public void Import_RealReceiptLog_MatchesReferenceSummary()
    {
        var log = SharedData.Path("logs/receipt.xes.gz");
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");

        var result = CliRun.Run("import", log, "--workspace", workspace, "--strict");
        var info = Json(CliRun.Run("info", "--workspace", workspace, "--format", "json").Output);

        result.ExitCode.ShouldBe(0, result.Error);
        info.GetProperty("cases").GetInt64().ShouldBe(1434);
        info.GetProperty("events").GetInt64().ShouldBe(8577);
        info.GetProperty("activities").GetInt64().ShouldBe(27);
        info.GetProperty("variants").GetInt64().ShouldBe(116);
    }

    [Fact]
    public void Help_ForEachCommand_ExplainsOptionsWithExamples()
    {
        foreach (var command in new[] { "import", "info", "export", "discover", "variants", "performance", "bottlenecks" })
        {
            var result = CliRun.Run(command, "--help");

            result.ExitCode.ShouldBe(0);
            result.Output.ShouldContain("Example", Case.Sensitive, command);
        }
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;
}
