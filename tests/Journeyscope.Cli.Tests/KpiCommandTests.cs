using System.Text.Json;
using Journeyscope.TestSupport;

namespace Journeyscope.Cli.Tests;

public sealed class KpiCommandTests
{
    /// <summary>
    /// 40 orders (<see cref="ShopJourney.Orders"/>, one an hour): order, deliver after 1 day (even) or 5 days (odd), then an NPS
    /// answer: 10 when on time, 3 when late. Comments: "great" / "terrible service".
    /// </summary>
    internal static string OrdersCsv(TempFolder temp) => temp.File("orders.csv", ShopJourney.OrdersCsv(TimeSpan.FromHours(1), i => i % 2 == 0));

    /// <summary>The shop journey with NPS driven by delivery time (<see cref="ShopJourney.Yaml"/>).</summary>
    internal const string Journey = ShopJourney.Yaml;

    [Fact]
    public void Kpi_ByMisspeltAttribute_ExitsOneWithDidYouMean()
    {
        // Given a workspace whose events have a channel
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");
        CliRun.Run("import", OrdersCsv(temp), "--workspace", workspace).ExitCode.ShouldBe(0);
        var journey = temp.File("shop.yaml", Journey);

        // When the KPIs are broken down by a misspelt attribute
        var result = CliRun.Run("kpi", "--journey", journey, "--by", "chanel", "--workspace", workspace);

        // Then it exits 1 with a did-you-mean, instead of one "(none)" segment
        result.ExitCode.ShouldBe(1, result.Output);
        result.Error.ShouldContain("--by: the workspace has no case or event attribute 'chanel'.");
        result.Error.ShouldContain("Did you mean 'channel'?");
    }

    [Fact]
    public void Kpi_JourneyWithTree_PrintsValuesStatusesAndAssociation()
    {
        // Given a workspace with 40 orders and a journey with NPS driven by delivery time
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");
        CliRun.Run("import", OrdersCsv(temp), "--workspace", workspace).ExitCode.ShouldBe(0);
        var journey = temp.File("shop.yaml", Journey);

        // When the KPIs and the KPI tree are computed
        var result = CliRun.Run("kpi", "--journey", journey, "--workspace", workspace, "--format", "json");
        var treeResult = CliRun.Run("kpi", "--journey", journey, "--tree", "--workspace", workspace, "--format", "json");

        // Then NPS = 0 (20 promoters, 20 detractors), delivery time 3 days (met), and late deliveries cost 200 NPS points
        result.ExitCode.ShouldBe(0, result.Error);
        treeResult.ExitCode.ShouldBe(0, treeResult.Error);
        using var json = JsonDocument.Parse(result.Output);
        using var tree = JsonDocument.Parse(treeResult.Output);
        var kpis = json.RootElement.GetProperty("kpis");
        kpis[0].GetProperty("value").GetDouble().ShouldBe(0.0);
        kpis[0].GetProperty("status").GetString().ShouldBe("missed");
        kpis[0].GetProperty("sampleSize").GetInt32().ShouldBe(40);
        kpis[1].GetProperty("value").GetDouble().ShouldBe(3 * 86400.0, 1e-6);
        kpis[1].GetProperty("status").GetString().ShouldBe("met");
        json.RootElement.GetProperty("period").GetString().ShouldBe("month");
        var link = tree.RootElement.GetProperty("links")[0];
        link.GetProperty("onTarget").GetDouble().ShouldBe(100.0);
        link.GetProperty("offTarget").GetDouble().ShouldBe(-100.0);
        link.GetProperty("difference").GetDouble().ShouldBe(-200.0);
        link.GetProperty("method").GetString().ShouldBe("nps-variance");
    }

