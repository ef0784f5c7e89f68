using System.Text;
using Journeyscope.EventLogs;

namespace Journeyscope.IO.Tests.Csv;

public sealed class CsvImporterTests
{
    private static readonly ImportOptions Strict = new() { Mode = ImportMode.Strict };

    private static ImportResult Import(string text, CsvImportOptions? csv = null, ImportOptions? options = null, Encoding? encoding = null)
    {
        using var stream = new MemoryStream((encoding ?? new UTF8Encoding(false)).GetBytes(text));
        return CsvImporter.Import(stream, "test.csv", csv, options);
    }

    private static ImportResult ImportBytes(byte[] bytes, CsvImportOptions? csv = null, ImportOptions? options = null)
    {
        using var stream = new MemoryStream(bytes);
        return CsvImporter.Import(stream, "test.csv", csv, options);
    }

    private static DateTimeOffset At(ImportResult result, int ev) => result.Log.GetTimestamp(ev);

    [Theory]
    [InlineData(",", "\n")]
    [InlineData(";", "\r\n")]
    [InlineData("\t", "\r")]
    [InlineData("|", "\n")]
    public void Import_AnyDelimiterAndLineEnding_IsDetected(string delimiter, string newline)
    {
        // Given the same log in several dialects
        var text = string.Join(newline, [
            string.Join(delimiter, "case_id", "activity", "timestamp"),
            string.Join(delimiter, "1", "order", "2024-03-01T10:00:00Z"),
            string.Join(delimiter, "1", "pay", "2024-03-01T11:00:00Z"),
            string.Join(delimiter, "2", "order", "2024-03-02T10:00:00Z"),
        ]) + newline;

        // When imported with detection
        var result = Import(text, options: Strict);

        // Then every dialect gives the same log
        result.Log.EventCount.ShouldBe(3);
        result.Log.CaseIds.ShouldBe(["1", "2"]);
        result.Log.ActivityNames.ShouldBe(["order", "pay"]);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        var inspection = CsvImporter.Inspect(stream, "x.csv");
        inspection.Delimiter.ShouldBe(delimiter[0]);
        inspection.LineEnding.ShouldBe(newline switch { "\n" => "LF", "\r\n" => "CRLF", _ => "CR" });
    }

    [Fact]
    public void Import_QuotedFieldsWithDelimitersQuotesAndLineBreaks_KeepTextAndLineNumbers()
    {
        // Given quoted fields spanning lines, then a bad row on a known line
        var text = "case,activity,timestamp,note\r\n" +
                   "1,\"say \"\"hi\"\", then, wait\",2024-03-01 10:00,\"line one\r\nline two\nline three\"\r\n" +
                   "1,next,not a date,x\r\n";

        // When imported leniently
        var result = Import(text);

        // Then the quoted text is intact and the bad row is reported on line 5
        result.Log.ActivityNames.ShouldBe(["say \"hi\", then, wait"]);
        result.Log.FindEventAttribute("note")!.GetValue(0)!.Value.AsString().ShouldBe("line one\r\nline two\nline three");
        result.Quarantine.Count.ShouldBe(1);
        result.Quarantine[0].Line.ShouldBe(5);
        result.Quarantine[0].Field.ShouldBe("timestamp");
        result.RecordsRead.ShouldBe(2);
    }

    [Fact]
    public void Import_Utf8WithBom_ReadsHeaderWithoutBom()
    {
        var bytes = new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes("case_id,activity,timestamp\né,café,2024-01-01\n")).ToArray();

        var result = ImportBytes(bytes, options: Strict);

