using System.Text.Json;
using Journeyscope.EventLogs;
using Journeyscope.TestSupport;
using Microsoft.Data.Sqlite;

namespace Journeyscope.IO.Tests.Ocel;

public sealed class OcelImporterTests
{
    private static string Example(string extension) => SharedData.Path("logs/ocel20_example." + extension);

    [Theory]
    [InlineData("jsonocel", "ocel-json")]
    [InlineData("xmlocel", "ocel-xml")]
    [InlineData("sqlite", "ocel-sqlite")]
    public void Import_Ocel20ExampleFlavour_MatchesIndependentCounts(string extension, string format)
    {
        // Given the counts of the example taken independently from its JSON and SQLite forms
        using var json = JsonDocument.Parse(File.ReadAllText(Example("jsonocel")));
        var root = json.RootElement;
        var events = root.GetProperty("events").GetArrayLength();
        var objects = root.GetProperty("objects").GetArrayLength();
        var e2o = root.GetProperty("events").EnumerateArray().Sum(e => e.GetProperty("relationships").GetArrayLength());
        var o2o = root.GetProperty("objects").EnumerateArray()
            .Sum(o => o.TryGetProperty("relationships", out var r) ? r.GetArrayLength() : 0);
        SqlCount("event").ShouldBe(events);
        SqlCount("event_object").ShouldBe(e2o);
        SqlCount("object_object").ShouldBe(o2o);

        // When the flavour is imported
        var result = Import(Example(extension));

        // Then it holds every event, object and relation
        result.Format.ShouldBe(format);
        result.RecordsRead.ShouldBe(events);
        result.RecordsImported.ShouldBe(events);
        var data = result.Objects.ShouldNotBeNull();
        data.Events.Count.ShouldBe(events);
        data.Objects.Count.ShouldBe(objects);
        data.EventObjects.Count.ShouldBe(e2o);
        data.ObjectObjects.Count.ShouldBe(o2o);
        data.Objects.Select(o => o.Type).Distinct().Order(StringComparer.Ordinal)
            .ShouldBe(["Invoice", "Payment", "Purchase Order", "Purchase Requisition"]);
    }

    [Fact]
    public void Import_AllFlavours_SameRelationsAndAttributes()
    {
        // Given the three flavours of one log
        var flavours = new[] { "jsonocel", "xmlocel", "sqlite" }.Select(x => Import(Example(x)).Objects!).ToArray();

        // When their content is compared, Then events, relations and event attributes agree
        foreach (var data in flavours.Skip(1))
        {
            Keys(data.EventObjects.Select(r => $"{r.EventId}>{r.ObjectId}:{r.Qualifier}")).ShouldBe(Keys(flavours[0].EventObjects.Select(r => $"{r.EventId}>{r.ObjectId}:{r.Qualifier}")));
            Keys(data.ObjectObjects.Select(r => $"{r.SourceId}>{r.TargetId}:{r.Qualifier}")).ShouldBe(Keys(flavours[0].ObjectObjects.Select(r => $"{r.SourceId}>{r.TargetId}:{r.Qualifier}")));
            Keys(data.Events.Select(e => $"{e.Id}:{e.Type}:" + string.Join(",", e.Attributes.Select(a => $"{a.Name}={a.Value}")))).ShouldBe(
                Keys(flavours[0].Events.Select(e => $"{e.Id}:{e.Type}:" + string.Join(",", e.Attributes.Select(a => $"{a.Name}={a.Value}")))));
            data.Objects.Sum(o => o.Attributes.Count).ShouldBe(flavours[0].Objects.Sum(o => o.Attributes.Count));
        }
    }

