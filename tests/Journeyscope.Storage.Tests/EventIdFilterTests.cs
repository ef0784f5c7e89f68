using DuckDB.NET.Data;
using Journeyscope.EventLogs;
using Journeyscope.IO;

namespace Journeyscope.Storage.Tests;

/// <summary>
/// The in-memory filter of stored (case, event id) hashes only spares the exact duplicate check: a hash it holds never
/// refuses an event that is not stored, and rows it never saw are still refused.
/// </summary>
public sealed class EventIdFilterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static long T(int minute) => new DateTime(2024, 3, 1, 10, 0, 0, DateTimeKind.Utc).AddMinutes(minute).Ticks;

    /// <summary>One event per (case, given id).</summary>
    internal static ImportResult Events(params (string Case, string Id)[] events)
    {
        var builder = new EventLogBuilder();
        for (var i = 0; i < events.Length; i++)
        {
            var e = builder.AddEvent(events[i].Case, "step", T(i));
            builder.SetEventAttribute(e, "event_id", AttributeValue.FromString(events[i].Id));
        }

        var log = builder.Build();
        return new ImportResult(log, "csv", log.EventCount, [], []);
    }

    /// <summary>DuckDB's <c>hash(case_id, event_id)</c> of a pair, as the filter holds it.</summary>
    private static ulong HashOf(string caseId, string eventId)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT hash($c, $e)";
        command.Parameters.Add(new DuckDBParameter("c", caseId));
        command.Parameters.Add(new DuckDBParameter("e", eventId));
        return (ulong)command.ExecuteScalar()!;
    }

    [Fact]
    public async Task Append_PairWhoseHashTheFilterHolds_IsStillAdded()
    {
        // Given a workspace whose filter is loaded and holds the hash of a pair that is not stored (a false positive)
        using var temp = new TempFolder();
        using var workspace = Workspace.Open(temp.Path);
        await workspace.AppendAsync(Events(("a", "E1")), "one.csv", Ct);
        await workspace.AppendAsync(Events(("b", "E2")), "two.csv", Ct);
        var filter = workspace.Shared.EventIds.Loaded.ShouldNotBeNull();
        filter.ShouldContain(HashOf("a", "E1"));
        filter.ShouldContain(HashOf("b", "E2"));
        filter.Add(HashOf("c", "E3"));

        // When that pair is appended with a stored one
        var summary = await workspace.AppendAsync(Events(("c", "E3"), ("a", "E1")), "three.csv", Ct);

        // Then only the stored one is refused
        summary.EventsAdded.ShouldBe(1);
        summary.DuplicatesSkipped.ShouldBe(1);
        workspace.GetInfo().EventCount.ShouldBe(3);
    }

    [Fact]
    public async Task Append_AfterErasingACustomer_OthersAreAddedAndTheCustomerStaysRefused()
    {
        // Given a loaded filter holding the hashes of a customer, who is then erased (stale hashes)
        using var temp = new TempFolder();
        using var workspace = Workspace.Open(temp.Path);
        await workspace.AppendAsync(Events(("a", "E1"), ("b", "E2")), "one.csv", Ct);
        await workspace.AppendAsync(Events(("b", "E3")), "two.csv", Ct);
        workspace.DeleteCustomer("a", dryRun: false, Ct);

        // When the same file comes again with a new event of another customer
        var summary = await workspace.AppendAsync(Events(("a", "E1"), ("b", "E2"), ("b", "E4")), "three.csv", Ct);

        // Then the erased customer is refused by the suppression list, the stored event as a duplicate, the new one added
        summary.EventsAdded.ShouldBe(1);
        summary.DuplicatesSkipped.ShouldBe(1);
        summary.RecordsQuarantined.ShouldBe(1);
        workspace.LoadEventLog(Ct).EventCount.ShouldBe(3);
    }

    [Fact]
    public async Task Append_PairsDeletedWhileTheFileWasClosed_AreAcceptedAgain()
    {
        // Given a workspace whose filter was loaded, then rows deleted by another connection while no instance was open
        using var temp = new TempFolder();
        using (var workspace = Workspace.Open(temp.Path))
        {
            await workspace.AppendAsync(Events(("a", "E1"), ("b", "E2")), "one.csv", Ct);
            await workspace.AppendAsync(Events(("b", "E3")), "two.csv", Ct);
        }

        Rewrite(temp.Path, "DELETE FROM events WHERE case_id = 'a'");

        // When the same file is appended again
        using var reopened = Workspace.Open(temp.Path);
        var summary = await reopened.AppendAsync(Events(("a", "E1"), ("b", "E2")), "one-again.csv", Ct);

        // Then the deleted event comes back and the stored one is refused
        summary.EventsAdded.ShouldBe(1);
        summary.DuplicatesSkipped.ShouldBe(1);
    }

    [Fact]
    public async Task Append_PairsWrittenWhileTheFileWasClosed_AreRefusedAfterReopening()
    {
        // Given a loaded filter, then a row written by another connection (another process) while no instance was open
        using var temp = new TempFolder();
        using (var workspace = Workspace.Open(temp.Path))
        {
            await workspace.AppendAsync(Events(("a", "E1")), "one.csv", Ct);
            await workspace.AppendAsync(Events(("b", "E2")), "two.csv", Ct);
            workspace.Shared.EventIds.Loaded.ShouldNotBeNull();
        }

        Rewrite(temp.Path,
            "INSERT INTO events SELECT * REPLACE ('c' AS case_id, 'E3' AS event_id, seq + 10 AS seq) FROM events WHERE event_id = 'E2'");

        // When that pair is appended after reopening
        using var reopened = Workspace.Open(temp.Path);
        var summary = await reopened.AppendAsync(Events(("c", "E3")), "three.csv", Ct);

        // Then it is refused as already stored
        summary.EventsAdded.ShouldBe(0);
        summary.DuplicatesSkipped.ShouldBe(1);
    }

    [Fact]
    public async Task Append_SameFileAfterRestart_CountsEveryEventAsDuplicate()
    {
        // Given a file appended, then the workspace closed and opened again
        using var temp = new TempFolder();
        var file = Events(("a", "E1"), ("a", "E2"), ("b", "E3"));
        using (var workspace = Workspace.Open(temp.Path))
        {
            await workspace.AppendAsync(file, "one.csv", Ct);
            await workspace.AppendAsync(Events(("c", "E4")), "two.csv", Ct);
        }

        // When the first file is appended again, twice (the second time through the filter loaded by the first)
        using var reopened = Workspace.Open(temp.Path);
        var again = await reopened.AppendAsync(file, "one-again.csv", Ct);
        var third = await reopened.AppendAsync(file, "one-third.csv", Ct);

        // Then nothing is added
        again.EventsAdded.ShouldBe(0);
        again.DuplicatesSkipped.ShouldBe(3);
        third.EventsAdded.ShouldBe(0);
        third.DuplicatesSkipped.ShouldBe(3);
        reopened.GetInfo().EventCount.ShouldBe(4);
    }

    internal static void Rewrite(string folder, string sql)
    {
        using var connection = new DuckDBConnection("DataSource=" + Path.Combine(folder, StoreSchema.DatabaseFileName));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery().ShouldBeGreaterThan(0);
    }
}
