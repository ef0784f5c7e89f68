using DuckDB.NET.Data;
using Journeyscope.EventLogs;
using Journeyscope.IO;

namespace Journeyscope.Storage.Tests;

/// <summary>An event's identity keeps every real event (identical ones too) and still makes re-imports add nothing.</summary>
public sealed class EventIdentityTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static long T(int minute) => new DateTime(2024, 3, 1, 10, 0, 0, DateTimeKind.Utc).AddMinutes(minute).Ticks;

    private static ImportResult Result(EventLog log) => new(log, "csv", log.EventCount, [], []);

    /// <summary>Case a: three identical "scan" events, one "pack"; case b: one "scan" like a's (another case).</summary>
    private static EventLog Repeats(int scans = 3)
    {
        var builder = new EventLogBuilder();
        for (var i = 0; i < scans; i++)
        {
            builder.AddEvent("a", "scan", T(1));
        }

        builder.AddEvent("a", "pack", T(2));
        builder.AddEvent("b", "scan", T(1));
        return builder.Build();
    }

    [Fact]
    public async Task Append_IdenticalEventsInOneCase_KeepsEveryOne()
    {
        // Given
        using var temp = new TempFolder();
        using var workspace = Workspace.Open(temp.Path);
        var log = Repeats();

        // When
        var summary = await workspace.AppendAsync(Result(log), "repeats.csv", Ct);

        // Then
        summary.EventsAdded.ShouldBe(5);
        summary.DuplicatesSkipped.ShouldBe(0);
        workspace.LoadEventLog(Ct).ShouldEqualLog(log);
        workspace.GetInfo().EventCount.ShouldBe(5);
    }

    [Fact]
    public async Task Append_SameFileWithIdenticalEventsTwice_AddsNothing()
    {
        // Given
        using var temp = new TempFolder();
        using var workspace = Workspace.Open(temp.Path);
        var log = Repeats();
        await workspace.AppendAsync(Result(log), "repeats.csv", Ct);

        // When
        var again = await workspace.AppendAsync(Result(log), "repeats-copy.csv", Ct);

        // Then
        again.EventsAdded.ShouldBe(0);
        again.DuplicatesSkipped.ShouldBe(5);
        workspace.Version.ShouldBe(1);
        workspace.LoadEventLog(Ct).ShouldEqualLog(log);
    }

    [Fact]
    public async Task Append_OverlappingExportWithMoreRepeats_AddsOnlyTheMissingOccurrences()
    {
        // Given two scans stored, then an export of the same system holding three of them and a new event
        using var temp = new TempFolder();
        using var workspace = Workspace.Open(temp.Path);
        await workspace.AppendAsync(Result(Repeats(scans: 2)), "monday.csv", Ct);
        var builder = new EventLogBuilder();
        builder.AddEvent("a", "scan", T(1));
        builder.AddEvent("a", "scan", T(1));
        builder.AddEvent("a", "scan", T(1));
        builder.AddEvent("a", "ship", T(3));

        // When
        var summary = await workspace.AppendAsync(Result(builder.Build()), "tuesday.csv", Ct);

        // Then the union: three scans (the most either export holds), pack, ship, and b's scan
        summary.EventsAdded.ShouldBe(2);
        summary.DuplicatesSkipped.ShouldBe(2);
        workspace.LoadEventLog(Ct).ShouldEqualLog(Union());
    }

    [Fact]
    public async Task Append_GivenIdInTwoCases_KeepsBothAndDropsItsRepeatInACase()
    {
        // Given one OCEL event flattened into two cases (its id in both), and a re-sent copy in case a
        using var temp = new TempFolder();
        using var workspace = Workspace.Open(temp.Path);
        var builder = new EventLogBuilder();
        var ids = new[] { builder.AddEvent("a", "load", T(1)), builder.AddEvent("b", "load", T(1)), builder.AddEvent("a", "load", T(1)) };
        foreach (var e in ids)
        {
            builder.SetEventAttribute(e, "event_id", AttributeValue.FromString("E1"));
        }

        // When
        var summary = await workspace.AppendAsync(Result(builder.Build()), "flattened.csv", Ct);
        var again = await workspace.AppendAsync(Result(builder.Build()), "flattened.csv", Ct);

        // Then
        summary.EventsAdded.ShouldBe(2);
        summary.DuplicatesSkipped.ShouldBe(1);
        again.EventsAdded.ShouldBe(0);
        workspace.LoadEventLog(Ct).CaseIds.ShouldBe(["a", "b"]);
    }

    [Fact]
    public async Task Open_Schema1Workspace_MigratesWithoutReKeyingAndReimportRestoresMergedEvents()
    {
        // Given a schema 1 workspace: what the old store kept of the log (one event per content and case)
        using var temp = new TempFolder();
        var log = Repeats();
        using (var workspace = Workspace.Open(temp.Path))
        {
            await workspace.AppendAsync(Result(log), "repeats.csv", Ct);
        }

        Sql(temp.Path, "DELETE FROM events WHERE event_id LIKE '%#%'", "UPDATE meta SET value = '1' WHERE key = 'schema_version'");
        var idsBefore = Sql(temp.Path, "SELECT case_id || ' ' || event_id FROM events ORDER BY seq");

        // When
        int? migratedFrom;
        using (var migrated = Workspace.Open(temp.Path, create: false))
        {
            migratedFrom = migrated.MigratedFromSchema;
        }

        var idsAfter = Sql(temp.Path, "SELECT case_id || ' ' || event_id FROM events ORDER BY seq");
        var schema = Sql(temp.Path, "SELECT value FROM meta WHERE key = 'schema_version'");
        using var reopened = Workspace.Open(temp.Path, create: false);
        var reimport = await reopened.AppendAsync(Result(log), "repeats.csv", Ct);

        // Then no stored id changed, and importing the file again adds exactly the merged repeats
        migratedFrom.ShouldBe(1);
        reopened.MigratedFromSchema.ShouldBeNull();
        idsBefore.Count.ShouldBe(3);
        idsAfter.ShouldBe(idsBefore);
        schema.ShouldBe(["3"]);
        reimport.EventsAdded.ShouldBe(2);
        reopened.LoadEventLog(Ct).ShouldEqualLog(log);
    }

    [Fact]
    public void Open_NewerSchema_IsRefusedWithAClearMessage()
    {
        // Given
        using var temp = new TempFolder();
        Workspace.Open(temp.Path).Dispose();
        Sql(temp.Path, "UPDATE meta SET value = '9' WHERE key = 'schema_version'");

        // When
        var error = Should.Throw<WorkspaceException>(() => Workspace.Open(temp.Path, create: false));

        // Then
        error.Message.ShouldContain("schema version 9");
        error.Message.ShouldContain(Path.Combine(temp.Path, "journeyscope.duckdb"));
        Sql(temp.Path, "SELECT value FROM meta WHERE key = 'schema_version'").ShouldBe(["9"]);
    }

    /// <summary>What the two overlapping exports hold together, in the order the store loads it.</summary>
    private static EventLog Union()
    {
        var builder = new EventLogBuilder();
        builder.AddEvent("a", "scan", T(1));
        builder.AddEvent("a", "scan", T(1));
        builder.AddEvent("a", "scan", T(1));
        builder.AddEvent("a", "pack", T(2));
        builder.AddEvent("a", "ship", T(3));
        builder.AddEvent("b", "scan", T(1));
        return builder.Build();
    }

    /// <summary>Runs SQL on a closed workspace's database directly (to fake an old or foreign database); returns the first column.</summary>
    private static List<string> Sql(string folder, params string[] statements)
    {
        using var connection = new DuckDBConnection("Data Source=" + Path.Combine(folder, "journeyscope.duckdb"));
        connection.Open();
        var rows = new List<string>();
        foreach (var statement in statements)
        {
            using var command = connection.CreateCommand();
            command.CommandText = statement;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rows.Add(reader.GetValue(0)?.ToString() ?? string.Empty);
            }
        }

        return rows;
    }
}
