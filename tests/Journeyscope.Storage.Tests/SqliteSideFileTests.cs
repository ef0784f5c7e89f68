using Journeyscope.Storage.Collector;
using Journeyscope.Storage.Monitoring;
using Journeyscope.Storage.Notifications;

namespace Journeyscope.Storage.Tests;

/// <summary>The side files' one way of opening, and the registry erasure walks.</summary>
public sealed class SqliteSideFileTests
{
    [Fact]
    public void All_DeclaredSideFiles_AreFoundWithTheTablesThatNameCustomers()
    {
        // When the registry is read
        var files = SqliteSideFile.All.ToDictionary(f => f.FileName, StringComparer.Ordinal);

        // Then every side file of the storage assembly is in it, and those holding customers' ids say where
        files.Keys.ShouldBe([IngestKeys.FileName, RuleFiringLog.FileName, WebhookStore.FileName], ignoreOrder: true);
        files[IngestKeys.FileName].PersonalData.ShouldBeEmpty();
        files[RuleFiringLog.FileName].PersonalData.Select(p => p.Table).ShouldBe(["firings", "deviations"]);
        files[WebhookStore.FileName].PersonalData.Select(p => p.Table).ShouldBe(["deliveries"]);
    }

    [Fact]
    public void Open_NewFolder_CreatesTheFileInWalModeWithItsSchema()
    {
        // Given an empty folder
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Path);
        var live = SqliteSideFile.All.Single(f => f.FileName == RuleFiringLog.FileName);
        live.Exists(temp.Path).ShouldBeFalse();

        // When the live file is opened
        using var connection = live.Open(temp.Path);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        var mode = command.ExecuteScalar() as string;
        command.CommandText = "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name)";
        var tables = command.ExecuteScalar() as string;

        // Then it exists, in WAL mode, with every table of its schema
        live.Exists(temp.Path).ShouldBeTrue();
        mode.ShouldBe("wal");
        tables.ShouldBe("deviations,firings,meta");
    }
}
