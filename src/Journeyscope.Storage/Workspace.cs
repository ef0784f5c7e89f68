using System.Collections.Concurrent;
using System.Globalization;
using DuckDB.NET.Data;

namespace Journeyscope.Storage;

/// <summary>
/// A workspace: a folder holding journey definitions (<c>journeys/</c>, YAML) and an embedded DuckDB database
/// (<c>journeyscope.duckdb</c>) of events, cases, objects, relations and quarantined records.
/// </summary>
/// <remarks>
/// Thread-safe: operations are serialised by one gate per database file, shared by every instance opened on it in
/// the process; each operation re-reads the attribute registry, so instances see each other's imports. DuckDB never reaches the network: the
/// database is opened with extension auto-install and auto-load off and with external access disabled.
/// One process at a time can open a workspace (DuckDB locks the file).
/// </remarks>
public sealed partial class Workspace : IDisposable
{
    // DuckDB shares one database instance between connections of a process, and its snapshot isolation would let
    // two concurrent appends both pass the duplicate check. One gate per database file serialises every Workspace
    // opened on it in this process; other processes are kept out by DuckDB's file lock.
    private static readonly ConcurrentDictionary<string, SharedStore> Stores =
        new(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);

    private readonly DuckDBConnection _connection;
    private readonly SharedStore _shared;
    private readonly SemaphoreSlim _gate;
    private readonly TimeProvider _time;
    private readonly AttributeRegistry _registry = new();
    private bool _disposed;

    private Workspace(string folder, DuckDBConnection connection, TimeProvider time)
    {
        Folder = folder;
        _shared = Stores.GetOrAdd(Path.Combine(folder, StoreSchema.DatabaseFileName), _ => new SharedStore());
        _gate = _shared.Gate;
        _connection = connection;
        _time = time;
    }

    /// <summary>The workspace folder (absolute).</summary>
    public string Folder { get; }

    /// <summary>The folder holding journey definitions (YAML).</summary>
    public string JourneysFolder => Path.Combine(Folder, StoreSchema.JourneysFolderName);

    /// <summary>The state shared by every instance opened on this database in the process (for tests).</summary>
    internal SharedStore Shared => _shared;

    /// <summary>The DuckDB database file.</summary>
    public string DatabasePath => Path.Combine(Folder, StoreSchema.DatabaseFileName);

    /// <summary>
    /// The schema version this <see cref="Open"/> migrated the database from, or null when it needed no migration.
    /// </summary>
    /// <remarks>
    /// Schema 1 (before Journeyscope kept events of identical content) is migrated without changing any stored event
    /// id; events it merged come back by importing their files again (see docs/storage.md).
    /// </remarks>
    public int? MigratedFromSchema { get; private set; }

