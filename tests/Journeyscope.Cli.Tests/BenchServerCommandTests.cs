using System.Text.Json;

namespace Journeyscope.Cli.Tests;

/// <summary>
/// The bench commands that run the real server in their process on 127.0.0.1 (<c>bench refresh</c>, <c>bench collector</c>),
/// at small sizes and as a child process, so that what the server writes cannot hide in an in-process capture: standard
/// output must hold the report only.
/// </summary>
public sealed class BenchServerCommandTests
{
    [Fact]
    public void BenchRefresh_SmallRetailWorkspace_AnswersEqualOnBothPathsAndJsonIsTheWholeOutput()
    {
        // When two rounds of collector batches are sent to a small simulated retail workspace and its journey analyses asked both ways
        var (code, output, error, _) = CliProcess.Run(null, "bench", "refresh", "--customers", "200", "--batch", "150", "--rounds", "2", "--format", "json");

        // Then the live path's answers equal the store path's in both rounds, and standard output is the JSON report alone
        // (no sign-in link, no server log line), with the stored events growing by each round's batch
        code.ShouldBe(0, output + error);
        using var json = JsonDocument.Parse(output);
        var rounds = json.RootElement.EnumerateObject().First().Value.EnumerateArray().ToList();
        rounds.Count.ShouldBe(2);
        var stored = rounds.Select(r => r.GetProperty("eventsStored").GetInt64()).ToList();
        stored[1].ShouldBeGreaterThan(stored[0]);
        rounds.ShouldAllBe(r => r.GetProperty("livePathS").GetDouble() > 0 && r.GetProperty("storePathS").GetDouble() > 0);
        output.ShouldNotContain("Sign in");
    }

    [Fact]
    public void BenchRefresh_TextReport_SaysResultsEqual()
    {
        // When
        var (code, output, error, _) = CliProcess.Run(null, "bench", "refresh", "--customers", "100", "--batch", "50", "--rounds", "1");

        // Then
        code.ShouldBe(0, output + error);
        output.ShouldContain("Results equal");
        output.ShouldContain("Refresh after a collector batch");
    }

    [Fact]
    public void BenchCollector_SmallLoad_StoresTheSameRowsAsTheBaselineAndJsonIsTheWholeOutput()
    {
        // When a few hundred events are sent through the collector and appended raw to DuckDB
        var (code, output, error, _) = CliProcess.Run(null, "bench", "collector", "--events", "400", "--batch", "50", "--senders", "2", "--format", "json");

        // Then both sides stored the same rows, and standard output is the JSON report alone
        code.ShouldBe(0, output + error);
        using var json = JsonDocument.Parse(output);
        json.RootElement.EnumerateObject().First().Value.GetArrayLength().ShouldBe(2);
    }
}
