using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Journeyscope.Cli.Tests;

/// <summary><c>journeyscope improvement add --kpi</c>: an improvement of a journey KPI, valued with the journey's <c>value:</c>.</summary>
public sealed class ImprovementKpiCommandTests
{
    private const string Journey = """
        journey: service
        name: Service
        touchpoints:
          - id: start
            name: Start
            stage: service
            lane: customer-action
            match: { activity: Start }
          - id: end
            name: End
            stage: service
            lane: frontstage
            match: { activity: End }
        kpis:
          - id: failure
            name: Failure rate
            kind: conversion-rate
            target: "<= 20%"
            from: Start
            to: Fail
          - id: handling
            name: Handling time
            kind: order-cycle-time
            target: "<= 45m"
            from: Start
            to: End
        value:
          unit: EUR
          kpis:
            - kpi: failure
              amount: 2
            - kpi: handling
              amount: 0.5
              per: 1h
        """;

    /// <summary>
    /// 90 days of 30 cases on devices a, b, c; device a fails every 2nd case before day 45 and every 10th after (b, c every
    /// 5th), and takes 60 minutes from Start to End before day 45 and 30 after (b, c always 60).
    /// </summary>
    private static string Csv()
    {
        var csv = new StringBuilder("case_id,activity,timestamp,case:device\n");
        var origin = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var n = 0;
        for (var day = 0; day < 90; day++)
        {
            for (var k = 0; k < 30; k++, n++)
            {
                var device = ((string[])["a", "b", "c"])[k % 3];
                var slot = k / 3;
                var fixedA = device == "a" && day >= 45;
                var fails = device == "a" ? (fixedA ? slot % 10 == 0 : slot % 2 == 0) : slot % 5 == 0;
                var t = origin.AddDays(day).AddMinutes(k * 40);
                csv.Append(CultureInfo.InvariantCulture, $"c{n},Start,{t:yyyy-MM-ddTHH:mm:ssZ},{device}\n");
                if (fails)
                {
                    csv.Append(CultureInfo.InvariantCulture, $"c{n},Fail,{t.AddMinutes(5):yyyy-MM-ddTHH:mm:ssZ},{device}\n");
                }

                csv.Append(CultureInfo.InvariantCulture, $"c{n},End,{t.AddMinutes(fixedA ? 30 : 60):yyyy-MM-ddTHH:mm:ssZ},{device}\n");
            }
        }

        return csv.ToString();
    }

    [Fact]
    public void Improvement_RateKpi_DetectsTheDropAndValuesItWithTheJourneysEntry()
    {
        // Given the workspace and the journey in its journeys/ folder
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");
        CliRun.Run("import", temp.File("cases.csv", Csv()), "-w", workspace).ExitCode.ShouldBe(0);
        Directory.CreateDirectory(Path.Combine(workspace, "journeys"));
        File.WriteAllText(Path.Combine(workspace, "journeys", "service.yaml"), Journey);

        // When the fix is recorded against the failure KPI (no --journey: the workspace's only journey) and reported
        var add = CliRun.Run("improvement", "add", "--title", "Fix a", "--kpi", "failure", "--from", "2024-02-15", "--segment", "device=a", "-w", workspace);
        var list = CliRun.Run("improvement", "list", "-w", workspace);
        var json = CliRun.Run("improvement", "report", "imp-1", "-w", workspace, "--format", "json");
        var table = CliRun.Run("improvement", "report", "imp-1", "-w", workspace);

        // Then the effect is the 40-point drop, and its value is 2 EUR per failure avoided (lower is better) per case after
        add.ExitCode.ShouldBe(0, add.Error);
        list.Output.ShouldContain("KPI failure (service)");
        json.ExitCode.ShouldBe(0, json.Error);
        using var doc = JsonDocument.Parse(json.Output);
        var root = doc.RootElement;
        root.GetProperty("verdict").GetString().ShouldBe("effect detected");
        root.GetProperty("effect").GetDouble().ShouldBe(-0.4, 1e-9);
        var after = root.GetProperty("after").GetProperty("cases").GetInt32();
        after.ShouldBe(450);
        var value = root.GetProperty("valueRealised");
        value.GetProperty("unit").GetString().ShouldBe("EUR");
        value.GetProperty("value").GetDouble().ShouldBe(0.4 * 450 * 2, 1e-6);
        table.Output.ShouldContain("Verdict: effect detected.");
        root.GetProperty("measure").GetString().ShouldBe("share");
        table.Output.ShouldContain("Effect (difference-in-differences): -40.0 pp, 95 % interval");
        table.Output.ShouldContain("KPI failure (share)");
        table.Output.ShouldContain("Value realised so far: 360 EUR");
    }

