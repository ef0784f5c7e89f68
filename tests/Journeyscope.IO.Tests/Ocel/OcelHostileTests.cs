using System.Diagnostics;
using System.Text;
using Journeyscope.IO.Tests.Mutation;
using Journeyscope.TestSupport;
using Microsoft.Data.Sqlite;

namespace Journeyscope.IO.Tests.Ocel;

/// <summary>The OCEL cases of issue 12: invalid UTF-8 in JSON, recursive views in SQLite, the row budget.</summary>
public sealed class OcelHostileTests
{
    private static string Example(string extension) => SharedData.Path("logs/ocel20_example." + extension);

    [Fact]
    public void Import_JsonWithInvalidUtf8_ImportExceptionAtTheByte()
    {
        // Given the OCEL JSON example with a lone 0xFF byte inside an event id
        var bytes = File.ReadAllBytes(Example("jsonocel"));
        var at = IndexOf(bytes, "\"id\""u8.ToArray(), IndexOf(bytes, "\"events\""u8.ToArray(), 0)) + 7;
        bytes[at] = 0xFF;
        using var temp = new TempFiles();
        var path = temp.Path("bad-utf8.jsonocel");
        File.WriteAllBytes(path, bytes);

        // When imported (it used to escape as InvalidOperationException: "Cannot transcode invalid UTF-8")
        var ex = Should.Throw<ImportException>(() => OcelImporter.Import(path));

        // Then the error says the text is not UTF-8 and gives the byte's position
        ex.Reason.ShouldBe($"the text is not valid UTF-8 at byte {at}");
        ex.ByteOffset.ShouldBe(at);
    }

    [Fact]
    public void Import_SqliteTablesReplacedByRecursiveViews_RefusedQuickly()
    {
        // Given the SQLite example whose event and event_object tables are replaced by endless recursive views
        using var temp = new TempFiles();
        var path = temp.Path("views.sqlite");
        File.Copy(Example("sqlite"), path);
        File.SetAttributes(path, FileAttributes.Normal);
        Execute(path, """
            PRAGMA foreign_keys = OFF; DROP TABLE event_object; DROP TABLE event;
            CREATE VIEW event AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT 'e' || n AS ocel_id, 'x' AS ocel_type FROM r;
            CREATE VIEW event_object AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT 'e' || n AS ocel_event_id, 'o' AS ocel_object_id, '' AS ocel_qualifier FROM r;
            """);
        var clock = Stopwatch.StartNew();

        // When imported (it used to run without end, memory growing)
        var ex = Bounded.Within(TimeSpan.FromSeconds(30), () => Should.Throw<ImportException>(() => OcelImporter.Import(path)));

        // Then it is refused at once: only real tables are read
        ex.Field.ShouldBe("event");
        ex.Reason.ShouldContain("is a view or virtual table");
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void Import_SqliteOverRowBudget_NamesTheBudget()
    {
        // Given the SQLite example / When imported with a budget of 10 rows
        var ex = Should.Throw<ImportException>(() => OcelImporter.Import(Example("sqlite"), null, new ImportOptions { MaxRows = 10 }));

        // Then the error names the row budget
        ex.Reason.ShouldContain("10 rows");
        ex.Reason.ShouldContain("MaxRows");
    }

    [Fact]
    public void Import_SqliteWithinBudgets_ImportsAsBefore()
    {
        // Given the SQLite example / When imported with the server budgets
        var result = OcelImporter.Import(Example("sqlite"), null, ImportOptions.Server, TestContext.Current.CancellationToken);

        // Then it imports the same events as without budgets
        result.RecordsRead.ShouldBe(OcelImporter.Import(Example("sqlite"), cancellationToken: TestContext.Current.CancellationToken).RecordsRead);
        result.RecordsRead.ShouldBeGreaterThan(0);
    }

    private static void Execute(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static int IndexOf(byte[] bytes, byte[] needle, int from) =>
        from + bytes.AsSpan(from).IndexOf(needle) is var i && i >= from ? i : throw new InvalidOperationException("not found: " + Encoding.UTF8.GetString(needle));
}
