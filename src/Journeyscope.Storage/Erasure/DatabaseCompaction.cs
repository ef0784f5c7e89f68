using DuckDB.NET.Data;

namespace Journeyscope.Storage.Erasure;

/// <summary>
/// Rewrites a workspace database into a new file holding only its live rows, then swaps it in atomically: DuckDB keeps
/// deleted values in its blocks after <c>DELETE</c> and <c>CHECKPOINT</c>, a fresh copy does not (docs/erasure.md).
/// </summary>
/// <remarks>
/// The database must be closed by every connection of the process (DuckDB locks the file for other processes). Steps:
/// copy (<c>ATTACH</c> the old file read-only and a new file, <c>COPY FROM DATABASE</c>), flush the new file to disk,
/// rename it over the old one (atomic on one file system), then delete the old write-ahead log, whose content the copy
/// already holds (DuckDB reads it when attaching) and which must never be replayed onto the new file. A crash before the
/// rename leaves the old database as it was (erased rows deleted, their bytes not yet gone) and a stray
/// <c>.compact</c> file that the next compaction replaces: running the erasure again completes it.
/// </remarks>
internal static class DatabaseCompaction
{
    /// <summary>The suffix of the copy being written beside the database.</summary>
    public const string CopySuffix = ".compact";

    /// <summary>Compacts <paramref name="databasePath"/> in place.</summary>
    /// <exception cref="WorkspaceException">The copy or the swap failed; the old database is unchanged.</exception>
    public static void Compact(string databasePath)
    {
        var copy = databasePath + CopySuffix;
        DeleteIfPresent(copy);
        DeleteIfPresent(copy + ".wal");
        try
        {
            // A connection of its own, to an in-memory database: the workspace's connections forbid file access from SQL,
            // which ATTACH needs. Only the two paths built here are attached; extensions stay off.
            var builder = new DuckDBConnectionStringBuilder { DataSource = ":memory:" };
            builder["autoinstall_known_extensions"] = "false";
            builder["autoload_known_extensions"] = "false";
            builder["allow_community_extensions"] = "false";
            builder["threads"] = "2";
            using (var connection = new DuckDBConnection(builder.ConnectionString))
            {
                connection.Open();
                Execute(connection, $"ATTACH {Literal(databasePath)} AS erase_source (READ_ONLY)");
                Execute(connection, $"ATTACH {Literal(copy)} AS erase_target");
                Execute(connection, "COPY FROM DATABASE erase_source TO erase_target");
                Execute(connection, "CHECKPOINT erase_target");
                Execute(connection, "DETACH erase_target");
                Execute(connection, "DETACH erase_source");
            }

            DeleteIfPresent(copy + ".wal");
            using (var stream = new FileStream(copy, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
            {
                stream.Flush(flushToDisk: true);
            }

            File.Move(copy, databasePath, overwrite: true);
            DeleteIfPresent(databasePath + ".wal");
        }
        catch (Exception e) when (e is DuckDBException or IOException or UnauthorizedAccessException)
        {
            DeleteIfPresent(copy);
            throw new WorkspaceException(
                $"The workspace database '{databasePath}' could not be compacted after the erasure ({e.Message}). The customer's rows are " +
                "deleted, but their bytes may remain in the file: run the erasure again.", e);
        }
    }

    private static string Literal(string path) => "'" + path.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void DeleteIfPresent(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left in place; the scan reports it when it still holds the customer.
        }
    }
}
