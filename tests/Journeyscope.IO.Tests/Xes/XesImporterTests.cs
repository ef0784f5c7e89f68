using Journeyscope.EventLogs;
using static Journeyscope.IO.Tests.Xes.XesTestData;

namespace Journeyscope.IO.Tests.Xes;

public sealed class XesImporterTests
{
    [Fact]
    public void Import_StandardKeys_MapToColumns()
    {
        // Given a trace with the standard extensions' keys
        var xml = Log("""
            <trace><string key="concept:name" value="c1"/>
              <event><string key="concept:name" value="Apply"/><date key="time:timestamp" value="2024-03-01T10:00:00.123+02:00"/>
                <string key="lifecycle:transition" value="complete"/><string key="org:resource" value="Ann"/>
                <string key="channel" value="web"/><date key="start_timestamp" value="2024-03-01T09:59:00+02:00"/>
                <id key="identity:id" value="e-1"/></event>
            </trace>
            """);

        // When it is imported
        var result = Import(xml);
        var log = result.Log;

        // Then each key lands in its column
        result.Format.ShouldBe("xes");
        log.CaseIds.ShouldBe(["c1"]);
        log.ActivityNames[log.Activities[0]].ShouldBe("Apply");
        log.GetTimestamp(0).ShouldBe(new DateTimeOffset(2024, 3, 1, 10, 0, 0, 123, TimeSpan.FromHours(2)));
        log.Lifecycle!.GetString(0).ShouldBe("complete");
        log.Resource!.GetString(0).ShouldBe("Ann");
        log.Channel!.GetString(0).ShouldBe("web");
        log.StartTimestamps!.GetValue(0)!.Value.AsDateTimeOffset().ShouldBe(new DateTimeOffset(2024, 3, 1, 9, 59, 0, TimeSpan.FromHours(2)));
        log.FindEventAttribute("event_id")!.GetValue(0)!.Value.AsString().ShouldBe("e-1");
        log.FindEventAttribute("identity:id").ShouldBeNull();
        log.FindEventAttribute("channel").ShouldBeNull();
    }

    [Fact]
    public void Import_OffsetPlusTwo_KeepsUtcInstantAndOffset()
    {
        // Given an event written at +02:00
        var xml = Log($"<trace><string key=\"concept:name\" value=\"c\"/>{Event("A", "2024-06-01T12:00:00+02:00")}</trace>");

        // When it is imported
        var log = Import(xml).Log;

        // Then the timestamp is the UTC instant and the offset is kept in minutes
        log.Timestamps[0].ShouldBe(new DateTime(2024, 6, 1, 10, 0, 0, DateTimeKind.Utc).Ticks);
        log.OffsetMinutes[0].ShouldBe((short)120);
        log.ToTimeBasis(TimeBasis.WallClock).Timestamps[0].ShouldBe(new DateTime(2024, 6, 1, 12, 0, 0).Ticks);
    }

    [Fact]
    public void Import_TypedAttributes_KeepTheirTypes()
    {
        // Given event and trace attributes of every XES type
        var typed = """
            <string key="s" value="text"/><int key="i" value="-42"/><float key="f" value="2.5E3"/>
            <boolean key="b" value="true"/><date key="d" value="2020-01-02T03:04:05.006-03:00"/><id key="u" value="abc-123"/>
            """;
        var xml = Log($"<trace><string key=\"concept:name\" value=\"c\"/>{typed}{Event("A", "2024-01-01T00:00:00Z", typed)}</trace>");

        // When it is imported
        var log = Import(xml).Log;

        // Then events and cases have typed columns with the values
        foreach (var find in new Func<string, AttributeColumn?>[] { log.FindEventAttribute, log.FindCaseAttribute })
        {
            find("s")!.GetValue(0)!.Value.AsString().ShouldBe("text");
            find("i")!.GetValue(0)!.Value.AsLong().ShouldBe(-42);
            find("f")!.GetValue(0)!.Value.AsDouble().ShouldBe(2500.0);
            find("b")!.GetValue(0)!.Value.AsBoolean().ShouldBeTrue();
            find("d")!.GetValue(0)!.Value.AsDateTimeOffset().ShouldBe(new DateTimeOffset(2020, 1, 2, 3, 4, 5, 6, TimeSpan.FromHours(-3)));
            find("u")!.GetValue(0)!.Value.AsString().ShouldBe("abc-123");
        }
    }

    [Fact]
    public void Import_EventsOutOfOrder_SortedWithinCase()
    {
        // Given a trace whose events are written out of time order
        var xml = Log($"<trace><string key=\"concept:name\" value=\"c\"/>{Event("B", "2024-01-02T00:00:00Z")}{Event("A", "2024-01-01T00:00:00Z")}</trace>");

        // When it is imported
        var log = Import(xml).Log;

        // Then the case's events are in time order
        log.ActivityNames[log.Activities[0]].ShouldBe("A");
        log.ActivityNames[log.Activities[1]].ShouldBe("B");
    }

