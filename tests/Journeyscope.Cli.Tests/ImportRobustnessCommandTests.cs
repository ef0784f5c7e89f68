using System.Globalization;
using System.Text;
using System.Text.Json;
using Journeyscope.Storage;
using Journeyscope.TestSupport;
using Microsoft.VisualBasic.FileIO;

namespace Journeyscope.Cli.Tests;

/// <summary>
/// <c>import</c> on real files: offsets after a space (airline tweets), survey exports (NPS), and failures that are
/// reported as failures (exit 1) without leaving an empty workspace behind.
/// </summary>
public sealed class ImportRobustnessCommandTests
{
    private const string AllBadCsv = "case,activity,timestamp\nc1,A,yesterday\nc2,B,tomorrow\n";

    [Fact]
    public void Import_AirlineTweetsWithSpacedOffsets_QuarantinesNothingAndKeepsOffsets()
    {
        // Given the 14,640 airline tweets, dated "2015-02-24 11:35:52 -0800"
        var path = SharedData.Path("datasets/twitter_us_airline_sentiment/Tweets.csv");
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");

        // When imported through the CLI
        var (code, output, error) = CliRun.Run("import", path, "--workspace", workspace, "--case", "tweet_id",
            "--activity", "airline_sentiment", "--timestamp", "tweet_created", "--format", "json");

        // Then every tweet is an event, none quarantined, and the recorded offset (-08:00) is kept beside the instant
        code.ShouldBe(0, error);
        using var json = JsonDocument.Parse(output);
        var file = json.RootElement.GetProperty("files")[0];
        file.GetProperty("read").GetInt64().ShouldBe(14640);
        file.GetProperty("quarantined").GetInt32().ShouldBe(0);
        file.GetProperty("imported").GetInt64().ShouldBe(14640);
        using var store = Workspace.Open(workspace, create: false);
        var log = store.LoadEventLog(TestContext.Current.CancellationToken);
        var first = FindTweet(log, "570306133677760513");
        log.GetTimestamp(first).ShouldBe(new DateTimeOffset(2015, 2, 24, 11, 35, 52, TimeSpan.FromHours(-8)));
        log.GetTimestamp(first).Offset.ShouldBe(TimeSpan.FromHours(-8));
    }

    [Fact]
    public void Import_EveryRowQuarantined_ExitsOneAndCreatesNoWorkspace()
    {
        // Given a CSV whose timestamps are all unreadable, and a workspace folder that does not exist yet
        using var temp = new TempFolder();
        var csv = temp.File("bad.csv", AllBadCsv);
        var workspace = Path.Combine(temp.Path, "ws");

        // When imported
        var (code, output, error) = CliRun.Run("import", csv, "--workspace", workspace);

        // Then the import is a failure with its reasons shown, and no folder was left behind
        code.ShouldBe(1);
        error.ShouldContain("every record of bad.csv was quarantined");
        output.ShouldContain("is not a timestamp");
        Directory.Exists(workspace).ShouldBeFalse();
    }

    [Fact]
    public void Import_MissingActivityColumn_NamesTheFlagAndCreatesNoWorkspace()
    {
        // Given a CSV without any activity-like column
        using var temp = new TempFolder();
        var csv = temp.File("noactivity.csv", "case,timestamp\nc1,2024-01-01T00:00:00Z\n");
        var workspace = Path.Combine(temp.Path, "ws");

        // When imported
        var (code, _, error) = CliRun.Run("import", csv, "--workspace", workspace);

        // Then the message says which flag to use, never the library's option type, and no folder was created
        code.ShouldBe(1);
        error.ShouldContain("use --activity COLUMN");
        error.ShouldNotContain("CsvImportOptions");
        Directory.Exists(workspace).ShouldBeFalse();
    }

    [Fact]
    public void Import_UnknownColumnGiven_NamesTheFlag()
    {
        // Given a CSV / When --timestamp names a column it does not have
        using var temp = new TempFolder();
        var csv = temp.File("t.csv", "case,activity,timestamp\nc1,A,2024-01-01T00:00:00Z\n");
        var (code, _, error) = CliRun.Run("import", csv, "--dry-run", "--timestamp", "when");

        // Then the message names the column and the flag
        code.ShouldBe(1);
        error.ShouldContain("'when' given with --timestamp is not in the header");
        error.ShouldNotContain("CsvImportOptions");
    }

