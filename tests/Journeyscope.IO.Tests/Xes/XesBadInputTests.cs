using System.Text;
using static Journeyscope.IO.Tests.Xes.XesTestData;

namespace Journeyscope.IO.Tests.Xes;

public sealed class XesBadInputTests
{
    private static readonly string GoodTrace = $"<trace><string key=\"concept:name\" value=\"c\"/>{Event("A", "2024-01-01T00:00:00Z")}</trace>";

    [Fact]
    public void Import_EmptyFile_SaysEmpty()
    {
        // Given no bytes / When imported / Then the error says the file is empty
        var ex = Should.Throw<ImportException>(() => XesImporter.Import(new MemoryStream(), "empty.xes"));
        ex.Reason.ShouldBe("The file is empty");
        ex.Source.ShouldBe("empty.xes");
    }

    [Fact]
    public void Import_EmptyGzip_SaysEmpty()
    {
        // Given a gzip stream holding no bytes / When imported / Then the error says the file is empty
        var ex = Should.Throw<ImportException>(() => XesImporter.Import(new MemoryStream(Gzip([])), "empty.xes.gz"));
        ex.Reason.ShouldStartWith("The file is empty");
    }

    [Fact]
    public void Import_NotXml_SaysNotXes()
    {
        // Given CSV text / When imported / Then the error says it is not an XES file, at line 1
        var ex = Should.Throw<ImportException>(() => Import("case,activity,timestamp\n1,A,2024-01-01\n"));
        ex.Reason.ShouldStartWith("not an XES file");
        ex.Line.ShouldBe(1);
    }

    [Fact]
    public void Import_OtherXmlRoot_SaysNotXes()
    {
        // Given well-formed XML that is not XES / When imported / Then the error names the root element
        var ex = Should.Throw<ImportException>(() => Import("<?xml version=\"1.0\"?><html><body/></html>"));
        ex.Reason.ShouldBe("not an XES file: the root element is <html>, expected <log>");
    }

    [Theory]
    [InlineData("<!DOCTYPE log [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><log><trace><string key=\"concept:name\" value=\"&xxe;\"/></trace></log>")]
    [InlineData("<!DOCTYPE log SYSTEM \"http://example.invalid/x.dtd\"><log/>")]
    [InlineData("<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]><log>&lol2;</log>")]
    public void Import_Dtd_RefusedBeforeAnyEntityIsRead(string xml)
    {
        // Given a document with a DTD (XXE, external DTD, entity expansion) / When imported / Then it is refused
        var ex = Should.Throw<ImportException>(() => Import(xml));
        ex.Reason.ShouldStartWith("DTDs are not allowed");
        ex.Message.ShouldStartWith("test.xes");
        ex.ByteOffset.ShouldBeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public void Import_MalformedXml_NamesLine()
    {
        // Given XES with an unclosed element on line 3
        var xml = "<log>\n<trace>\n<event><string key=\"concept:name\" value=\"A\"></event>\n</trace></log>";

        // When imported / Then the error is malformed XML with the line
        var ex = Should.Throw<ImportException>(() => Import(xml));
        ex.Reason.ShouldStartWith("malformed XML");
        ex.Line.ShouldBe(3);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.6)]
    [InlineData(0.95)]
    public void Import_TruncatedGzip_ImportExceptionWithByteOffset(double keep)
    {
        // Given a gzip XES file cut short
        var body = string.Concat(Enumerable.Range(0, 500).Select(i => GoodTrace.Replace("\"c\"", $"\"c{i}\"", StringComparison.Ordinal)));
        var gzip = Gzip(Encoding.UTF8.GetBytes(Log(body)));
        var cut = gzip[..(int)(gzip.Length * keep)];

        // When imported / Then a clean ImportException says where the reading stopped
        var ex = Should.Throw<ImportException>(() => XesImporter.Import(new MemoryStream(cut), "cut.xes.gz"));
        ex.ByteOffset.ShouldBeGreaterThan(0);
        ex.Message.ShouldStartWith("cut.xes.gz:");
        (ex.Reason.Contains("truncated", StringComparison.Ordinal) || ex.Reason.StartsWith("malformed XML", StringComparison.Ordinal)).ShouldBeTrue(ex.Reason);
    }