    [Fact]
    public void Improvement_DurationKpi_MeasuresSecondsAndValuesPerHour()
    {
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");
        CliRun.Run("import", temp.File("cases.csv", Csv()), "-w", workspace).ExitCode.ShouldBe(0);
        var journey = temp.File("service.yaml", Journey);

        var add = CliRun.Run("improvement", "add", "--title", "Faster a", "--kpi", "handling", "--journey", journey, "--from", "2024-02-15",
            "--segment", "device=a", "-w", workspace);
        var json = CliRun.Run("improvement", "report", "imp-1", "--journey", journey, "-w", workspace, "--format", "json");
        var table = CliRun.Run("improvement", "report", "imp-1", "--journey", journey, "-w", workspace);

        // Then the effect is −1,800 s (60 → 30 minutes; the others unchanged) with a point interval (every case alike),
        // worth 0.5 EUR per hour saved per case: 0.25 EUR × 450 cases
        add.ExitCode.ShouldBe(0, add.Error);
        json.ExitCode.ShouldBe(0, json.Error);
        using var doc = JsonDocument.Parse(json.Output);
        var root = doc.RootElement;
        root.GetProperty("effect").GetDouble().ShouldBe(-1800, 1e-6);
        root.GetProperty("low").GetDouble().ShouldBe(-1800, 1e-6);
        root.GetProperty("before").GetProperty("rate").GetDouble().ShouldBe(3600, 1e-6);
        root.GetProperty("verdict").GetString().ShouldBe("effect detected");
        root.GetProperty("valueRealised").GetProperty("value").GetDouble().ShouldBe(0.25 * 450, 1e-6);
        root.GetProperty("measure").GetString().ShouldBe("duration");
        table.Output.ShouldContain("Effect (difference-in-differences): -30m, 95 % interval -30m .. -30m", Case.Sensitive, table.Output);
        table.Output.ShouldContain("1h", Case.Sensitive, table.Output);
        root.GetProperty("notes").EnumerateArray().Select(n => n.GetString()).ShouldContain(n => n!.Contains("lower is better", StringComparison.Ordinal));
    }

    [Fact]
    public void ImprovementAdd_UnknownKpiOrBothMeasures_IsRefused()
    {
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");
        CliRun.Run("import", temp.File("cases.csv", Csv()), "-w", workspace).ExitCode.ShouldBe(0);
        var journey = temp.File("service.yaml", Journey);

        var unknown = CliRun.Run("improvement", "add", "--title", "x", "--kpi", "failrue", "--journey", journey, "--from", "2024-02-15", "-w", workspace);
        var both = CliRun.Run("improvement", "add", "--title", "x", "--kpi", "failure", "--outcome", "contains Fail", "--journey", journey,
            "--from", "2024-02-15", "-w", workspace);
        var neither = CliRun.Run("improvement", "add", "--title", "x", "--from", "2024-02-15", "-w", workspace);

        unknown.ExitCode.ShouldBe(1);
        unknown.Error.ShouldContain("has no KPI 'failrue'");
        unknown.Error.ShouldContain("failure");
        both.ExitCode.ShouldBe(2);
        neither.ExitCode.ShouldBe(2);
        neither.Error.ShouldContain("--outcome FILTER or --kpi ID");
    }
}
