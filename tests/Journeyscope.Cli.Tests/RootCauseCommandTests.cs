using System.Globalization;
using System.Text;
using System.Text.Json;
using Journeyscope.Agenda;
using Journeyscope.Results;

namespace Journeyscope.Cli.Tests;

public sealed class RootCauseCommandTests
{
    /// <summary>
    /// 600 cases; gold customers are escalated 3 cases in 5, silver and bronze 1 in 10 (fixed pattern, no randomness);
    /// region cycles independently of both.
    /// </summary>
    private static string Csv()
    {
        var csv = new StringBuilder("case_id,activity,timestamp,case:tier,case:region\n");
        string[] tiers = ["gold", "silver", "bronze"];
        string[] regions = ["north", "south", "east", "west"];
        for (var i = 0; i < 600; i++)
        {
            var tier = tiers[i % 3];
            var region = regions[(i / 3) % 4];
            var escalated = tier == "gold" ? (i / 3) % 5 < 3 : (i / 3) % 10 == 0;
            var t = new DateTimeOffset(2024, 3, 1, 8, 0, 0, TimeSpan.Zero).AddMinutes(i * 11);
            Row(csv, i, "Start", t, tier, region);
            if (escalated)
            {
                Row(csv, i, "Escalate", t.AddMinutes(20), tier, region);
            }

            Row(csv, i, "End", t.AddMinutes(45), tier, region);
        }

        return csv.ToString();

        static void Row(StringBuilder csv, int i, string activity, DateTimeOffset t, string tier, string region) =>
            csv.Append(CultureInfo.InvariantCulture, $"c{i},{activity},{t:yyyy-MM-ddTHH:mm:ssZ},{tier},{region}\n");
    }

    [Fact]
    public void RootCause_AttributeDrivesTheOutcome_RanksItFirstInTableAndJson()
    {
        // Given a workspace where the tier drives escalations
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");
        CliRun.Run("import", temp.File("cases.csv", Csv()), "-w", workspace).ExitCode.ShouldBe(0);

        // When rootcause explains "contains Escalate" as a table and as JSON
        var table = CliRun.Run("rootcause", "--outcome", "contains Escalate", "-w", workspace);
        var json = CliRun.Run("rootcause", "--outcome", "contains Escalate", "-w", workspace, "--format", "json");

        // Then the table leads with the tier in words and the JSON is the RootCauseResult with gold first
        table.ExitCode.ShouldBe(0, table.Error);
        var firstRow = table.Output.Split('\n').First(l => l.TrimStart().StartsWith('1'));
        firstRow.ShouldContain("tier is gold");
        table.Output.ShouldContain("Backstage");
        json.ExitCode.ShouldBe(0, json.Error);
        var result = JsonSerializer.Deserialize<RootCauseResult>(json.Output, ResultJson.Options).ShouldNotBeNull();
        result.OutcomeCases.ShouldBe(200 * 3 / 5 + 40);
        (result.Factors[0].Attribute, result.Factors[0].Value, result.Factors[0].Explains).ShouldBe(("tier", "gold", true));
        json.Output.ShouldContain("\"riskDifference\":");
        json.Output.ShouldContain("\"qValue\":");
    }

    [Fact]
    public void RootCause_MisspeltByAttribute_ExitsOneWithDidYouMean()
    {
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");
        CliRun.Run("import", temp.File("cases.csv", Csv()), "-w", workspace).ExitCode.ShouldBe(0);

        // When --by names an attribute the workspace does not have
        var result = CliRun.Run("rootcause", "--outcome", "contains Escalate", "--by", "teir", "-w", workspace);

        // Then exit 1 with the name and a suggestion
        result.ExitCode.ShouldBe(1, result.Output);
        result.Error.ShouldContain("'teir'");
        result.Error.ShouldContain("Did you mean");
    }

    [Fact]
    public void RootCause_NoOutcome_IsAUsageError()
    {
        using var temp = new TempFolder();
        var result = CliRun.Run("rootcause", "-w", temp.Path);
        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("--outcome");
    }
}
