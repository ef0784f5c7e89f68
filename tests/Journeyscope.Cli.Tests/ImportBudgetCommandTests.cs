namespace Journeyscope.Cli.Tests;

/// <summary><c>import --max-events / --max-bytes</c>: a file over budget is bad input (exit 1) with a message naming the flag.</summary>
public sealed class ImportBudgetCommandTests
{
    private const string Csv = "case,activity,timestamp\nc1,A,2024-01-01T00:00:00Z\nc1,B,2024-01-01T00:01:00Z\nc2,A,2024-01-02T00:00:00Z\n";

    [Fact]
    public void Import_OverMaxEvents_ExitsOneNamingTheFlag()
    {
        // Given a CSV of three events
        using var temp = new TempFolder();
        var csv = temp.File("three.csv", Csv);

        // When imported with --max-events 2
        var (code, _, error) = CliRun.Run("import", csv, "--dry-run", "--max-events", "2");

        // Then the CLI exits 1 (bad input, no crash) and says how to raise the budget
        code.ShouldBe(1);
        error.ShouldContain("--max-events");
    }

    [Fact]
    public void Import_OverMaxBytes_ExitsOneNamingTheFlag()
    {
        // Given the same CSV (about 100 bytes) / When imported with --max-bytes 50
        using var temp = new TempFolder();
        var (code, _, error) = CliRun.Run("import", temp.File("three.csv", Csv), "--dry-run", "--max-bytes", "50");

        // Then the CLI exits 1 and names the flag
        code.ShouldBe(1);
        error.ShouldContain("--max-bytes");
    }

    [Fact]
    public void Import_WithinBudgets_ImportsEverything()
    {
        // Given the same CSV / When imported with budgets it fits
        using var temp = new TempFolder();
        var (code, output, error) = CliRun.Run("import", temp.File("three.csv", Csv), "--dry-run", "--max-events", "3", "--max-bytes", "1000000", "--format", "json");

        // Then it succeeds with all three events read
        code.ShouldBe(0, error);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        json.RootElement.GetProperty("files")[0].GetProperty("read").GetInt64().ShouldBe(3);
    }
}