    [Theory]
    [InlineData("jsonocel")]
    [InlineData("xmlocel")]
    [InlineData("sqlite")]
    public void Import_CaseObjectTypeChosen_FlattensOnThatType(string extension)
    {
        // Given the objects of type Purchase Order and their event relations, counted independently
        using var json = JsonDocument.Parse(File.ReadAllText(Example("jsonocel")));
        var orders = json.RootElement.GetProperty("objects").EnumerateArray()
            .Where(o => o.GetProperty("type").GetString() == "Purchase Order").Select(o => o.GetProperty("id").GetString()).ToHashSet();
        var pairs = json.RootElement.GetProperty("events").EnumerateArray()
            .SelectMany(e => e.GetProperty("relationships").EnumerateArray()
                .Select(r => (Event: e.GetProperty("id").GetString(), Object: r.GetProperty("objectId").GetString())))
            .Where(p => orders.Contains(p.Object)).Distinct().ToList();

        // When flattened on Purchase Order
        var result = Import(Example(extension), new OcelImportOptions { CaseObjectType = "Purchase Order" });

        // Then one case per order with events, one event per relation, each keeping its OCEL event id
        result.Log.CaseCount.ShouldBe(pairs.Select(p => p.Object).Distinct().Count());
        result.Log.EventCount.ShouldBe(pairs.Count);
        result.Log.CaseIds.ShouldAllBe(id => orders.Contains(id));
        var eventIds = (StringColumn)result.Log.FindEventAttribute("event_id")!;
        Enumerable.Range(0, result.Log.EventCount).Select(eventIds.GetString).Order(StringComparer.Ordinal)
            .ShouldBe(pairs.Select(p => p.Event).Order(StringComparer.Ordinal));
        result.Log.FindCaseAttribute("po_product").ShouldNotBeNull();
    }

    [Fact]
    public void Import_NoCaseObjectType_ChoosesTypeWithMostEventsAndWarns()
    {
        // Given the example, When imported without a case notion
        var result = Import(Example("jsonocel"));

        // Then the most related type is chosen and the warning names the others
        var data = result.Objects!;
        var typeOf = data.Objects.ToDictionary(o => o.Id, o => o.Type);
        var best = data.EventObjects.Select(r => (r.EventId, Type: typeOf[r.ObjectId])).Distinct()
            .GroupBy(p => p.Type).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First();
        result.Warnings.ShouldContain(w => w.Contains($"'{best.Key}'", StringComparison.Ordinal) && w.Contains("Other object types", StringComparison.Ordinal));
        result.Log.CaseIds.ShouldAllBe(id => typeOf[id] == best.Key);
    }

