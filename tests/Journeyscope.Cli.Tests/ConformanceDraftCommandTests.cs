using Journeyscope.IO.Journeys;

namespace Journeyscope.Cli.Tests;

public sealed class ConformanceDraftCommandTests
{
    private const string Orders =
        "case_id,activity,timestamp,channel\n" +
        "o1,Order,2024-03-01T10:00:00Z,web\n" +
        "o1,Pay,2024-03-01T10:05:00Z,web\n" +
        "o1,Ship,2024-03-02T09:00:00Z,web\n" +
        "o2,Order,2024-03-01T11:00:00Z,app\n" +
        "o2,Pay,2024-03-01T11:30:00Z,app\n" +
        "o2,Ship,2024-03-01T12:30:00Z,app\n";

    [Fact]
    public void JourneyDraft_Out_WritesYamlThatReadsBackAndValidates()
    {
        // Given
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");
        CliRun.Run("import", temp.File("orders.csv", Orders), "--workspace", workspace).ExitCode.ShouldBe(0);
        var path = Path.Combine(temp.Path, "journeys", "draft.yaml");

        // When
        var result = CliRun.Run("journey", "draft", "--noise", "0", "--out", path, "--workspace", workspace);

        // Then
        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.ShouldContain("3 touchpoints");
        var read = JourneyYaml.Read(path);
        read.HasErrors.ShouldBeFalse(string.Join("\n", read.Diagnostics));
        read.Journey!.Touchpoints.Select(t => t.Id).ShouldBe(["order", "pay", "ship"]);
        read.Journey.Flow!.ToString().ShouldBe("->( 'order', 'pay', 'ship' )");
        JourneyValidator.Validate(read).ShouldNotContain(d => d.IsError);
    }

    [Fact]
    public void JourneyDraft_NoOut_WritesYamlToStandardOutput()
    {
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");
        CliRun.Run("import", temp.File("orders.csv", Orders), "--workspace", workspace).ExitCode.ShouldBe(0);

        var result = CliRun.Run("journey", "draft", "--workspace", workspace);

        result.ExitCode.ShouldBe(0, result.Error);
        JourneyYaml.Parse(result.Output).Journey!.Id.ShouldBe("draft");
    }

    [Theory]
    [InlineData("--noise", "1")]
    [InlineData("--noise", "-0.1")]
    [InlineData("--id", "no spaces")]
    public void JourneyDraft_BadOption_ExitsTwo(params string[] args)
    {
        using var temp = new TempFolder();

        var result = CliRun.Run(["journey", "draft", .. args, "--workspace", temp.Path]);

        result.ExitCode.ShouldBe(2, result.Error);
    }
}
