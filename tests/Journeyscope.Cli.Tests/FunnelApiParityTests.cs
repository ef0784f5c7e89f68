using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Journeyscope.Cli.Tests;

/// <summary>
/// Pins the CLI side of the funnel parity check: tests/Journeyscope.Server.Tests/Snapshots/funnel.shop.cli.json is the
/// CLI's json for a funnel on the server tests' shop log, and the server test checks the API returns the same figures.
/// </summary>
public sealed class FunnelApiParityTests
{
    /// <summary>The server tests' ServerFixture.ShopCsv (the last row has a bad timestamp and is quarantined).</summary>
    private const string ShopCsv =
        "case_id,activity,timestamp,resource,amount\n" +
        "c1,Register,2024-03-01T09:00:00+01:00,ann,10\n" +
        "c1,Check,2024-03-01T10:00:00+01:00,bob,10\n" +
        "c1,Approve,2024-03-01T12:00:00+01:00,ann,10\n" +
        "c2,Register,2024-03-02T09:00:00+01:00,ann,20\n" +
        "c2,Check,2024-03-02T09:30:00+01:00,bob,20\n" +
        "c2,Reject,2024-03-02T11:00:00+01:00,carl,20\n" +
        "c3,Register,2024-03-03T09:00:00+01:00,ann,30\n" +
        "c3,Check,2024-03-03T11:00:00+01:00,bob,30\n" +
        "c3,Check,2024-03-03T12:00:00+01:00,bob,30\n" +
        "c3,Approve,2024-03-03T15:00:00+01:00,ann,30\n" +
        "c4,Register,2024-03-04T09:00:00Z,ann,40\n" +
        "c4,Check,not-a-time,ann,40\n";

    [Fact]
    public void Funnel_ShopLog_PrintsTheJsonTheApiParityTestComparesWith()
    {
        // Given the server tests' shop log imported with the CLI
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");
        var imported = CliRun.Run("import", temp.File("shop.csv", ShopCsv), "--workspace", workspace);
        imported.ExitCode.ShouldBe(0, imported.Error);

        // When the funnel of the snapshot is run
        var result = CliRun.Run("funnel", "--workspace", workspace, "--step", "Register", "--step", "Check", "--step", "Approve",
            "--window", "7d", "--by", "amount", "--format", "json");

        // Then its JSON is exactly the snapshot's
        result.ExitCode.ShouldBe(0, result.Error);
        var expected = JsonDocument.Parse(File.ReadAllText(Snapshot())).RootElement;
        JsonSerializer.Serialize(JsonDocument.Parse(result.Output).RootElement).ShouldBe(JsonSerializer.Serialize(expected));
    }

    private static string Snapshot([CallerFilePath] string callerPath = "") =>
        Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(callerPath))!, "Journeyscope.Server.Tests", "Snapshots", "funnel.shop.cli.json");
}