        result.Log.CaseIds.ShouldBe(["é"]);
        result.Log.ActivityNames.ShouldBe(["café"]);
        using var stream = new MemoryStream(bytes);
        var inspection = CsvImporter.Inspect(stream, "x.csv");
        inspection.HasByteOrderMark.ShouldBeTrue();
        inspection.EncodingName.ShouldBe("utf-8");
    }

    [Fact]
    public void Import_Cp1252Bytes_AreDetectedAndDecoded()
    {
        // Given "café" and "€" in Windows-1252 (0xE9, 0x80): not valid UTF-8
        var bytes = "case_id;activity;timestamp\n1;caf\u00e9 \u20ac;2024-01-01\n".Select(c => c switch { 'é' => (byte)0xE9, '€' => (byte)0x80, _ => (byte)c }).ToArray();

        var result = ImportBytes(bytes, options: Strict);

        result.Log.ActivityNames.ShouldBe(["café €"]);
    }

    [Fact]
    public void Import_InvalidUtf8WithExplicitUtf8_FailsWithLine()
    {
        var bytes = Encoding.ASCII.GetBytes("case_id,activity,timestamp\n1,a,2024-01-01\n2,").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.ASCII.GetBytes(",2024-01-01\n")).ToArray();

        var ex = Should.Throw<ImportException>(() => ImportBytes(bytes, new CsvImportOptions { Encoding = Encoding.UTF8 }));

        ex.Reason.ShouldContain("utf-8");
    }

    [Fact]
    public void Import_EmptyFile_FailsClearly()
    {
        var ex = Should.Throw<ImportException>(() => ImportBytes([]));

        ex.Reason.ShouldContain("empty");
        ex.Source.ShouldBe("test.csv");
    }

    [Fact]
    public void Import_OnlyHeader_GivesEmptyLog()
    {
        var result = Import("case_id,activity,timestamp\n");

        result.Log.EventCount.ShouldBe(0);
        result.RecordsRead.ShouldBe(0);
    }

    [Fact]
    public void Import_MissingMandatoryColumn_NamesRoleAndHeader()
    {
        var ex = Should.Throw<ImportException>(() => Import("case_id,what,when\n1,a,2024-01-01\n"));

        ex.Reason.ShouldContain("activity");
        ex.Reason.ShouldContain("timestamp");
        ex.Reason.ShouldContain("[case_id, what, when]");
    }

    [Fact]
    public void Import_ExplicitMapping_OverridesDetection()
    {
        var csv = new CsvImportOptions { CaseColumn = "ticket", ActivityColumn = "what", TimestampColumn = "when", ResourceColumn = "who" };

        var result = Import("ticket,what,when,who,case_id\nT1,open,2024-01-01,ann,zzz\n", csv, Strict);

        result.Log.CaseIds.ShouldBe(["T1"]);
        result.Log.Resource!.GetString(0).ShouldBe("ann");
        result.Log.FindEventAttribute("case_id").ShouldNotBeNull();
    }

    [Fact]
    public void Import_WrongFieldCount_StrictThrowsLenientQuarantines()
    {
        const string text = "case_id,activity,timestamp\n1,a,2024-01-01\n1,b\n1,c,2024-01-02,extra\n2,d,2024-01-03\n";

        var ex = Should.Throw<ImportException>(() => Import(text, options: Strict));
        var result = Import(text);

        ex.Line.ShouldBe(3);
        ex.Reason.ShouldContain("expected 3 fields");
        result.RecordsRead.ShouldBe(4);
        result.RecordsImported.ShouldBe(2);
        result.Quarantine.Select(q => q.Line).ShouldBe([3L, 4L]);
        result.Log.EventCount.ShouldBe(2);
    }

    [Fact]
    public void Import_EmptyCaseOrActivity_IsQuarantinedWithField()
    {
        var result = Import("case_id,activity,timestamp\n,a,2024-01-01\n1,,2024-01-01\n1,b,2024-01-01\n");

        result.Quarantine.Select(q => q.Field).ShouldBe(["case_id", "activity"]);
        (result.RecordsImported + result.Quarantine.Count).ShouldBe(result.RecordsRead);
    }

    [Fact]
    public void Import_UnterminatedQuoteAtEnd_IsQuarantined()
    {
        var result = Import("case_id,activity,timestamp\n1,a,2024-01-01\n1,\"b,2024-01-02\n2,c,2024-01-03\n");

        result.Log.EventCount.ShouldBe(1);
        result.Quarantine.Count.ShouldBe(1);
        result.Quarantine[0].Line.ShouldBe(3);
        result.Quarantine[0].Reason.ShouldContain("not closed");
    }

    [Fact]
    public void Import_TenMegabyteLine_IsRejectedByMaxRecordLength()
    {
        // Given a 10 MB field between two good rows and a 1 MiB record limit
        var text = "case_id,activity,timestamp\n1,a,2024-01-01\n1," + new string('x', 10_000_000) + ",2024-01-02\n2,c,2024-01-03\n";
        var options = new ImportOptions { MaxRecordLength = 1 << 20 };

        var result = Import(text, options: options);

        result.Log.EventCount.ShouldBe(2);
        result.Quarantine.Count.ShouldBe(1);
        result.Quarantine[0].Line.ShouldBe(3);
        result.Quarantine[0].Reason.ShouldContain("MaxRecordLength");
        Should.Throw<ImportException>(() => Import(text, options: new ImportOptions { MaxRecordLength = 1 << 20, Mode = ImportMode.Strict }))
            .Reason.ShouldContain("longer than the limit");
    }

    [Theory]
    [InlineData("2024-03-01T10:00:00+01:00", 9, 60)]
    [InlineData("2024-03-01 10:00:00.5", 10, 0)]
    [InlineData("2024-03-01T10:00:00Z", 10, 0)]
    [InlineData("2024-03-01 10:00:00 UTC", 10, 0)]
    [InlineData("1709287200", 10, 0)]
    [InlineData("1709287200000", 10, 0)]
    [InlineData("01-03-2024 10:00", 10, 0)]
    [InlineData("2024/03/01 10:00:00.000", 10, 0)]
    public void Import_TimestampFormats_AreDetected(string value, int utcHour, int offset)
    {
        var result = Import($"case_id,activity,timestamp\n1,a,{value}\n", options: Strict);

        var ts = At(result, 0);
        ts.UtcDateTime.Date.ShouldBe(new DateTime(2024, 3, 1));
        ts.UtcDateTime.Hour.ShouldBe(utcHour);
        ts.Offset.TotalMinutes.ShouldBe(offset);
    }

    [Fact]
    public void Import_DayFirstVersusMonthFirst_DecidedFromSample()
    {
        var dayFirst = Import("case_id,activity,timestamp\n1,a,03/02/2024\n1,b,25/02/2024\n", options: Strict);
        var monthFirst = Import("case_id,activity,timestamp\n1,a,03/02/2024\n1,b,02/25/2024\n", options: Strict);
        var ambiguous = Import("case_id,activity,timestamp\n1,a,03/02/2024\n1,b,04/02/2024\n", options: Strict);

        At(dayFirst, 0).Month.ShouldBe(2);
        At(monthFirst, 1).ShouldBe(new DateTimeOffset(2024, 3, 2, 0, 0, 0, TimeSpan.Zero));
        At(ambiguous, 0).Month.ShouldBe(2);
        ambiguous.Warnings.ShouldContain(w => w.Contains("ambiguous", StringComparison.Ordinal));
        dayFirst.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void Import_ExplicitFormatAndTimeZone_ConvertsLocalTimeKeepingOffset()
    {
        // Given Amsterdam wall-clock times on both sides of the DST change (2024-03-31)
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        var csv = new CsvImportOptions { TimestampFormat = "dd-MM-yyyy HH:mm", TimeZone = zone };

        var result = Import("case_id,activity,timestamp\n1,a,30-03-2024 12:00\n1,b,01-04-2024 12:00\n", csv, Strict);

        At(result, 0).ShouldBe(new DateTimeOffset(2024, 3, 30, 12, 0, 0, TimeSpan.FromHours(1)));
        At(result, 0).Offset.ShouldBe(TimeSpan.FromHours(1));
        At(result, 1).Offset.ShouldBe(TimeSpan.FromHours(2));
        At(result, 1).UtcDateTime.Hour.ShouldBe(10);
    }

    [Fact]
    public void Import_AttributeTypes_AreDetectedFromAllValues()
    {
        var result = Import("case_id,activity,timestamp,n,x,ok,due,zip,case:segment\n" +
                            "1,a,2024-01-01,1,1,true,2024-01-01T10:00:00+02:00,01234,gold\n" +
                            "1,b,2024-01-02,2,2.5,FALSE,2024-01-02T10:00:00+02:00,99999,\n", options: Strict);

        var log = result.Log;
        log.FindEventAttribute("n")!.Type.ShouldBe(AttributeType.Long);
        log.FindEventAttribute("x")!.Type.ShouldBe(AttributeType.Double);
        log.FindEventAttribute("ok")!.Type.ShouldBe(AttributeType.Boolean);
        log.FindEventAttribute("due")!.Type.ShouldBe(AttributeType.Timestamp);
        log.FindEventAttribute("zip")!.Type.ShouldBe(AttributeType.String);
        log.FindCaseAttribute("segment")!.GetValue(0)!.Value.AsString().ShouldBe("gold");
    }

    [Fact]
    public void Import_ForcedAttributeTypeMismatch_QuarantinesRow()
    {
        var csv = new CsvImportOptions { AttributeTypes = new Dictionary<string, AttributeType> { ["n"] = AttributeType.Long } };

        var result = Import("case_id,activity,timestamp,n\n1,a,2024-01-01,5\n1,b,2024-01-02,five\n", csv);

        result.Quarantine.Single().Field.ShouldBe("n");
        result.Log.FindEventAttribute("n")!.Type.ShouldBe(AttributeType.Long);
    }

    [Fact]
    public void Import_WideTimestampColumns_MakeOneEventPerNonEmptyCell()
    {
        var csv = new CsvImportOptions { CaseColumn = "order_id", WideTimestampColumns = ["placed", "paid", "shipped"] };

        var result = Import("order_id,status,placed,paid,shipped\nA,done,2024-01-01 10:00,2024-01-01 11:00,2024-01-02 09:00\nB,open,2024-01-03 10:00,,\nC,open,,,\n", csv);

        result.Log.EventCount.ShouldBe(4);
        result.Log.ActivityNames.ShouldBe(["placed", "paid", "shipped"]);
        result.Log.FindEventAttribute("status")!.CountValid().ShouldBe(4);
        result.Quarantine.Single().Line.ShouldBe(4);
    }

    [Fact]
    public void Import_NoHeader_NamesColumnsByPosition()
    {
        var csv = new CsvImportOptions { HasHeader = false, CaseColumn = "column1", ActivityColumn = "column2", TimestampColumn = "column3" };

        var result = Import("1,a,2024-01-01\n2,b,2024-01-02\n", csv, Strict);

        result.Log.EventCount.ShouldBe(2);
    }

    [Fact]
    public void Inspect_ReportsRolesTypesAndPreview()
    {
        var text = "Case ID;Activity;Complete Timestamp;org:resource;Cost\n" + string.Concat(Enumerable.Range(0, 20).Select(i => $"c{i};a;2024/01/{i + 1:00} 10:00:00.000;r;{i}.5\n"));
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));

        var inspection = CsvImporter.Inspect(stream, "x.csv");

        inspection.ColumnFor("case").ShouldBe("Case ID");
        inspection.ColumnFor("activity").ShouldBe("Activity");
        inspection.ColumnFor("timestamp").ShouldBe("Complete Timestamp");
        inspection.ColumnFor("resource").ShouldBe("org:resource");
        inspection.Columns[2].TimestampFormat.ShouldBe("yyyy/MM/dd HH:mm:ss.FFFFFFF");
        inspection.Columns[4].Type.ShouldBe(AttributeType.Double);
        inspection.Rows.Count.ShouldBe(10);
        inspection.Rows[0][0].ShouldBe("c0");
    }

    [Fact]
    public void Import_ProgressAndCounts_AreReported()
    {
        var text = "case_id,activity,timestamp\n" + string.Concat(Enumerable.Range(0, 20000).Select(i => $"{i % 100},act{i % 7},2024-01-01T00:00:{i % 60:00}Z\n"));
        var reports = new List<ImportProgress>();
        var progress = new SynchronousProgress(reports);

        var result = Import(text, options: new ImportOptions { Progress = progress });

        result.Log.EventCount.ShouldBe(20000);
        result.Log.CaseCount.ShouldBe(100);
        reports.Count.ShouldBeGreaterThan(1);
        reports[^1].RecordsRead.ShouldBe(20000);
    }

    private sealed class SynchronousProgress(List<ImportProgress> reports) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => reports.Add(value);
    }
}
