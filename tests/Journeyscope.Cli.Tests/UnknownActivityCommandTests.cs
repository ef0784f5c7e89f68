namespace Journeyscope.Cli.Tests;

/// <summary>
/// Every command that takes activity names (in a filter, an outcome, a return or churn event) exits 1 with a
/// did-you-mean on a misspelt one, instead of a silent 0 % or empty table.
/// </summary>
public sealed class UnknownActivityCommandTests
{
    private const string Shop =
        "case_id,activity,timestamp\n" +
        "c1,Visit,2024-03-01T10:00:00Z\n" +
        "c1,Cart,2024-03-01T10:05:00Z\n" +
        "c1,Pay,2024-03-09T10:09:00Z\n" +
        "c2,Visit,2024-03-01T11:00:00Z\n" +
        "c2,Cart,2024-03-01T11:30:00Z\n";

    [Theory]
    [InlineData("--filter", "contains Crat", "variants")]
    [InlineData("--filter", "follows Visit -> Crat", "discover")]
    [InlineData("--filter", "starts with Crat", "performance")]
    [InlineData("--filter", "activity in (Visit, Crat)", "bottlenecks")]
    [InlineData("--filter", "variant Visit -> Crat", "variants")]
    [InlineData("--outcome", "contains Crat", "rootcause")]
    [InlineData("--return-activity", "Crat", "retention")]
    [InlineData("--churn-event", "Crat", "retention")]
    public void Command_MisspeltActivity_ExitsOneWithDidYouMean(string option, string value, string command)
    {
        // Given a workspace with Visit, Cart and Pay
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");
        CliRun.Run("import", temp.File("shop.csv", Shop), "-w", workspace).ExitCode.ShouldBe(0);

        // When the command names the misspelt activity 'Crat'
        var result = CliRun.Run(command, option, value, "-w", workspace);

        // Then it exits 1 naming the option, the unknown activity and the closest one, and prints no table
        result.ExitCode.ShouldBe(1, result.Output);
        result.Error.ShouldContain(option);
        result.Error.ShouldContain("the workspace has no activity 'Crat'.");
        result.Error.ShouldContain("Did you mean 'Cart'?");
        result.Output.ShouldBeEmpty();
    }

    [Fact]
    public void Variants_FilterNamingAnActivityAnEarlierFilterRemoved_IsNotAnError()
    {
        // Given a workspace with Visit, Cart and Pay
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");
        CliRun.Run("import", temp.File("shop.csv", Shop), "-w", workspace).ExitCode.ShouldBe(0);

        // When a second filter names Pay, which the first one removed: names are checked against the whole log
        var result = CliRun.Run("variants", "--filter", "activity in (Visit, Cart)", "--filter", "not contains Pay", "-w", workspace, "--format", "json");

        // Then the command runs
        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.ShouldContain("\"cases\"");
    }
}
