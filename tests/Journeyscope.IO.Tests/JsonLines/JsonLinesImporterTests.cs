using System.Text;
using Journeyscope.EventLogs;

namespace Journeyscope.IO.Tests.JsonLines;

public sealed class JsonLinesImporterTests
{
    private static ImportResult Import(string text, ImportOptions? options = null)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return JsonLinesImporter.Import(stream, "test.jsonl", options, TestContext.Current.CancellationToken);
    }

    [Fact]
    public void Import_StandardFieldsAndTypedAttributes_AreRead()
    {
        var text = """
            {"case_id":"c1","activity":"order","timestamp":"2024-03-01T10:00:00+01:00","resource":"ann","channel":"web","n":3,"x":2.5,"ok":true,"when":"2024-01-01T00:00:00Z","case:tier":"gold","event_id":"e1"}
            {"case_id":"c1","activity":"pay","timestamp":1709290800,"n":4,"x":3,"ok":false,"nested":{"a":[1,2]}}
            """;

        var result = Import(text, new ImportOptions { Mode = ImportMode.Strict });

        var log = result.Log;
        log.EventCount.ShouldBe(2);
        log.GetTimestamp(0).ShouldBe(new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.FromHours(1)));
        log.GetTimestamp(0).Offset.ShouldBe(TimeSpan.FromHours(1));
        log.Resource!.GetString(0).ShouldBe("ann");
        log.Channel!.GetString(0).ShouldBe("web");
        log.FindEventAttribute("n")!.Type.ShouldBe(AttributeType.Long);
        log.FindEventAttribute("x")!.Type.ShouldBe(AttributeType.Double);
        log.FindEventAttribute("x")!.GetValue(1)!.Value.AsDouble().ShouldBe(3.0);
        log.FindEventAttribute("ok")!.Type.ShouldBe(AttributeType.Boolean);
        log.FindEventAttribute("when")!.Type.ShouldBe(AttributeType.String);
        log.FindEventAttribute("event_id")!.GetValue(0)!.Value.AsString().ShouldBe("e1");
        log.FindEventAttribute("nested")!.GetValue(1)!.Value.AsString().ShouldBe("""{"a":[1,2]}""");
        log.FindCaseAttribute("tier")!.GetValue(0)!.Value.AsString().ShouldBe("gold");
        result.Warnings.ShouldContain(w => w.Contains("nested", StringComparison.Ordinal));
        result.Warnings.ShouldContain(w => w.Contains("'x'", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_BadLines_AreQuarantinedWithLineAndField()
    {
        var text = "{\"case_id\":\"c\",\"activity\":\"a\",\"timestamp\":\"2024-01-01\"}\r\n" +
                   "\r\n" +
                   "{\"case_id\":\"c\",\"activity\":\"b\"\n" +
                   "{\"activity\":\"b\",\"timestamp\":\"2024-01-01\"}\n" +
                   "{\"case_id\":\"c\",\"activity\":\"b\",\"timestamp\":\"yesterday\"}\n" +
                   "[1,2]\n" +
                   "{\"case_id\":\"c\",\"activity\":\"z\",\"timestamp\":\"2024-01-02\"}";

        var result = Import(text);

        result.RecordsRead.ShouldBe(6);
        result.Log.EventCount.ShouldBe(2);
        result.Quarantine.Select(q => (q.Line, q.Field)).ShouldBe([(3L, null), (4L, "case_id"), (5L, "timestamp"), (6L, null)]);
        result.Quarantine[0].Reason.ShouldContain("invalid JSON");
        Should.Throw<ImportException>(() => Import(text, new ImportOptions { Mode = ImportMode.Strict })).Line.ShouldBe(3);
    }

    [Fact]
    public void Import_TenMegabyteLine_IsRejectedByMaxRecordLength()
    {
        var text = "{\"case_id\":\"c\",\"activity\":\"a\",\"timestamp\":\"2024-01-01\"}\n" +
                   "{\"case_id\":\"c\",\"activity\":\"" + new string('x', 10_000_000) + "\",\"timestamp\":\"2024-01-01\"}\n" +
                   "{\"case_id\":\"c\",\"activity\":\"b\",\"timestamp\":\"2024-01-02\"}\n";

        var result = Import(text, new ImportOptions { MaxRecordLength = 1 << 20 });

        result.Log.EventCount.ShouldBe(2);
        result.Quarantine.Single().Line.ShouldBe(2);
        result.Quarantine.Single().Reason.ShouldContain("MaxRecordLength");
    }

    [Fact]
    public void Import_EmptyFile_FailsClearly()
    {
        var ex = Should.Throw<ImportException>(() => Import("\n\n"));

        ex.Reason.ShouldContain("empty");
    }

    [Fact]
    public void Import_InvalidUtf8_IsQuarantined()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"case_id\":\"c\",\"activity\":\"").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes("\",\"timestamp\":\"2024-01-01\"}\n")).ToArray();
        using var stream = new MemoryStream(bytes);

        var result = JsonLinesImporter.Import(stream, "bad.jsonl", cancellationToken: TestContext.Current.CancellationToken);

        result.Quarantine.Single().Line.ShouldBe(1);
        result.Log.EventCount.ShouldBe(0);
    }
}