    [Fact]
    public void Import_BenaventNpsSurvey_VocNpsEqualsTheCsv()
    {
        // Given the French retail NPS survey: one row per answer, "NA" for no answer, no date column
        var path = SharedData.Path("datasets/nps_benavent_fr_retail/nps.csv");
        var scores = Column(path, Encoding.Latin1, "nps");
        scores.Count.ShouldBe(13954);

        // When imported as a survey and analysed by `voc`
        var (nps, answers, ws) = ImportAndVoc(path, "--case", "id", "--score", "nps", "--comment", "explication", "--survey-date", "2019-06-30");

        // Then the NPS is promoters% - detractors% over the answers of the CSV, and every answer is dated by --survey-date
        var numeric = scores.Where(s => s != "NA").Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        answers.ShouldBe(numeric.Count);
        answers.ShouldBe(13612);
        nps.ShouldBe(Nps(numeric), 1e-9);
        using var store = Workspace.Open(ws.Path, create: false);
        var log = store.LoadEventLog(TestContext.Current.CancellationToken);
        log.EventCount.ShouldBe(13954);
        log.GetTimestamp(0).ShouldBe(new DateTimeOffset(2019, 6, 30, 0, 0, 0, TimeSpan.Zero));
        ws.Dispose();
    }

    [Fact]
    public void Import_MiroNpsSurvey_VocNpsEqualsTheCsv()
    {
        // Given Miro's NPS answers with multi-line English comments and no date column
        var path = SharedData.Path("datasets/miro_voc_nps_feature_feedback/nps.csv");
        var scores = Column(path, Encoding.UTF8, "NPS_Score").Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        scores.Count.ShouldBe(441);

        // When imported as a survey (dated by the file's modification time) and analysed by `voc`
        var (nps, answers, ws) = ImportAndVoc(path, "--case", "user_id", "--score", "NPS_Score", "--comment", "text");
        ws.Dispose();

        // Then the NPS is promoters% - detractors% over the CSV's answers
        answers.ShouldBe(441);
        nps.ShouldBe(Nps(scores), 1e-9);
    }

    [Fact]
    public void Import_SurveyWithoutDateColumn_IsDatedByTheFileModificationTime()
    {
        // Given a survey export without a date column, last written at a known time
        using var temp = new TempFolder();
        var csv = temp.File("survey.csv", "id,score,remark\nu1,10,great\nu2,3,slow\n");
        File.SetLastWriteTimeUtc(csv, new DateTime(2021, 3, 4, 5, 6, 7, DateTimeKind.Utc));
        var workspace = Path.Combine(temp.Path, "ws");

        // When imported as a survey twice (the second time adds nothing: the same time, the same events)
        var first = CliRun.Run("import", csv, "--workspace", workspace, "--survey", "csat", "--case", "id", "--score", "score", "--comment", "remark");
        var second = CliRun.Run("import", csv, "--workspace", workspace, "--survey", "csat", "--case", "id", "--score", "score", "--comment", "remark", "--format", "json");

        // Then both answers carry that time, a warning says so, and the re-import is all duplicates
        first.ExitCode.ShouldBe(0, first.Error);
        first.Output.ShouldContain("every survey answer is dated 2021-03-04T05:06:07");
        using var json = JsonDocument.Parse(second.Output);
        json.RootElement.GetProperty("files")[0].GetProperty("duplicates").GetInt64().ShouldBe(2);
        using var store = Workspace.Open(workspace, create: false);
        var log = store.LoadEventLog(TestContext.Current.CancellationToken);
        log.GetTimestamp(0).ShouldBe(new DateTimeOffset(2021, 3, 4, 5, 6, 7, TimeSpan.Zero));
        log.ActivityNames.ShouldBe(["csat"]);
    }

    private static (double Nps, int Answers, TempFolder Workspace) ImportAndVoc(string path, params string[] mapping)
    {
        var temp = new TempFolder();
        var workspace = temp.Path;
        var import = CliRun.Run(["import", path, "--workspace", workspace, "--survey", "nps", .. mapping]);
        import.ExitCode.ShouldBe(0, import.Error);
        var voc = CliRun.Run("voc", "--workspace", workspace, "--format", "json");
        voc.ExitCode.ShouldBe(0, voc.Error);
        using var json = JsonDocument.Parse(voc.Output);
        var survey = json.RootElement.GetProperty("surveys").EnumerateArray().Single();
        survey.GetProperty("survey").GetString().ShouldBe("nps");
        survey.GetProperty("scale").GetString().ShouldBe("nps");
        return (survey.GetProperty("score").GetDouble(), survey.GetProperty("answers").GetInt32(), temp);
    }

    private static double Nps(List<int> scores) =>
        100.0 * (scores.Count(s => s >= 9) - scores.Count(s => s <= 6)) / scores.Count;

    /// <summary>One column of a CSV read by the BCL's RFC 4180 parser (quoted, multi-line fields).</summary>
    private static List<string> Column(string path, Encoding encoding, string name)
    {
        using var parser = new TextFieldParser(path, encoding) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields()!;
        var index = Array.IndexOf(header, name);
        index.ShouldBeGreaterThanOrEqualTo(0);
        var values = new List<string>();
        while (parser.ReadFields() is { } fields)
        {
            values.Add(fields[index]);
        }

        return values;
    }

    private static int FindTweet(EventLogs.EventLog log, string caseId)
    {
        var index = log.CaseIds.ToList().IndexOf(caseId);
        index.ShouldBeGreaterThanOrEqualTo(0);
        return log.CaseStart(index);
    }
}
