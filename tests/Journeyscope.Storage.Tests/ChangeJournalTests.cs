using DuckDB.NET.Data;
using Journeyscope.EventLogs;
using Journeyscope.Identity;
using Journeyscope.IO;

namespace Journeyscope.Storage.Tests;

/// <summary>
/// The change journal persisted with each commit: after a restart (the database opened by a fresh process state: a copy of
/// the closed workspace's folder) a reader at an old version gets exactly the changed cases, or an unknown change.
/// </summary>
public sealed class ChangeJournalTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadChangesSince_AfterRestart_NamesTheCasesOfEarlierCommits()
    {
        // Given three appends committed and the workspace closed
        using var temp = new TempFolder();
        using var restarted = new TempFolder();
        using (var workspace = Workspace.Open(temp.Path))
        {
            await workspace.AppendAsync(Result(("a", "Browse", 1), ("b", "Browse", 2)), "1.csv", Ct);
            await workspace.AppendAsync(Result(("b", "Buy", 3), ("c", "Browse", 4)), "2.csv", Ct);
            await workspace.AppendAsync(Result(("d", "Browse", 5)), "3.csv", Ct);
        }

        // When the database is opened again by a fresh process
        Copy(temp.Path, restarted.Path);
        using var reopened = Workspace.Open(restarted.Path);

        // Then a reader at version 1 gets the cases of the two later commits, whole, and one at 0 gets every case
        reopened.Version.ShouldBe(3);
        var changes = reopened.ReadChangesSince(1, IdentityGraph.Empty, Ct).ShouldNotBeNull();
        changes.RemovedCases.Order(StringComparer.Ordinal).ShouldBe(["b", "c", "d"]);
        changes.Added.Log.CaseIds.ShouldBe(["b", "c", "d"]);
        changes.Added.Log.CaseLength(0).ShouldBe(2);
        reopened.ReadChangesSince(0, IdentityGraph.Empty, Ct).ShouldNotBeNull().RemovedCases.Count.ShouldBe(4);
        reopened.ReadChangesSince(3, IdentityGraph.Empty, Ct).ShouldNotBeNull().RemovedCases.ShouldBeEmpty();
    }

    [Fact]
    public async Task ReadChangesSince_CommitMissingFromJournalAfterRestart_IsUnknownNeverPartial()
    {
        // Given three appends, the journal of the second lost (as when an older Journeyscope wrote it)
        using var temp = new TempFolder();
        using var restarted = new TempFolder();
        using (var workspace = Workspace.Open(temp.Path))
        {
            await workspace.AppendAsync(Result(("a", "Browse", 1)), "1.csv", Ct);
            await workspace.AppendAsync(Result(("b", "Browse", 2)), "2.csv", Ct);
            await workspace.AppendAsync(Result(("c", "Browse", 3)), "3.csv", Ct);
        }

        Copy(temp.Path, restarted.Path);
        Sql(restarted.Path, "DELETE FROM change_journal WHERE to_version = 2");

        // When a reader at version 1 asks what changed
        using var reopened = Workspace.Open(restarted.Path);
        var changes = reopened.ReadChangesSince(1, IdentityGraph.Empty, Ct);

        // Then the store cannot tell (a full re-read), while a reader past the gap still gets its change
        changes.ShouldBeNull();
        reopened.ReadChangesSince(2, IdentityGraph.Empty, Ct).ShouldNotBeNull().RemovedCases.ShouldBe(["c"]);
    }

    [Fact]
    public async Task ReadChangesSince_AfterErasureAndRestart_IsUnknownAndJournalHoldsNoErasedId()
    {
        // Given two appends and the erasure of one customer
        using var temp = new TempFolder();
        using var restarted = new TempFolder();
        using (var workspace = Workspace.Open(temp.Path))
        {
            await workspace.AppendAsync(Result(("keep-1", "Browse", 1), ("erase-me", "Browse", 2)), "1.csv", Ct);
            await workspace.AppendAsync(Result(("erase-me", "Buy", 3)), "2.csv", Ct);
            workspace.DeleteCustomer("erase-me", dryRun: false, Ct);
            workspace.ReadChangesSince(1, IdentityGraph.Empty, Ct).ShouldBeNull();
        }

        // When the database is opened again
        Copy(temp.Path, restarted.Path);
        var journal = Sql(restarted.Path, "SELECT coalesce(case_id, '') FROM change_journal");
        using var reopened = Workspace.Open(restarted.Path);

        // Then no reader before the erasure gets an incremental answer, and the journal names nobody erased
        reopened.ReadChangesSince(1, IdentityGraph.Empty, Ct).ShouldBeNull();
        journal.ShouldNotContain("erase-me");
    }

    private static ImportResult Result(params (string Case, string Activity, int Minute)[] events)
    {
        var builder = new EventLogBuilder();
        foreach (var (c, a, m) in events)
        {
            builder.AddEvent(c, a, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(m).Ticks);
        }

        var log = builder.Build();
        return new ImportResult(log, "csv", log.EventCount, [], []);
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }

    private static List<string> Sql(string folder, string statement)
    {
        using var connection = new DuckDBConnection("Data Source=" + Path.Combine(folder, "journeyscope.duckdb"));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = statement;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.FieldCount > 0 && !reader.IsDBNull(0) ? reader.GetValue(0).ToString()! : string.Empty);
        }

        return rows;
    }
}