    /// <summary>
    /// A number that increases with every import that added something (events, case attribute values, objects or
    /// quarantined records). Caches of the loaded <see cref="EventLogs.EventLog"/> are valid for one version.
    /// </summary>
    /// <remarks>
    /// Cheap: read from memory, without SQL and without waiting for the workspace's gate (an import in progress does
    /// not block it; it returns the version before that import until the import commits). Shared by every
    /// <see cref="Workspace"/> the process opens on the same database, so it also sees their imports; other processes
    /// cannot write the database while it is open here (DuckDB's file lock). Persisted in the database.
    /// </remarks>
    public long Version
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _shared.Version;
        }
    }

    /// <summary>The current <see cref="Version"/>, for asynchronous callers; completes synchronously (no I/O, no lock).</summary>
    /// <param name="cancellationToken">Checked once before reading.</param>
    public ValueTask<long> GetVersionAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Version);
    }

    /// <summary>Opens the workspace in <paramref name="folder"/>, creating it (folder, <c>journeys/</c>, database) when asked.</summary>
    /// <param name="folder">The workspace folder.</param>
    /// <param name="create">Create the workspace when the folder holds none; otherwise a missing workspace is an error.</param>
    /// <param name="timeProvider">The clock used to time-stamp imports; the system clock by default.</param>
    /// <exception cref="WorkspaceException">The folder is not a workspace (and <paramref name="create"/> is false), the database is
    /// locked by another process, or it is damaged or of an unknown version.</exception>
    public static Workspace Open(string folder, bool create = true, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var full = Path.GetFullPath(folder);
        var database = Path.Combine(full, StoreSchema.DatabaseFileName);
        if (!File.Exists(database))
        {
            if (!create)
            {
                throw new WorkspaceException(
                    $"'{full}' is not a Journeyscope workspace (no {StoreSchema.DatabaseFileName} in it). " +
                    "Import data into it first (journeyscope import FILE --workspace DIR) or pass the right --workspace.");
            }

            try
            {
                Directory.CreateDirectory(full);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new WorkspaceException($"Cannot create the workspace folder '{full}': {e.Message}", e);
            }
        }

        try
        {
            Directory.CreateDirectory(Path.Combine(full, StoreSchema.JourneysFolderName));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WorkspaceException($"Cannot create the journeys folder in '{full}': {e.Message}", e);
        }

        var connection = Connect(database);
        var workspace = new Workspace(full, connection, timeProvider ?? TimeProvider.System);
        try
        {
            workspace._gate.Wait();
            try
            {
                // Counted under the gate: the first instance after none drops the filters before any operation uses them.
                workspace._shared.Opened();
                workspace.Initialise();
            }
            finally
            {
                workspace._gate.Release();
            }
        }
        catch (DuckDBException e)
        {
            workspace.Dispose();
            throw new WorkspaceException(
                $"The workspace database '{database}' is damaged or not a Journeyscope database: {e.Message}", e);
        }
        catch
        {
            workspace.Dispose();
            throw;
        }

        return workspace;
    }

    /// <summary>Closes the database, after the operation in progress (an import, a load) ends.</summary>
    /// <remarks>Waiting for the gate lets a host close a workspace to rename or delete its folder without cutting an import short.</remarks>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _gate.Wait();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _shared.Closed();
            _connection.Dispose();
        }
        finally
        {
            _gate.Release();
        }
    }

    private static DuckDBConnection Connect(string database)
    {
        var builder = new DuckDBConnectionStringBuilder { DataSource = database };

        // Never reach the network: no extension downloads or implicit loads, no access to files or URLs from SQL.
        builder["autoinstall_known_extensions"] = "false";
        builder["autoload_known_extensions"] = "false";
        builder["allow_community_extensions"] = "false";
        builder["enable_external_access"] = "false";

        // The machine is shared by the server's requests (and other work); two threads keep imports fast enough.
        builder["threads"] = "2";
        CheckHeader(database);
        var connection = new DuckDBConnection(builder.ConnectionString);
        try
        {
            connection.Open();
        }
        catch (DuckDBException e)
        {
            connection.Dispose();
            throw new WorkspaceException(
                IsLockConflict(e.Message)
                    ? $"The workspace database '{database}' is in use by another process. Close the other Journeyscope " +
                      $"(CLI or server) using it and try again. ({e.Message})"
                    : $"The workspace database '{database}' cannot be opened: it is damaged or from a newer DuckDB or " +
                      $"Journeyscope. ({e.Message})",
                e);
        }

        return connection;
    }

    /// <summary>
    /// Refuses a file that is not a DuckDB database before DuckDB sees it, so damage is reported as damage (naming the
    /// file) and never mistaken for lock contention.
    /// </summary>
    /// <remarks>
    /// A DuckDB file starts with an 8-byte checksum and the magic bytes <c>DUCK</c>; an empty file is a new database to
    /// DuckDB. A file that cannot be read here (for instance locked on Windows) is left for DuckDB to judge.
    /// </remarks>
    private static void CheckHeader(string database)
    {
        Span<byte> header = stackalloc byte[12];
        int read;
        try
        {
            using var stream = new FileStream(database, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (stream.Length == 0)
            {
                return;
            }

            read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }

        if (read < header.Length || !header[8..].SequenceEqual("DUCK"u8))
        {
            throw new WorkspaceException(
                $"The workspace database '{database}' is damaged or not a DuckDB database (it does not start with DuckDB's " +
                "header). Restore it from a backup, or move it away and import the data again.");
        }
    }

    /// <summary>
    /// Whether DuckDB refused to open because another process holds the file's lock: DuckDB reports it as an IO error
    /// "Could not set lock on file ...: Conflicting lock is held in PROGRAM (PID n)". The error carries no distinct
    /// type or code for it, so the two fixed phrases are matched (not any text containing "lock", such as "block").
    /// </summary>
    internal static bool IsLockConflict(string message) =>
        message.Contains("Could not set lock on file", StringComparison.Ordinal) ||
        message.Contains("Conflicting lock is held", StringComparison.Ordinal);

    private void Initialise()
    {
        Execute(StoreSchema.Create);
        var schema = ReadMeta("schema_version");
        var current = StoreSchema.Version.ToString(CultureInfo.InvariantCulture);
        if (schema is null)
        {
            Execute("INSERT INTO meta VALUES ('schema_version', '" + current + "'), ('workspace_version', '0')");
        }
        else if (string.Equals(schema, "1", StringComparison.Ordinal))
        {
            MigrateFromVersion1();
        }
        else if (string.Equals(schema, "2", StringComparison.Ordinal))
        {
            MigrateFromVersion2();
        }
        else if (!string.Equals(schema, current, StringComparison.Ordinal))
        {
            throw new WorkspaceException(
                $"The workspace database '{DatabasePath}' has schema version {schema}; this Journeyscope reads versions 1 " +
                $"to {StoreSchema.Version}. Open it with the Journeyscope that wrote it, or import the data again into a new workspace.");
        }

        _registry.Reload(_connection);
        _shared.Opening(ReadVersion(), ReadJournal);
    }

    /// <summary>
    /// Schema 1 stored at most one event per (case, content): its ids are exactly the ids schema 2 gives the first
    /// occurrence of each content, so no stored id changes. Checks that, then records the new schema.
    /// </summary>
    /// <remarks>
    /// Events that schema 1 merged are not in the database; importing their file again adds exactly them (the
    /// occurrences 2, 3, ... of each content), and nothing else. docs/storage.md tells users so.
    /// </remarks>
    private void MigrateFromVersion1()
    {
        var repeated = Scalar("SELECT count(*) FROM (SELECT 1 FROM events GROUP BY case_id, event_id HAVING count(*) > 1)");
        if (repeated > 0)
        {
            throw new WorkspaceException(
                $"The workspace database '{DatabasePath}' (schema version 1) holds {repeated} event ids stored more than " +
                "once in the same case, which Journeyscope never writes; it cannot be migrated to schema version " +
                $"{StoreSchema.Version}. Import the source files again into a new workspace.");
        }

        using var transaction = _connection.BeginTransaction();
        Execute(
            "UPDATE meta SET value = '" + StoreSchema.Version.ToString(CultureInfo.InvariantCulture) + "' WHERE key = 'schema_version'");
        Execute("INSERT INTO meta VALUES ('migrated_from_schema_1', '" + _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture) + "')");
        transaction.Commit();
        MigratedFromSchema = 1;
    }

    /// <summary>
    /// Schema 2 lacks the collector's tables; <see cref="StoreSchema.Create"/> has just created them (empty), so only the
    /// version is recorded. Nothing stored changes.
    /// </summary>
    private void MigrateFromVersion2()
    {
        using var transaction = _connection.BeginTransaction();
        Execute(
            "UPDATE meta SET value = '" + StoreSchema.Version.ToString(CultureInfo.InvariantCulture) + "' WHERE key = 'schema_version'");
        Execute("INSERT INTO meta VALUES ('migrated_from_schema_2', '" + _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture) + "')");
        transaction.Commit();
        MigratedFromSchema = 2;
    }

    /// <summary>The current value of a DuckDB setting, as text (for tests and diagnostics).</summary>
    internal string? ReadSetting(string name)
    {
        Enter();
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT CAST(current_setting($name) AS VARCHAR)";
            command.Parameters.Add(new DuckDBParameter("name", name));
            return command.ExecuteScalar() as string;
        }
        finally
        {
            _gate.Release();
        }
    }

    private long ReadVersion() => long.Parse(ReadMeta("workspace_version") ?? "0", CultureInfo.InvariantCulture);

    private string? ReadMeta(string key)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT value FROM meta WHERE key = $key";
        command.Parameters.Add(new DuckDBParameter("key", key));
        return command.ExecuteScalar() as string;
    }

    private int Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }

    private long Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        var value = command.ExecuteScalar();
        return value is null or DBNull ? 0 : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    private async Task EnterAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        ThrowIfClosedWhileWaiting();
        _registry.Reload(_connection);
    }

    private void Enter()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _gate.Wait();
        ThrowIfClosedWhileWaiting();
        _registry.Reload(_connection);
    }

    // Dispose takes the gate too: an operation queued behind it must not use the closed connection.
    private void ThrowIfClosedWhileWaiting()
    {
        if (_disposed)
        {
            _gate.Release();
            throw new ObjectDisposedException(nameof(Workspace));
        }
    }
}
