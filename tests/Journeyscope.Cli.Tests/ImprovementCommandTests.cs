using System.Globalization;
using System.Text;
using System.Text.Json;
using Journeyscope.Agenda;
using Journeyscope.Results;

namespace Journeyscope.Cli.Tests;

public sealed class ImprovementCommandTests
{
    /// <summary>
    /// 90 days of 30 cases a day on devices a, b, c in turn; device a fails every 2nd case before day 45 and every 10th
    /// after it, b and c every 5th throughout (a fixed pattern: a drop of 40 points for a only).
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
                var fails = device == "a" ? (day < 45 ? slot % 2 == 0 : slot % 10 == 0) : slot % 5 == 0;
                var t = origin.AddDays(day).AddMinutes(k * 30);
                csv.Append(CultureInfo.InvariantCulture, $"c{n},Start,{t:yyyy-MM-ddTHH:mm:ssZ},{device}\n");
                if (fails)
                {
                    csv.Append(CultureInfo.InvariantCulture, $"c{n},Fail,{t.AddMinutes(5):yyyy-MM-ddTHH:mm:ssZ},{device}\n");
                }

                csv.Append(CultureInfo.InvariantCulture, $"c{n},End,{t.AddMinutes(10):yyyy-MM-ddTHH:mm:ssZ},{device}\n");
            }
        }

        return csv.ToString();
    }

    [Fact]
    public void Improvement_AddListReport_DetectsTheDropForTheChangedDevice()
    {
        // Given a workspace where device a's failures drop from 50 % to 10 % on day 45
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");
        CliRun.Run("import", temp.File("cases.csv", Csv()), "-w", workspace).ExitCode.ShouldBe(0);

        // When the fix is recorded for device a from that day, listed and reported
        var add = CliRun.Run("improvement", "add", "--title", "Fix a", "--outcome", "contains Fail", "--from", "2024-02-15",
            "--segment", "device=a", "--value-per-unit", "-2", "--unit", "EUR", "-w", workspace);
        var list = CliRun.Run("improvement", "list", "-w", workspace);
        var table = CliRun.Run("improvement", "report", "imp-1", "-w", workspace);
        var json = CliRun.Run("improvement", "report", "imp-1", "-w", workspace, "--format", "json");

        // Then it is imp-1, the verdict says so in words, and the JSON's effect is -0.4 exactly (others unchanged)
        add.ExitCode.ShouldBe(0, add.Error);
        list.Output.ShouldContain("imp-1");
        list.Output.ShouldContain("device = a");
        table.ExitCode.ShouldBe(0, table.Error);
        table.Output.ShouldContain("Verdict: effect detected.");
        table.Output.ShouldContain("Value realised so far");
        var report = JsonSerializer.Deserialize<ImprovementReport>(json.Output, ResultJson.Options).ShouldNotBeNull();
        report.Effect.ShouldNotBeNull().ShouldBe(-0.4, 1e-9);
        report.High.ShouldNotBeNull().ShouldBeLessThan(0);
        report.ValueRealised.ShouldNotBeNull().Value.ShouldBe(-0.4 * report.After.Cases * -2, 1e-6);
    }

    [Fact]
    public void Improvement_ReportUnknownId_ExitsOneWithDidYouMean()
    {
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");
        CliRun.Run("import", temp.File("cases.csv", Csv()), "-w", workspace).ExitCode.ShouldBe(0);
        CliRun.Run("improvement", "add", "--title", "Fix a", "--outcome", "contains Fail", "--from", "2024-02-15", "-w", workspace).ExitCode.ShouldBe(0);

        var result = CliRun.Run("improvement", "report", "imp-2", "-w", workspace);

        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain("imp-2");
        result.Error.ShouldContain("imp-1");
    }
}
