using System.Text.Json;

namespace Journeyscope.Cli.Tests;

public sealed class FunnelCommandTests
{
    private const string Shop =
        "case_id,activity,timestamp,channel\n" +
        "s1,Visit,2024-03-01T10:00:00Z,web\n" +
        "s1,Cart,2024-03-01T10:05:00Z,web\n" +
        "s1,Pay,2024-03-01T11:00:00Z,web\n" +
        "s2,Visit,2024-03-01T11:00:00Z,app\n" +
        "s2,Cart,2024-03-01T11:30:00Z,app\n" +
        "s3,Visit,2024-03-03T08:00:00Z,app\n" +
        "s3,Cart,2024-03-20T08:00:00Z,app\n" +
        "s3,Pay,2024-03-20T09:00:00Z,app\n" +
        "s3,Visit,2024-03-27T08:00:00Z,app\n";

    private static string Import(TempFolder temp)
    {
        var workspace = Path.Combine(temp.Path, "ws");
        var imported = CliRun.Run("import", temp.File("shop.csv", Shop), "--workspace", workspace);
        imported.ExitCode.ShouldBe(0, imported.Error);
        return workspace;
    }

    [Fact]
    public void Funnel_WithWindowAndBreakdown_ReportsStepsAndDropOffs()
    {
        // Given
        using var temp = new TempFolder();
        var workspace = Import(temp);

        // When
        var result = CliRun.Run("funnel", "--workspace", workspace, "--step", "Visit", "--step", "Cart", "--step", "Pay",
            "--window", "7d", "--by", "channel", "--drop-offs", "2", "--format", "json");

        // Then
        result.ExitCode.ShouldBe(0, result.Error);
        var body = JsonDocument.Parse(result.Output).RootElement;
        body.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("entered").GetInt64()).ShouldBe([3L, 2L, 1L]);
        body.GetProperty("steps")[2].GetProperty("medianSecondsFromFirst").GetDouble().ShouldBe(3600);
        body.GetProperty("dropOffs").GetProperty("cases").EnumerateArray().Select(c => c.GetString()).ShouldBe(["s2"]);
        var app = body.GetProperty("breakdown").EnumerateArray().Single(b => b.GetProperty("value").GetString() == "app");
        app.GetProperty("steps")[1].GetProperty("entered").GetInt64().ShouldBe(1);
    }

    [Fact]
    public void Funnel_TableAndCsv_ShowEveryStep()
    {
        // Given
        using var temp = new TempFolder();
        var workspace = Import(temp);

        // When
        var table = CliRun.Run("funnel", "--workspace", workspace, "--step", "Visit", "--step", "Cart|Pay where event.channel == app");
        var csv = CliRun.Run("funnel", "--workspace", workspace, "--step", "Visit", "--step", "Pay", "--strict", "--format", "csv");

        // Then
        table.ExitCode.ShouldBe(0, table.Error);
        table.Output.ShouldContain("Cart|Pay where event.channel == app");
        csv.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(3);
        csv.Output.ShouldContain(",2,Pay,0,");
    }

    [Theory]
    [InlineData("--step", "Visit", "--window", "soon")]
    [InlineData("--step", "Visit", "--step", "Pay", "--optional", "1")]
    [InlineData("--step", "Visit", "--drop-offs", "3")]
    [InlineData("--step", "Visit where nonsense")]
    [InlineData("--step", "Visit", "--by", "no_such_attribute")]
    public void Funnel_BadArguments_ExitsTwo(params string[] args)
    {
        // Given
        using var temp = new TempFolder();
        var workspace = Import(temp);

        // When
        var result = CliRun.Run(["funnel", "--workspace", workspace, .. args]);

        // Then
        result.ExitCode.ShouldBe(2, result.Output);
        result.Error.ShouldStartWith("error:");
    }

    [Theory]
    [InlineData("--step 2", "Did you mean 'Cart'?", "--step", "Visit", "--step", "Crat")]
    [InlineData("--exclude", "no activity 'Vist'", "--step", "Cart", "--step", "Pay", "--exclude", "Vist")]
    public void Funnel_UnknownActivity_ExitsOneWithDidYouMean(string where, string hint, params string[] args)
    {
        // Given the shop workspace
        using var temp = new TempFolder();
        var workspace = Import(temp);

        // When a step or an exclusion names an activity the log does not have (it used to give a silent 0 % funnel)
        var result = CliRun.Run(["funnel", "--workspace", workspace, .. args]);

        // Then the command exits 1, naming the option and the closest activity
        result.ExitCode.ShouldBe(1, result.Error);
        result.Error.ShouldContain(where);
        result.Error.ShouldContain(hint);
    }

    [Fact]
    public void Paths_FromStep_LinksAddUp()
    {
        // Given
        using var temp = new TempFolder();
        var workspace = Import(temp);

        // When
        var result = CliRun.Run("paths", "--workspace", workspace, "--from", "Visit", "--depth", "2", "--top", "1", "--format", "json");

        // Then
        result.ExitCode.ShouldBe(0, result.Error);
        var body = JsonDocument.Parse(result.Output).RootElement;
        body.GetProperty("cases").GetInt64().ShouldBe(3);
        var fromAnchor = body.GetProperty("links").EnumerateArray().Where(l => l.GetProperty("source").GetInt32() == 0);
        fromAnchor.Sum(l => l.GetProperty("cases").GetInt64()).ShouldBe(3);
    }

    [Fact]
    public void Paths_WithoutAnchor_ExitsTwo() =>
        CliRun.Run("paths", "--workspace", "nowhere").ExitCode.ShouldBe(2);

    [Fact]
    public void Retention_Weekly_ReportsCohortsAndChurn()
    {
        // Given
        using var temp = new TempFolder();
        var workspace = Import(temp);

        // When
        var result = CliRun.Run("retention", "--workspace", workspace, "--period", "week", "--periods", "3",
            "--churn-after", "10d", "--format", "json");

        // Then
        result.ExitCode.ShouldBe(0, result.Error);
        var root = JsonDocument.Parse(result.Output).RootElement;
        root.GetProperty("cohorts").EnumerateArray().Select(c => c.GetProperty("cohort").GetString()).ShouldBe(["2024-02-26"]);
        root.GetProperty("churn").GetString().ShouldBe("inactive:1w3d"); // the canonical duration text, as the API writes it
        var total = root.GetProperty("total");
        total.GetProperty("cohort").GetString().ShouldBe("all");
        total.GetProperty("cases").GetInt64().ShouldBe(3);
        total.GetProperty("retained")[3].GetInt64().ShouldBe(1);
        total.GetProperty("churned").GetInt64().ShouldBe(2);
    }

    [Fact]
    public void Paths_BetweenTwoSteps_EndsAtTheTarget()
    {
        // Given
        using var temp = new TempFolder();
        var workspace = Import(temp);

        // When
        var result = CliRun.Run("paths", "--workspace", workspace, "--from", "Visit", "--to", "Pay", "--depth", "3", "--format", "json");

        // Then: s1 and s3 reach Pay at depth 2, s2 ends after Cart
        result.ExitCode.ShouldBe(0, result.Error);
        var nodes = JsonDocument.Parse(result.Output).RootElement.GetProperty("nodes").EnumerateArray().ToList();
        var target = nodes.Single(n => n.GetProperty("kind").GetString() == "target");
        (target.GetProperty("depth").GetInt32(), target.GetProperty("cases").GetInt64()).ShouldBe((2, 2L));
        nodes.Single(n => n.GetProperty("kind").GetString() == "end").GetProperty("cases").GetInt64().ShouldBe(1);
    }

    [Fact]
    public void Retention_MonthlyAsCsv_OneRowPerCohortPlusTotal()
    {
        // Given
        using var temp = new TempFolder();
        var workspace = Import(temp);

        // When
        var result = CliRun.Run("retention", "--workspace", workspace, "--period", "month", "--periods", "1",
            "--return-activity", "Pay", "--churn-event", "Pay", "--format", "csv");

        // Then
        result.ExitCode.ShouldBe(0, result.Error);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("Cohort,Cases,P0,P1,Churned,Churn rate");
        lines[1].ShouldStartWith("2024-03,3,0.6666666666666666,,2,");
        lines[^1].ShouldStartWith("all,3,");
    }
}
