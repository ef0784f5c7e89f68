using System.Text.Json;

namespace Journeyscope.Cli.Tests;

/// <summary>--time-basis is honoured by every command that reads timestamps, and refused by the others (issue 12 §5).</summary>
public sealed class TimeBasisTests
{
    // o1's events were recorded in two offsets: Order at 10:30+02:00 (08:30 UTC) before Pay at 09:00Z in true time,
    // but after it on the wall clock. o2 is Order then Pay either way.
    private const string Orders =
        "case_id,activity,timestamp\n" +
        "o1,Order,2024-03-01T10:30:00+02:00\n" +
        "o1,Pay,2024-03-01T09:00:00Z\n" +
        "o2,Order,2024-03-02T08:00:00Z\n" +
        "o2,Pay,2024-03-02T09:00:00Z\n";

    [Fact]
    public void Info_WallClock_CountsVariantsInWallClockOrder()
    {
        // Given a workspace whose case o1 changes order with the time basis
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");
        CliRun.Run("import", temp.File("orders.csv", Orders), "--workspace", workspace).ExitCode.ShouldBe(0);

        // When info is asked in each time basis
        var utc = CliRun.Run("info", "--workspace", workspace, "--format", "json");
        var wallClock = CliRun.Run("info", "--workspace", workspace, "--time-basis", "wall-clock", "--format", "json");

        // Then the variant count follows the time basis (one variant in true time, two on the wall clock), as variants does
        utc.ExitCode.ShouldBe(0, utc.Error);
        wallClock.ExitCode.ShouldBe(0, wallClock.Error);
        Variants(utc.Output).ShouldBe(1);
        Variants(wallClock.Output).ShouldBe(2);
        JsonDocument.Parse(wallClock.Output).RootElement.GetProperty("timeBasis").GetString().ShouldBe("wall-clock");
        var variants = CliRun.Run("variants", "--workspace", workspace, "--time-basis", "wall-clock", "--format", "json");
        variants.Output.ShouldContain("\"variantCount\": 2");
    }

    [Theory]
    [InlineData("export", "{out}")]
    [InlineData("journey", "init")]
    public void Command_ThatReadsNoTimestamps_RefusesTimeBasis(params string[] command)
    {
        // Given a workspace
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");
        CliRun.Run("import", temp.File("orders.csv", Orders), "--workspace", workspace).ExitCode.ShouldBe(0);

        // When a command that ignores the time basis is given one
        var args = command.Select(a => a == "{out}" ? Path.Combine(temp.Path, "out.csv") : a);
        var result = CliRun.Run([.. args, "--workspace", workspace, "--time-basis", "wall-clock"]);

        // Then it is a usage error naming the option, not a silently ignored flag
        result.ExitCode.ShouldBe(2, result.Output + result.Error);
        result.Error.ShouldContain("--time-basis does not apply");
    }

    private static long Variants(string json) => JsonDocument.Parse(json).RootElement.GetProperty("variants").GetInt64();
}