    [Fact]
    public void Import_RecruitingRedOcel1Json_ImportsEveryEvent()
    {
        // Given an OCEL 1.0 JSON log of about 1 MB
        var path = SharedData.Path("logs/recruiting-red.jsonocel");
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var events = json.RootElement.GetProperty("ocel:events").EnumerateObject().ToList();
        var relations = events.Sum(e => e.Value.GetProperty("ocel:omap").GetArrayLength());

        // When imported
        var result = Import(path, new OcelImportOptions { CaseObjectType = "applications" });

        // Then every event and relation is there
        result.RecordsRead.ShouldBe(events.Count);
        result.Quarantine.ShouldBeEmpty();
        result.Objects!.Events.Count.ShouldBe(events.Count);
        result.Objects.EventObjects.Count.ShouldBe(relations);
        result.Log.CaseCount.ShouldBeGreaterThan(0);
        result.Warnings.ShouldContain(w => w.Contains("OCEL 1.0", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_UnknownCaseObjectType_ThrowsListingAvailableTypes()
    {
        // Given the example, When flattened on a type it does not have
        var error = Should.Throw<ImportException>(() =>
            Import(Example("jsonocel"), new OcelImportOptions { CaseObjectType = "Customer" }));

        // Then the error names the type and lists the available ones
        error.Message.ShouldContain("'Customer'");
        error.Message.ShouldContain("Invoice, Payment, Purchase Order, Purchase Requisition");
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   \n", "white space")]
    [InlineData("[1, 2, 3]", "top level is not a JSON object")]
    [InlineData("{\"name\": \"x\"}", "not an OCEL JSON file")]
    [InlineData("hello", "not an OCEL file")]
    [InlineData("{\"events\": [{\"id\": \"e1\", \"type\": \"A\", \"time\": \"2024-01-01T00:00:00Z\"}, {\"id\": \"e2\"", "truncated")]
    [InlineData("{\"events\": [}", "invalid")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE log [<!ENTITY x \"y\">]><log>&x;</log>", "DTD")]
    [InlineData("<other/>", "root element is not <log>")]
    public void Import_BadFile_ThrowsImportExceptionWithReason(string content, string reason)
    {
        // Given a bad file
        using var temp = new TempFiles();
        var path = temp.Write("bad.jsonocel", content);

        // When imported, Then a clear ImportException names the file and the reason
        var error = Should.Throw<ImportException>(() => Import(path));
        error.Message.ShouldContain("bad.jsonocel");
        error.Message.ShouldContain(reason, Case.Insensitive);
    }

    [Fact]
    public void Import_JsonWithByteOrderMark_Imports()
    {
        // Given the example saved with a UTF-8 byte order mark
        using var temp = new TempFiles();
        var path = temp.Path("bom.jsonocel");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. File.ReadAllBytes(Example("jsonocel"))]);

        // When imported, Then all events are read
        Import(path).RecordsImported.ShouldBe(13);
    }

    [Fact]
    public void Import_TruncatedExample_ThrowsImportException()
    {
        // Given the example cut in the middle
        using var temp = new TempFiles();
        var text = File.ReadAllText(Example("jsonocel"));
        var path = temp.Write("cut.jsonocel", text[..(text.Length / 2)]);

        // When imported, Then it fails clearly
        Should.Throw<ImportException>(() => Import(path)).Message.ShouldContain("truncated");
    }

    [Fact]
    public void Import_SqliteMissingTable_ThrowsNamingTheTable()
    {
        // Given a copy of the SQLite example without its object_object table
        using var temp = new TempFiles();
        var path = temp.Path("missing.sqlite");
        File.Copy(Example("sqlite"), path);
        File.SetAttributes(path, FileAttributes.Normal);
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "DROP TABLE object_object";
            command.ExecuteNonQuery();
        }

        // When imported, Then the missing table is named
        var error = Should.Throw<ImportException>(() => Import(path));
        error.Field.ShouldBe("object_object");
        error.Message.ShouldContain("missing");
    }

    [Fact]
    public void Import_BadEventsAndUnknownObjects_QuarantinesAndWarns()
    {
        // Given events without time or type, a duplicate id, and a relation to an unknown object
        using var temp = new TempFiles();
        var path = temp.Write("bad-events.jsonocel", """
            {"objectTypes": [{"name": "order", "attributes": []}], "eventTypes": [],
             "objects": [{"id": "o1", "type": "order"}],
             "events": [
               {"id": "e1", "type": "pay", "time": "2024-01-01T10:00:00+01:00", "relationships": [{"objectId": "o1", "qualifier": "q"}, {"objectId": "ghost", "qualifier": "q"}]},
               {"id": "e2", "type": "pay", "relationships": [{"objectId": "o1", "qualifier": "q"}]},
               {"id": "e3", "time": "2024-01-01T11:00:00Z"},
               {"id": "e4", "type": "pay", "time": "yesterday"},
               {"id": "e1", "type": "pay", "time": "2024-01-01T12:00:00Z"}
             ]}
            """);

        // When imported leniently
        var result = Import(path, new OcelImportOptions { CaseObjectType = "order" });

        // Then the four bad events are quarantined with reasons, the relation to 'ghost' is dropped and counted
        result.RecordsRead.ShouldBe(5);
        result.Quarantine.Count.ShouldBe(4);
        result.RecordsImported.ShouldBe(1);
        result.Quarantine.Select(q => q.Field).ShouldBe(["time", "type", "time", "id"]);
        result.Objects!.EventObjects.Count.ShouldBe(1);
        result.Warnings.ShouldContain(w => w.StartsWith("1 event-to-object relations name an unknown object", StringComparison.Ordinal));
        result.Log.EventCount.ShouldBe(1);
        result.Log.GetTimestamp(0).ShouldBe(new DateTimeOffset(2024, 1, 1, 10, 0, 0, TimeSpan.FromHours(1)));

        // And strict mode stops at the first bad event
        Should.Throw<ImportException>(() => Import(path, options: new ImportOptions { Mode = ImportMode.Strict }))
            .Field.ShouldBe("time");
    }

    [Fact]
    public void Import_ElementLargerThanBuffer_IsReadWhole()
    {
        // Given an event whose attribute alone is bigger than the reader's 64 KiB buffer
        using var temp = new TempFiles();
        var big = new string('x', 300_000);
        var path = temp.Write("big.jsonocel", $$"""
            {"objects": [{"id": "o1", "type": "t"}],
             "events": [{"id": "e1", "type": "a", "time": "2024-01-01T00:00:00Z", "attributes": [{"name": "blob", "value": "{{big}}"}],
                         "relationships": [{"objectId": "o1", "qualifier": ""}]}]}
            """);

        // When imported, Then the value arrives intact
        var result = Import(path);
        result.Objects!.Events.Single().Attributes.Single().Value.AsString().ShouldBe(big);

        // And a limit below the element's size is a clear error
        Should.Throw<ImportException>(() => Import(path, options: new ImportOptions { MaxRecordLength = 100_000 }))
            .Message.ShouldContain("MaxRecordLength");
    }

    [Fact]
    public void Import_DeclaredTypes_ConvertValues()
    {
        // Given declared attribute types and values written as text or JSON numbers
        using var temp = new TempFiles();
        var path = temp.Write("typed.jsonocel", """
            {"objectTypes": [{"name": "o", "attributes": [{"name": "size", "type": "integer"}]}],
             "eventTypes": [{"name": "a", "attributes": [{"name": "n", "type": "integer"}, {"name": "x", "type": "float"}, {"name": "ok", "type": "boolean"}, {"name": "at", "type": "time"}]}],
             "objects": [{"id": "o1", "type": "o", "attributes": [{"name": "size", "time": "1970-01-01T00:00:00Z", "value": "3"}, {"name": "size", "time": "2024-01-02T00:00:00Z", "value": 4}]}],
             "events": [{"id": "e1", "type": "a", "time": "2024-01-01T00:00:00Z",
                         "attributes": [{"name": "n", "value": "42"}, {"name": "x", "value": 1}, {"name": "ok", "value": "true"}, {"name": "at", "value": "2024-05-01T08:00:00-04:00"}],
                         "relationships": [{"objectId": "o1", "qualifier": "q"}]}]}
            """);

        // When imported
        var result = Import(path);

        // Then values have their declared types, and the latest object value is the case attribute
        var attributes = result.Objects!.Events[0].Attributes;
        attributes[0].Value.ShouldBe(AttributeValue.FromLong(42));
        attributes[1].Value.ShouldBe(AttributeValue.FromDouble(1.0));
        attributes[2].Value.ShouldBe(AttributeValue.FromBoolean(true));
        attributes[3].Value.ShouldBe(AttributeValue.FromTimestamp(new DateTimeOffset(2024, 5, 1, 8, 0, 0, TimeSpan.FromHours(-4))));
        result.Objects.Objects[0].Attributes[0].Time.ShouldBeNull();
        result.Log.FindCaseAttribute("size")!.GetValue(0).ShouldBe(AttributeValue.FromLong(4));
    }

    private static ImportResult Import(string path, OcelImportOptions? ocel = null, ImportOptions? options = null) =>
        OcelImporter.Import(path, ocel, options, TestContext.Current.CancellationToken);

    private static string[] Keys(IEnumerable<string> keys) => keys.Order(StringComparer.Ordinal).ToArray();

    private static long SqlCount(string table)
    {
        using var connection = new SqliteConnection($"Data Source={Example("sqlite")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }
}
