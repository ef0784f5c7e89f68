using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Journeyscope.Storage.Collector;

/// <summary>
/// The ingest keys of one workspace, kept in <c>ingest-keys.sqlite</c> in the workspace folder (beside the DuckDB
/// database, which one process at a time can open): the CLI can create keys while the server runs (docs/collector.md).
/// </summary>
/// <remarks>
/// Only the SHA-256 of a key is stored, with its first characters for display; the key itself is returned once, by
/// <see cref="Create"/>. SQLite in WAL mode lets several processes read and write the file.
/// </remarks>
public static class IngestKeys
{
    /// <summary>The keys file's name inside the workspace folder.</summary>
    public const string FileName = "ingest-keys.sqlite";

    /// <summary>The file: key hashes and labels, no personal data.</summary>
    internal static readonly SqliteSideFile Side = new(
        FileName,
        """
        CREATE TABLE IF NOT EXISTS keys (
            hash TEXT PRIMARY KEY, display TEXT NOT NULL, kind TEXT NOT NULL, name TEXT, created_ticks INTEGER NOT NULL);
        """,
        []);

    /// <summary>The prefix of every ingest key.</summary>
    public const string Prefix = "jsi_";

    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary>Creates an ingest key for the workspace in <paramref name="workspaceFolder"/>.</summary>
    /// <param name="workspaceFolder">The workspace folder (it must hold a workspace database).</param>
    /// <param name="name">A label for people (where the key is used), or null.</param>
    /// <param name="timeProvider">The clock; the system clock by default.</param>
    /// <returns>The key, to be shown once.</returns>
    /// <exception cref="WorkspaceException">The folder is not a workspace.</exception>
    public static string Create(string workspaceFolder, string? name = null, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workspaceFolder);
        var folder = Path.GetFullPath(workspaceFolder);
        if (!File.Exists(Path.Combine(folder, StoreSchema.DatabaseFileName)))
        {
            throw new WorkspaceException(
                $"'{folder}' is not a Journeyscope workspace (no {StoreSchema.DatabaseFileName} in it). Pass the workspace folder, " +
                "for example --workspace ./workspaces/shop.");
        }

        var key = NewKey();
        using var connection = Connect(folder);
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO keys (hash, display, kind, name, created_ticks) VALUES ($hash, $display, 'ingest', $name, $created)";
        command.Parameters.AddWithValue("$hash", Hash(key));
        command.Parameters.AddWithValue("$display", key[..(Prefix.Length + 6)] + "...");
        command.Parameters.AddWithValue("$name", (object?)name ?? DBNull.Value);
        command.Parameters.AddWithValue("$created", (timeProvider ?? TimeProvider.System).GetUtcNow().UtcTicks);
        command.ExecuteNonQuery();
        return key;
    }

    /// <summary>The keys of the workspace in <paramref name="workspaceFolder"/>, oldest first; empty when it has none.</summary>
    public static IReadOnlyList<IngestKeyInfo> List(string workspaceFolder)
    {
        var folder = Path.GetFullPath(workspaceFolder);
        var keys = new List<IngestKeyInfo>();
        if (!Side.Exists(folder))
        {
            return keys;
        }

        using var connection = Connect(folder);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT hash, display, kind, name, created_ticks FROM keys ORDER BY created_ticks, hash";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            keys.Add(new IngestKeyInfo(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                new DateTimeOffset(reader.GetInt64(4), TimeSpan.Zero)));
        }

        return keys;
    }

    /// <summary>Whether the workspace in <paramref name="workspaceFolder"/> has at least one ingest key (the keys file is not created).</summary>
    /// <remarks>
    /// A file test, and one indexed query when the keys file exists: cheap enough to ask whenever a host opens a workspace
    /// (the server preloads the dedup filters of workspaces with keys only, docs/collector.md).
    /// </remarks>
    public static bool Exist(string workspaceFolder)
    {
        var folder = Path.GetFullPath(workspaceFolder);
        if (!Side.Exists(folder))
        {
            return false;
        }

        using var connection = Connect(folder);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM keys)";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) != 0;
    }

    /// <summary>The SHA-256 of a key, lower-case hex: what is stored and looked up.</summary>
    public static string Hash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    private static string NewKey()
    {
        Span<byte> random = stackalloc byte[32];
        RandomNumberGenerator.Fill(random);
        var key = new StringBuilder(Prefix, Prefix.Length + 32);
        for (var i = 0; i < 32; i++)
        {
            key.Append(Alphabet[random[i] & 31]);
        }

        return key.ToString();
    }

    private static SqliteConnection Connect(string folder) => Side.Open(folder);
}