    [Fact]
    public void Import_TraceNameAfterEvents_StillUsedAsCaseId()
    {
        // Given a trace whose concept:name comes after its events
        var xml = Log($"<trace>{Event("A", "2024-01-01T00:00:00Z")}<string key=\"concept:name\" value=\"late\"/></trace>");

        // When it is imported / Then the case id is the trace's name
        Import(xml).Log.CaseIds.ShouldBe(["late"]);
    }

    [Fact]
    public void Import_NameBetweenEqualTimes_KeepsSourceOrder()
    {
        // Given two events at the same time, with the trace name written between them
        var xml = Log($"<trace>{Event("First", "2024-01-01T00:00:00Z")}<string key=\"concept:name\" value=\"c\"/>{Event("Second", "2024-01-01T00:00:00Z")}{Event("Third", "2024-01-01T00:00:00Z")}</trace>");

        // When it is imported
        var log = Import(xml).Log;

        // Then ties keep the order of the file
        Enumerable.Range(0, 3).Select(e => log.ActivityNames[log.Activities[e]]).ShouldBe(["First", "Second", "Third"]);
    }

    [Fact]
    public void Import_TracesSharingName_MergedWithWarning()
    {
        // Given two traces with the same concept:name
        var trace = $"<trace><string key=\"concept:name\" value=\"same\"/>{Event("A", "2024-01-01T00:00:00Z")}</trace>";

        // When imported
        var result = Import(Log(trace + trace));

        // Then their events form one case and a warning says so
        result.Log.CaseCount.ShouldBe(1);
        result.Log.EventCount.ShouldBe(2);
        result.Warnings.ShouldContain(w => w.Contains("merged", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_TraceWithoutName_GetsGeneratedIdAndWarning()
    {
        // Given a named trace followed by a trace without concept:name
        var xml = Log($"<trace><string key=\"concept:name\" value=\"a\"/>{Event("A", "2024-01-01T00:00:00Z")}</trace><trace>{Event("A", "2024-01-01T00:00:00Z")}</trace>");

        // When it is imported
        var result = Import(xml);

        // Then the second case is trace-2 and a warning says so
        result.Log.CaseIds.ShouldBe(["a", "trace-2"]);
        result.Warnings.ShouldContain(w => w.Contains("trace-<n>", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_GlobalDefaults_FillMissingKeysButNeverNameOrTime()
    {
        // Given globals for resource, a custom key, a trace key, and (ignored) activity and timestamp
        var xml = Log($"""
            <global scope="trace"><string key="segment" value="retail"/><string key="concept:name" value="UNKNOWN"/></global>
            <global scope="event"><string key="org:resource" value="nobody"/><int key="cost" value="7"/>
              <string key="concept:name" value="UNKNOWN"/><date key="time:timestamp" value="1970-01-01T00:00:00Z"/></global>
            <trace><string key="concept:name" value="c"/>
              {Event("A", "2024-01-01T00:00:00Z", "<string key=\"org:resource\" value=\"Ann\"/>")}
              {Event("B", "2024-01-02T00:00:00Z", "<int key=\"cost\" value=\"3\"/>")}
              <event><date key="time:timestamp" value="2024-01-03T00:00:00Z"/></event>
              <event><string key="concept:name" value="C"/></event>
            </trace>
            """);

        // When it is imported leniently
        var result = Import(xml);
        var log = result.Log;

        // Then missing keys get the defaults, present keys keep their values, and name/time defaults are not applied
        log.EventCount.ShouldBe(2);
        log.Resource!.GetString(0).ShouldBe("Ann");
        log.Resource!.GetString(1).ShouldBe("nobody");
        log.FindEventAttribute("cost")!.GetValue(0)!.Value.AsLong().ShouldBe(7);
        log.FindEventAttribute("cost")!.GetValue(1)!.Value.AsLong().ShouldBe(3);
        log.FindCaseAttribute("segment")!.GetValue(0)!.Value.AsString().ShouldBe("retail");
        result.Quarantine.Select(q => q.Field).ShouldBe(["concept:name", "time:timestamp"]);
    }

    [Fact]
    public void Import_NestedAttribute_KeptAsJsonTextWithWarning()
    {
        // Given an event attribute with children and a list
        var extra = """
            <float key="score" value="2.1"><float key="a" value="1"/><string key="b" value="x"/></float>
            <list key="tags"><values><string key="tag" value="red"/><string key="tag" value="blue"/></values></list>
            """;
        var xml = Log($"<trace><string key=\"concept:name\" value=\"c\"/>{Event("A", "2024-01-01T00:00:00Z", extra)}</trace>");

        // When it is imported
        var result = Import(xml);

        // Then both are kept as text holding the children, and each is reported once
        var score = result.Log.FindEventAttribute("score")!.GetValue(0)!.Value.AsString();
        score.ShouldBe("""{"type":"float","value":"2.1","children":[{"key":"a","type":"float","value":"1"},{"key":"b","type":"string","value":"x"}]}""");
        var tags = result.Log.FindEventAttribute("tags")!.GetValue(0)!.Value.AsString();
        tags.ShouldBe("""{"type":"list","children":[{"key":"tag","type":"string","value":"red"},{"key":"tag","type":"string","value":"blue"}]}""");
        result.Warnings.ShouldContain("nested attribute 'score' kept as text (JSON of its value and children)");
        result.Warnings.ShouldContain("nested attribute 'tags' kept as text (JSON of its value and children)");
    }

    [Fact]
    public void Import_LogLevelAttributes_Reported()
    {
        // Given log-level attributes (the event log has nowhere to keep them)
        var xml = Log($"<string key=\"creator\" value=\"x\"/><trace><string key=\"concept:name\" value=\"c\"/>{Event("A", "2024-01-01T00:00:00Z")}</trace>");

        // When it is imported / Then a warning names them
        Import(xml).Warnings.ShouldContain(w => w.Contains("creator", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_MixedTypesForOneKey_ColumnWidened()
    {
        // Given a key written as int, then float, then int; and another as int, then string
        var xml = Log($"""
            <trace><string key="concept:name" value="c"/>
            {Event("A", "2024-01-01T00:00:00Z", "<int key=\"cost\" value=\"1\"/><int key=\"code\" value=\"7\"/>")}
            {Event("B", "2024-01-02T00:00:00Z", "<float key=\"cost\" value=\"2.5\"/><string key=\"code\" value=\"X9\"/>")}
            {Event("C", "2024-01-03T00:00:00Z", "<int key=\"cost\" value=\"3\"/><int key=\"code\" value=\"8\"/>")}
            </trace>
            """);

        // When it is imported
        var log = Import(xml).Log;

        // Then int and float make a double column, int and string a string column, with every value kept
        var cost = (DoubleColumn)log.FindEventAttribute("cost")!;
        cost.Values.ToArray().ShouldBe([1.0, 2.5, 3.0]);
        var code = (StringColumn)log.FindEventAttribute("code")!;
        Enumerable.Range(0, 3).Select(code.GetString).ShouldBe(["7", "X9", "8"]);
    }

    [Fact]
    public void Import_UnparsableInt_KeptAsTextWithWarning()
    {
        // Given an int attribute whose value is not a number
        var xml = Log($"<trace><string key=\"concept:name\" value=\"c\"/>{Event("A", "2024-01-01T00:00:00Z", "<int key=\"n\" value=\"abc\"/>")}</trace>");

        // When it is imported
        var result = Import(xml);

        // Then the value is kept as text and reported
        result.Log.FindEventAttribute("n")!.GetValue(0)!.Value.AsString().ShouldBe("abc");
        result.Warnings.ShouldContain(w => w.Contains("'n'", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_GzipWithoutGzExtension_DetectedByMagicBytes()
    {
        // Given gzip-compressed XES in a stream named .xes
        var xml = Log($"<trace><string key=\"concept:name\" value=\"c\"/>{Event("A", "2024-01-01T00:00:00Z")}</trace>");
        var bytes = Gzip(System.Text.Encoding.UTF8.GetBytes(xml));

        // When it is imported
        var result = XesImporter.Import(new MemoryStream(bytes), "plain-name.xes", null, TestContext.Current.CancellationToken);

        // Then it is read
        result.Log.EventCount.ShouldBe(1);
    }

    [Fact]
    public void Import_Path_ReportsProgressAndLeavesNoLock()
    {
        // Given a gzip file of some size
        var path = Path.Combine(Path.GetTempPath(), $"xes-progress-{Guid.NewGuid():N}.xes.gz");
        var body = string.Concat(Enumerable.Range(0, 6000).Select(i =>
            $"<trace><string key=\"concept:name\" value=\"c{i}\"/>{Event($"A{i % 7}", "2024-01-01T00:00:00Z", $"<string key=\"noise\" value=\"{Guid.NewGuid()}\"/>")}</trace>"));
        File.WriteAllBytes(path, Gzip(System.Text.Encoding.UTF8.GetBytes(Log(body))));
        var reports = new List<ImportProgress>();
        try
        {
            // When it is imported with a progress sink
            var result = XesImporter.Import(path, new ImportOptions { Progress = new SyncProgress(reports.Add) }, TestContext.Current.CancellationToken);

            // Then progress arrives with byte counts of the compressed file, ending at its size
            result.RecordsRead.ShouldBe(6000);
            reports.Count.ShouldBeGreaterThan(1);
            reports[^1].BytesRead.ShouldBe(new FileInfo(path).Length);
            reports[^1].TotalBytes.ShouldBe(new FileInfo(path).Length);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private sealed class SyncProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
