using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Journeyscope.Cli.Tests;

public sealed partial class ReportCommandTests
{
    private const string Csv =
        "case_id,activity,timestamp\n" +
        "c1,Register,2024-03-01T09:00:00+01:00\n" +
        "c1,Check,2024-03-01T10:00:00+01:00\n" +
        "c1,Pay,2024-03-01T12:00:00+01:00\n" +
        "c2,Register,2024-03-02T09:00:00+01:00\n" +
        "c2,Check,2024-03-02T09:30:00+01:00\n" +
        "c3,Register,2024-03-03T09:00:00+01:00\n" +
        "c3,Pay,2024-03-03T11:00:00+01:00\n";

    [Fact]
    public void Report_Workspace_WritesSelfContainedHtmlWithBundleAndApiShapedJson()
    {
        // Given
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");
        CliRun.Run("import", temp.File("log.csv", Csv), "--workspace", workspace).ExitCode.ShouldBe(0);
        var output = Path.Combine(temp.Path, "report.html");

        // When
        var result = CliRun.Run("report", "--workspace", workspace, "--out", output);

        // Then
        result.ExitCode.ShouldBe(0, result.Error);
        var html = File.ReadAllText(output);
        html.ShouldContain("window.journeyscope", Case.Sensitive); // the bundle's IIFE is inlined
        html.ShouldNotContain("<script src=", Case.Insensitive); // nothing loaded from elsewhere
        var json = DataBlock().Match(html).Groups[1].Value;
        using var data = JsonDocument.Parse(json);
        var map = data.RootElement.GetProperty("processMap");
        map.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()).ShouldBe(["Register", "Check", "Pay"], ignoreOrder: true);
        map.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("from").GetString() + ">" + e.GetProperty("to").GetString())
            .ShouldBe(["Register>Check", "Check>Pay", "Register>Pay"], ignoreOrder: true);
        data.RootElement.GetProperty("variants").GetProperty("variantCount").GetInt32().ShouldBe(3);
        data.RootElement.GetProperty("summary").GetProperty("cases").GetInt32().ShouldBe(3);
    }

    [Fact]
    public void Report_Filter_AppliesToTheEmbeddedData()
    {
        // Given
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");
        CliRun.Run("import", temp.File("log.csv", Csv), "--workspace", workspace).ExitCode.ShouldBe(0);
        var output = Path.Combine(temp.Path, "report.html");

        // When
        var result = CliRun.Run("report", "--workspace", workspace, "--out", output, "--filter", "activity in (Check)");

        // Then
        result.ExitCode.ShouldBe(0, result.Error);
        using var data = JsonDocument.Parse(DataBlock().Match(File.ReadAllText(output)).Groups[1].Value);
        data.RootElement.GetProperty("summary").GetProperty("cases").GetInt32().ShouldBe(2);
        data.RootElement.GetProperty("filters")[0].GetString().ShouldBe("activity in (Check)");
    }

    [Fact]
    public void Report_JourneyKpiNamingAnUnknownActivity_ExitsOneWithTheKpiCommandsError()
    {
        // Given the shop journey whose NPS KPI names a misspelt survey activity
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");
        CliRun.Run("import", KpiCommandTests.OrdersCsv(temp), "--workspace", workspace).ExitCode.ShouldBe(0);
        var journey = temp.File("shop.yaml", KpiCommandTests.Journey.Replace("activity: NPS survey", "activity: NPS survy", StringComparison.Ordinal));
        var output = Path.Combine(temp.Path, "report.html");

        // When the report is written with it
        var result = CliRun.Run("report", "--workspace", workspace, "--journey", journey, "--out", output);

        // Then it is bad input, as for `kpi`, with the did-you-mean, and no report is written with a silent noData
        result.ExitCode.ShouldBe(1, result.Output);
        result.Error.ShouldContain("KPI 'nps' (Net Promoter Score), activity: 'NPS survy' is neither an activity of the workspace");
        result.Error.ShouldContain("Did you mean 'NPS survey'?");
        File.Exists(output).ShouldBeFalse();

        // And with the name right, the same report is written
        var fixedJourney = temp.File("shop-ok.yaml", KpiCommandTests.Journey);
        CliRun.Run("report", "--workspace", workspace, "--journey", fixedJourney, "--out", output).ExitCode.ShouldBe(0);
        File.Exists(output).ShouldBeTrue();
    }

    [Fact]
    public void Report_WithoutOut_IsAUsageError()
    {
        // Given
        using var temp = new TempFolder();

        // When
        var result = CliRun.Run("report", "--workspace", temp.Path);

        // Then
        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("--out");
    }

    [Fact]
    public void Report_Sliders_TheMapIsDiscoversMapWithTheSameSliders()
    {
        // Given
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");
        CliRun.Run("import", temp.File("log.csv", Csv), "--workspace", workspace).ExitCode.ShouldBe(0);
        var output = Path.Combine(temp.Path, "report.html");

        // When the report is made with the activity and path sliders moved
        var result = CliRun.Run("report", "--workspace", workspace, "--out", output, "--activities", "0.5", "--paths", "0.5");
        var discover = CliRun.Run("discover", "--workspace", workspace, "--activities", "0.5", "--paths", "0.5", "--format", "json");

        // Then its map is exactly discover's at those sliders, with fewer activities than the log has
        result.ExitCode.ShouldBe(0, result.Error);
        var data = ReportJson.Data(File.ReadAllText(output));
        JsonNode.DeepEquals(data["processMap"], JsonNode.Parse(discover.Output)).ShouldBeTrue(data["processMap"]!.ToJsonString());
        data["processMap"]!["nodes"]!.AsArray().Count.ShouldBeLessThan(3);
        data["processMap"]!["sliders"]!["activities"]!.GetValue<double>().ShouldBe(0.5);
    }

    [Fact]
    public void Report_UnknownFunnelStep_ExitsOneWithDidYouMean()
    {
        // Given
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");
        CliRun.Run("import", temp.File("log.csv", Csv), "--workspace", workspace).ExitCode.ShouldBe(0);

        // When
        var result = CliRun.Run("report", "--workspace", workspace, "--out", Path.Combine(temp.Path, "r.html"), "--funnel-step", "Registr");

        // Then
        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain("Did you mean 'Register'?");
    }

    [GeneratedRegex("<script id=\"journeyscope-data\" type=\"application/json\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex DataBlock();
}
