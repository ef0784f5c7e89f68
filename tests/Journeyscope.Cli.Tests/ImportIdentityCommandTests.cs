using System.Text.Json;
using Journeyscope.TestSupport;

namespace Journeyscope.Cli.Tests;

/// <summary>`journeyscope import` keeps events that repeat identically inside a case (issue 12 §1).</summary>
public sealed class ImportIdentityCommandTests
{
    [Fact]
    public void ImportThenInfo_Bpic2019WithRepeatedIdenticalEvents_ReportsEveryEventAndReimportAddsNothing()
    {
        // Given a log where 173,895 of 338,247 events repeat another event of their case exactly
        var log = SharedData.Path("logs/bpic2019_1t_per_variant.xes.gz");
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");

        // When
        var first = CliRun.Run("import", log, "--workspace", workspace, "--format", "json");
        var second = CliRun.Run("import", log, "--workspace", workspace, "--format", "json");
        var info = CliRun.Run("info", "--workspace", workspace, "--format", "json");

        // Then
        first.ExitCode.ShouldBe(0, first.Error);
        var imported = Json(first.Output).GetProperty("files")[0];
        imported.GetProperty("added").GetInt64().ShouldBe(338_247);
        imported.GetProperty("duplicates").GetInt64().ShouldBe(0);
        Json(second.Output).GetProperty("files")[0].GetProperty("added").GetInt64().ShouldBe(0);
        var body = Json(info.Output);
        body.GetProperty("events").GetInt64().ShouldBe(338_247);
        body.GetProperty("cases").GetInt64().ShouldBe(11_973);
    }

    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