    [Fact]
    public void Kpi_BySegment_TablePerChannel()
    {
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");
        CliRun.Run("import", OrdersCsv(temp), "--workspace", workspace).ExitCode.ShouldBe(0);
        var journey = temp.File("shop.yaml", Journey);

        var result = CliRun.Run("kpi", "--journey", journey, "--by", "channel", "--workspace", workspace, "--format", "csv");

        // Each case's segment is the first channel it has: web (o0-o19) or store (o20-o39).
        result.ExitCode.ShouldBe(0, result.Error);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("KPI,Name,Kind,Period,Segment,Value,Target,Status,Sample");
        lines.ShouldContain("nps,Net Promoter Score,nps,all,web,0.0,>= 40,missed,20");
        lines.ShouldContain("delivery-time,Order to delivery,order-cycle-time,all,store,3d,<= 3d,met,20");
    }

    [Fact]
    public void Kpi_MisconfiguredKpi_ExitsOneWithKpiAndParameter()
    {
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");
        CliRun.Run("import", OrdersCsv(temp), "--workspace", workspace).ExitCode.ShouldBe(0);
        var journey = temp.File("shop.yaml", Journey.Replace("activity: NPS survey", "atribute: score", StringComparison.Ordinal));

        var result = CliRun.Run("kpi", "--journey", journey, "--workspace", workspace);

        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain("KPI 'nps' (kind nps), parameter 'atribute': nps has no parameter 'atribute'");
        result.Error.ShouldContain("KPI 'nps' (kind nps), parameter 'activity': missing");
    }

    [Fact]
    public void Kpi_JourneyWithValidationErrors_ExitsOneListingThemLikeEveryJourneyCommand()
    {
        // Given a journey whose KPI is driven by a KPI that does not exist (JS008)
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");
        CliRun.Run("import", OrdersCsv(temp), "--workspace", workspace).ExitCode.ShouldBe(0);
        var journey = temp.File("shop.yaml", Journey.Replace("drivers: [delivery-time]", "drivers: [no-such-kpi]", StringComparison.Ordinal));

        // When its KPIs are computed
        var result = CliRun.Run("kpi", "--journey", journey, "--workspace", workspace);

        // Then it is bad input, with the validator's error and the command that shows all of them
        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain("JS008");
        result.Error.ShouldContain("journeyscope journey validate");
    }

    [Fact]
    public void Kpi_ActivityNotInTheLog_ExitsOneNamingTheKpiTheNameAndTheClosestActivity()
    {
        // Given a journey whose NPS KPI names a misspelt survey activity and whose custom KPI names an unknown one
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");
        CliRun.Run("import", OrdersCsv(temp), "--workspace", workspace).ExitCode.ShouldBe(0);
        var journey = temp.File("shop.yaml", Journey.Replace("activity: NPS survey", "activity: NPS survy", StringComparison.Ordinal) + """

              - id: returns
                name: Returned orders
                kind: custom
                expression: count(cases where has(Retrun)) / count(cases)
            """);

        // When its KPIs are computed
        var result = CliRun.Run("kpi", "--journey", journey, "--workspace", workspace);

        // Then it is bad input naming each KPI, the unknown name and a did-you-mean, instead of a silent noData
        result.ExitCode.ShouldBe(1, result.Output);
        result.Output.ShouldBeEmpty();
        result.Error.ShouldContain("KPI 'nps' (Net Promoter Score), activity: 'NPS survy' is neither an activity of the workspace");
        result.Error.ShouldContain("Did you mean 'NPS survey'?");
        result.Error.ShouldContain("KPI 'returns' (Returned orders), expression: 'Retrun'");
    }

    [Fact]
    public void Kpi_ActivityWithoutEventsInTheFilteredSlice_IsNoDataNotAnError()
    {
        // Given the shop journey, whose NPS KPI names the survey activity
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");
        CliRun.Run("import", OrdersCsv(temp), "--workspace", workspace).ExitCode.ShouldBe(0);
        var journey = temp.File("shop.yaml", Journey);

        // When the KPIs are computed on a slice without any survey event
        var result = CliRun.Run("kpi", "--journey", journey, "--workspace", workspace, "--filter", "activity in (Order,Deliver)", "--period", "none",
            "--format", "csv");

        // Then the survey is known, so NPS simply has no data
        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.ShouldContain("nps,Net Promoter Score,nps,all,all,-,>= 40,noData,0");
    }
}
