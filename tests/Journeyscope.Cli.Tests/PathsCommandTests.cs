namespace Journeyscope.Cli.Tests;

public sealed class PathsCommandTests
{
    private const string Shop =
        "case_id,activity,timestamp\n" +
        "c1,Visit,2024-03-01T10:00:00Z\n" +
        "c1,Cart,2024-03-01T10:05:00Z\n" +
        "c1,Pay,2024-03-01T10:09:00Z\n" +
        "c2,Visit,2024-03-01T11:00:00Z\n" +
        "c2,Cart,2024-03-01T11:30:00Z\n";

    [Theory]
    [InlineData("--from", "Crat")]
    [InlineData("--to", "Pya")]
    public void Paths_MisspeltStep_ExitsOneWithDidYouMean(string option, string step)
    {
        // Given a workspace with Visit, Cart and Pay
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");
        CliRun.Run("import", temp.File("shop.csv", Shop), "-w", workspace).ExitCode.ShouldBe(0);

        // When paths names a misspelt step
        var result = CliRun.Run("paths", option, step, "-w", workspace);

        // Then it exits 1 with the option, the name and a did-you-mean, instead of an empty Sankey
        result.ExitCode.ShouldBe(1, result.Output);
        result.Error.ShouldContain($"{option}: the workspace has no activity '{step}'.");
        result.Error.ShouldContain("Did you mean");
        result.Output.ShouldBeEmpty();
    }

    [Fact]
    public void Paths_KnownStep_ShowsSharesAsPercentagesInTheTableAndFractionsInCsv()
    {
        // Given a workspace where 2 cases reach Cart and 1 goes on to Pay
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");
        CliRun.Run("import", temp.File("shop.csv", Shop), "-w", workspace).ExitCode.ShouldBe(0);

        // When paths from Cart is shown as a table and as CSV
        var table = CliRun.Run("paths", "--from", "Cart", "-w", workspace);
        var csv = CliRun.Run("paths", "--from", "Cart", "-w", workspace, "--format", "csv");

        // Then people read "50.0 %", scripts read 0.5
        table.ExitCode.ShouldBe(0, table.Error);
        table.Output.ShouldContain("50.0 %");
        csv.Output.ShouldContain(",0.5");
        csv.Output.ShouldNotContain("%");
    }
}