    [Fact]
    public void Import_CorruptGzip_ImportException()
    {
        // Given gzip magic bytes followed by garbage
        var bytes = new byte[] { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

        // When imported / Then the error says the gzip data is corrupt
        var ex = Should.Throw<ImportException>(() => XesImporter.Import(new MemoryStream(bytes), "bad.xes.gz"));
        ex.Reason.ShouldContain("gzip");
    }

    [Fact]
    public void Import_MissingTimestampLenient_QuarantinedAndCountsAddUp()
    {
        // Given a trace with two good events and one without a timestamp on line 5
        var xml = Log($"""
            <trace><string key="concept:name" value="c"/>
            {Event("A", "2024-01-01T00:00:00Z")}
            {Event("B", "2024-01-02T00:00:00Z")}
            <event><string key="concept:name" value="C"/></event>
            </trace>
            """);

        // When imported leniently
        var result = Import(xml);

        // Then the bad event is quarantined with line and field, and imported + quarantined == read
        result.RecordsRead.ShouldBe(3);
        result.RecordsImported.ShouldBe(2);
        result.Quarantine.Count.ShouldBe(1);
        result.Log.EventCount.ShouldBe(2);
        result.RecordsImported.ShouldBe(result.RecordsRead - result.Quarantine.Count);
        var bad = result.Quarantine[0];
        bad.Field.ShouldBe("time:timestamp");
        bad.Line.ShouldBe(6);
        bad.RawText!.ShouldContain("concept:name=C");
    }

    [Fact]
    public void Import_MissingTimestampStrict_ThrowsWithLineAndField()
    {
        // Given the same bad event / When imported strictly / Then the import stops at it
        var xml = Log($"<trace><string key=\"concept:name\" value=\"c\"/>\n{Event("A", "2024-01-01T00:00:00Z")}\n<event><string key=\"concept:name\" value=\"C\"/></event></trace>");
        var ex = Should.Throw<ImportException>(() => Import(xml, ImportMode.Strict));
        ex.Field.ShouldBe("time:timestamp");
        ex.Line.ShouldBe(5);
        ex.Message.ShouldBe("test.xes:5: field 'time:timestamp': the event has no time:timestamp");
    }

    [Fact]
    public void Import_MissingName_Quarantined()
    {
        // Given an event without concept:name / When imported / Then it is quarantined on that field
        var xml = Log("<trace><string key=\"concept:name\" value=\"c\"/><event><date key=\"time:timestamp\" value=\"2024-01-01T00:00:00Z\"/></event></trace>");
        var result = Import(xml);
        result.Quarantine.Single().Field.ShouldBe("concept:name");
        result.Log.EventCount.ShouldBe(0);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2024-02-30T00:00:00Z")]
    [InlineData("2024-01-01")]
    public void Import_BadDate_QuarantinedLenientThrowsStrict(string value)
    {
        // Given an event whose time:timestamp is not a valid date-time
        var xml = Log($"<trace><string key=\"concept:name\" value=\"c\"/>{Event("A", value)}{Event("B", "2024-01-01T00:00:00Z")}</trace>");

        // When imported in both modes
        var lenient = Import(xml);
        var ex = Should.Throw<ImportException>(() => Import(xml, ImportMode.Strict));

        // Then lenient quarantines it with the value in the reason; strict stops with the same reason
        lenient.Quarantine.Single().Reason.ShouldBe($"'{value}' is not an ISO 8601 date-time");
        lenient.Log.EventCount.ShouldBe(1);
        ex.Field.ShouldBe("time:timestamp");
        ex.Reason.ShouldContain(value);
    }

    [Fact]
    public void Import_EventOutsideTrace_Quarantined()
    {
        // Given an event directly under <log> / When imported / Then it is quarantined, not dropped
        var xml = Log($"{Event("A", "2024-01-01T00:00:00Z")}{GoodTrace}");
        var result = Import(xml);
        result.RecordsRead.ShouldBe(2);
        result.Quarantine.Single().Reason.ShouldContain("outside any trace");
        result.Log.EventCount.ShouldBe(1);
    }

    [Fact]
    public void Import_UnknownEncoding_ImportException()
    {
        // Given an XML declaration naming an encoding that does not exist
        var ex = Should.Throw<ImportException>(() => Import("<?xml version=\"1.0\" encoding=\"klingon-8\"?><log/>"));

        // When imported / Then the reason names the encoding
        ex.Reason.ShouldContain("klingon-8");
    }

    [Fact]
    public void Import_InvalidUtf8_ImportExceptionWithLine()
    {
        // Given UTF-8 XES with a byte sequence that is not UTF-8 on line 2
        var head = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<log><trace><string key=\"concept:name\" value=\"");
        var tail = Encoding.UTF8.GetBytes("\"/></trace></log>");
        byte[] bytes = [.. head, 0xff, 0xfe, 0xc3, .. tail];

        // When imported / Then a clean ImportException names line 2
        var ex = Should.Throw<ImportException>(() => XesImporter.Import(new MemoryStream(bytes), "bad-utf8.xes"));
        ex.Line.ShouldBe(2);
    }

    [Fact]
    public void Import_MissingFile_ImportException()
    {
        // Given a path that does not exist / When imported / Then a clean ImportException names the file
        var ex = Should.Throw<ImportException>(() => XesImporter.Import("/nonexistent/folder/log.xes"));
        ex.Source.ShouldBe("log.xes");
        ex.Reason.ShouldStartWith("cannot open the file");
    }

    [Fact]
    public void Import_ValueLongerThanLimit_ImportException()
    {
        // Given a value longer than MaxRecordLength
        var xml = Log($"<trace><string key=\"concept:name\" value=\"{new string('x', 5000)}\"/></trace>");
        var options = new ImportOptions { MaxRecordLength = 1000 };

        // When imported / Then the import stops with the limit named
        var ex = Should.Throw<ImportException>(() => XesImporter.Import(new MemoryStream(Encoding.UTF8.GetBytes(xml)), "big.xes", options));
        ex.Reason.ShouldContain("MaxRecordLength");
    }

    [Fact]
    public void Import_CancelledInsideOneHugeTrace_Throws()
    {
        // Given one trace of 5,000 events and a cancelled token / When imported / Then the import stops inside the trace
        var events = string.Concat(Enumerable.Range(0, 5000).Select(_ => Event("A", "2024-01-01T00:00:00Z")));
        var stream = new MemoryStream(Encoding.UTF8.GetBytes(Log($"<trace><string key=\"concept:name\" value=\"c\"/>{events}</trace>")));
        Should.Throw<OperationCanceledException>(() => XesImporter.Import(stream, "x.xes", null, new CancellationToken(canceled: true)));
    }

    [Fact]
    public void Import_Cancelled_Throws()
    {
        // Given many traces and a cancelled token / When imported / Then the import stops
        var body = string.Concat(Enumerable.Range(0, 600).Select(_ => GoodTrace));
        var stream = new MemoryStream(Encoding.UTF8.GetBytes(Log(body)));
        Should.Throw<OperationCanceledException>(() => XesImporter.Import(stream, "x.xes", null, new CancellationToken(canceled: true)));
    }
}
