using System.Text;
using System.Text.Json;

namespace Journeyscope.Cli.Tests;

public sealed class VocCommandTests
{
    [Fact]
    public void Voc_Orders_NpsSentimentAndTopMoment()
    {
        // Given 40 orders where the late half (waiting 5 days for delivery) answers 3
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");
        CliRun.Run("import", KpiCommandTests.OrdersCsv(temp), "--workspace", workspace).ExitCode.ShouldBe(0);

        // When
        var result = CliRun.Run("voc", "--workspace", workspace, "--format", "json");

        // Then
        result.ExitCode.ShouldBe(0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        var survey = json.RootElement.GetProperty("surveys")[0];
        survey.GetProperty("scale").GetString().ShouldBe("nps");
        survey.GetProperty("score").GetDouble().ShouldBe(0.0);
        var sentiment = json.RootElement.GetProperty("sentiment");
        (sentiment.GetProperty("positive").GetInt32(), sentiment.GetProperty("negative").GetInt32()).ShouldBe((20, 20));
        var top = json.RootElement.GetProperty("moments")[0];
        (top.GetProperty("kind").GetString(), top.GetProperty("name").GetString()).ShouldBe(("wait", "Deliver"));
        top.GetProperty("unhappyWith").GetDouble().ShouldBe(1.0);
    }

    [Fact]
    public void VocTrain_LabelsFile_SavesAModelThatVocUses()
    {
        // Given labelled comments
        using var temp = new TempFolder();
        var labels = new StringBuilder("text,label\n");
        for (var i = 0; i < 60; i++)
        {
            labels.Append($"great service {i},positive\nterrible service {i},negative\n");
        }

        var labelsFile = temp.File("labels.csv", labels.ToString());
        var model = Path.Combine(temp.Path, "sentiment.zip");
        var workspace = Path.Combine(temp.Path, "ws");
        CliRun.Run("import", KpiCommandTests.OrdersCsv(temp), "--workspace", workspace).ExitCode.ShouldBe(0);

        // When trained, then used
        var train = CliRun.Run("voc", "train", "--labels", labelsFile, "--out", model, "--format", "json");
        var voc = CliRun.Run("voc", "--model", model, "--workspace", workspace, "--format", "json");

        // Then
        train.ExitCode.ShouldBe(0, train.Error);
        using var trained = JsonDocument.Parse(train.Output);
        trained.RootElement.GetProperty("heldOut").GetInt32().ShouldBe(24);
        trained.RootElement.GetProperty("accuracy").GetDouble().ShouldBeGreaterThan(0.9);
        File.Exists(model).ShouldBeTrue();
        voc.ExitCode.ShouldBe(0, voc.Error);
        using var json = JsonDocument.Parse(voc.Output);
        json.RootElement.GetProperty("sentiment").GetProperty("negative").GetInt32().ShouldBe(20);
    }

    [Theory]
    [InlineData("text,label\nok,maybe\n", "field 'label': 'maybe' is not positive")]
    [InlineData("text,label\nok,positive\n", "training needs at least 10 labelled comments")]
    public void VocTrain_BadLabels_ExitsOneWithReason(string csv, string reason)
    {
        using var temp = new TempFolder();
        var file = temp.File("labels.csv", csv);

        var result = CliRun.Run("voc", "train", "--labels", file, "--out", Path.Combine(temp.Path, "m.zip"));

        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain(reason);
    }

    [Fact]
    public void Voc_LexiconAndModelTogether_UsageError()
    {
        var result = CliRun.Run("voc", "--lexicon", "a.txt", "--model", "b.zip");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("Give --lexicon or --model, not both.");
    }
}
