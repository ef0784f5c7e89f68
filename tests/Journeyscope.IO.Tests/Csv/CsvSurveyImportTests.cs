using System.Text;
using Journeyscope.EventLogs;

namespace Journeyscope.IO.Tests.Csv;

/// <summary>Survey exports (one row per answer) and timestamps written with a space before the offset.</summary>
public sealed class CsvSurveyImportTests
{
    private static readonly DateTimeOffset SurveyDate = new(2020, 6, 30, 0, 0, 0, TimeSpan.Zero);

    private static ImportResult Import(string text, CsvImportOptions csv, ImportOptions? options = null)
    {
        using var stream = new MemoryStream(new UTF8Encoding(false).GetBytes(text));
        return CsvImporter.Import(stream, "test.csv", csv, options, TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData("2015-02-24 11:35:52 -0800", -480)]
    [InlineData("2015-02-24 11:35:52 +0530", 330)]
    [InlineData("2015-02-24 11:35:52 -08:00", -480)]
    public void Import_OffsetAfterASpace_KeepsInstantAndOffset(string text, int offsetMinutes)
    {
        // Given a timestamp written as Twitter and Ruby write them
        var csv = $"case,activity,timestamp\nc1,tweet,{text}\n";

        // When imported with detection
        var result = Import(csv, CsvImportOptions.Default, new ImportOptions { Mode = ImportMode.Strict });

        // Then it is read as wall-clock time at that offset, and the offset is kept
        var expected = new DateTimeOffset(2015, 2, 24, 11, 35, 52, TimeSpan.FromMinutes(offsetMinutes));
        result.Log.GetTimestamp(0).ShouldBe(expected);
        result.Log.GetTimestamp(0).Offset.ShouldBe(expected.Offset);
    }

    [Theory]
    [InlineData("2015-02-24 11:35:52 -08")]
    [InlineData("2015-02-24 11:35:52  -0800")]
    [InlineData("2015-02-24 11:35:52 -2500")]
    public void Import_MalformedSpacedOffset_IsQuarantined(string text)
    {
        // Given a timestamp whose offset is not ±HHmm or ±HH:mm after one space (the first row is good, so ISO is detected)
        var csv = $"case,activity,timestamp\nc0,tweet,2015-02-24 11:00:00 -0800\nc1,tweet,{text}\n";

        // When imported
        var result = Import(csv, CsvImportOptions.Default);

        // Then the row is quarantined, not read with a guessed offset
        result.RecordsImported.ShouldBe(1);
        result.Quarantine.Single().Field.ShouldBe("timestamp");
    }

    [Fact]
    public void Import_SurveyExport_OneEventPerAnswerWithScoreAndComment()
    {
        // Given an NPS export with a missing answer (NA), a blank comment and no date column
        var csv = "id,nps,why\nu1,10,great staff\nu2,NA,NA\nu3,3,\"slow,\nvery slow\"\n";
        var options = new CsvImportOptions
        {
            SurveyActivity = "nps",
            CaseColumn = "id",
            ScoreColumn = "nps",
            CommentColumn = "why",
            SurveyDate = SurveyDate,
            MissingValues = ["NA"],
        };

        // When imported as a survey
        var result = Import(csv, options, new ImportOptions { Mode = ImportMode.Strict });

        // Then each row is an "nps" event at the survey date with a numeric score and a text comment
        var log = result.Log;
        log.EventCount.ShouldBe(3);
        log.ActivityNames.ShouldBe(["nps"]);
        log.GetTimestamp(0).ShouldBe(SurveyDate);
        var score = log.FindEventAttribute("score")!;
        score.Type.ShouldBe(AttributeType.Long);
        var comment = log.FindEventAttribute("comment")!;
        comment.Type.ShouldBe(AttributeType.String);
        log.FindEventAttribute("nps").ShouldBeNull();
        var scores = Enumerable.Range(0, 3).Select(e => score.GetValue(e)?.AsLong()).ToList();
        scores.ShouldBe([10L, null, 3L], ignoreOrder: true);
        result.Warnings.ShouldContain(w => w.Contains("every survey answer is dated 2020-06-30", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_SurveyAnswerNotANumber_IsQuarantinedAndScoreStaysNumeric()
    {
        // Given an answer that is not a number among numbers
        var csv = "id,score_text\nu1,9\nu2,n/a please\nu3,7.5\n";
        var options = new CsvImportOptions { SurveyActivity = "csat", CaseColumn = "id", ScoreColumn = "score_text", SurveyDate = SurveyDate };

        // When imported
        var result = Import(csv, options);

        // Then that row is quarantined with a reason naming the answer, and the others keep a numeric score
        result.RecordsImported.ShouldBe(2);
        var bad = result.Quarantine.Single();
        bad.Field.ShouldBe("score_text");
        bad.Reason.ShouldContain("'n/a please' is not a number");
        result.Log.FindEventAttribute("score")!.Type.ShouldBe(AttributeType.Double);
    }

    [Fact]
    public void Import_SurveyWithDateColumn_UsesTheColumnNotTheSurveyDate()
    {
        // Given a survey export with a detected date column
        var csv = "customer_id,date,score\nc1,2021-01-02,4\n";
        var options = new CsvImportOptions { SurveyActivity = "csat", ScoreColumn = "score", SurveyDate = SurveyDate };

        // When imported
        var result = Import(csv, options, new ImportOptions { Mode = ImportMode.Strict });

        // Then the answer is dated by its row
        result.Log.GetTimestamp(0).ShouldBe(new DateTimeOffset(2021, 1, 2, 0, 0, 0, TimeSpan.Zero));
        result.Warnings.ShouldNotContain(w => w.Contains("survey answer is dated", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_SurveyWithoutDate_FailsNamingTheFlags()
    {
        // Given a survey export with neither a date column nor a survey date
        var options = new CsvImportOptions { SurveyActivity = "nps", CaseColumn = "id", ScoreColumn = "nps" };

        // When imported / Then the error says how to date the answers
        var ex = Should.Throw<ImportException>(() => Import("id,nps\nu1,9\n", options));
        ex.Message.ShouldContain("--survey-date");
    }

    [Fact]
    public void Import_SurveyAndActivityColumn_AreExclusive()
    {
        // Given both a survey name and an activity column / When imported / Then it is refused
        var options = new CsvImportOptions { SurveyActivity = "nps", ActivityColumn = "what", CaseColumn = "id", SurveyDate = SurveyDate };
        var ex = Should.Throw<ImportException>(() => Import("id,what\nu1,x\n", options));
        ex.Message.ShouldContain("--survey");
    }
}
