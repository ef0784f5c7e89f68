using System.Reflection;
using Microsoft.Data.Sqlite;

namespace Journeyscope.Storage;

/// <summary>
/// A SQLite file kept beside a workspace's database (<c>live.sqlite</c>, <c>webhooks.sqlite</c>, <c>ingest-keys.sqlite</c>):
/// one place that opens it the same way (WAL, a busy timeout, its schema created on first use) and that states which of
/// its tables hold personal data, so that erasure (docs/erasure.md) finds every one of them.
/// </summary>
/// <remarks>
/// Side files are declared as static fields of type <see cref="SqliteSideFile"/> in this assembly (the constructor is
/// internal); <see cref="All"/> finds them by reflection, so a new side file is erased without a list to keep up to date.
/// SQLite in WAL mode lets several processes (the server and the CLI) read and write one file. Thread-safe: a connection per call.
/// </remarks>
public sealed class SqliteSideFile
{
    private static readonly Lazy<IReadOnlyList<SqliteSideFile>> Declared = new(Discover);

    /// <summary>Declares a side file.</summary>
    /// <param name="fileName">The file's name inside the workspace folder.</param>
    /// <param name="schema">The statements that create its tables and indexes if they do not exist (run on every open).</param>
    /// <param name="personalData">The tables and columns that can name a customer; empty when the file holds none.</param>
    internal SqliteSideFile(string fileName, string schema, IReadOnlyList<PersonalColumns> personalData)
    {
        FileName = fileName;
        Schema = schema;
        PersonalData = personalData;
    }

    /// <summary>The file's name inside the workspace folder.</summary>
    public string FileName { get; }

    /// <summary>The statements that create its tables if they do not exist.</summary>
    public string Schema { get; }

    /// <summary>The tables and columns that can hold a customer's id (in a key or a JSON body); what erasure deletes from.</summary>
    public IReadOnlyList<PersonalColumns> PersonalData { get; }

    /// <summary>Every side file declared in the storage assembly.</summary>
    public static IReadOnlyList<SqliteSideFile> All => Declared.Value;

    /// <summary>The file's path in <paramref name="workspaceFolder"/>.</summary>
    public string PathIn(string workspaceFolder) => Path.Combine(workspaceFolder, FileName);

    /// <summary>Whether the file exists in <paramref name="workspaceFolder"/> (readers answer "nothing" without creating it).</summary>
    public bool Exists(string workspaceFolder) => File.Exists(PathIn(workspaceFolder));

    /// <summary>Opens (and creates, with its schema) the file in <paramref name="workspaceFolder"/>; the caller disposes the connection.</summary>
    public SqliteConnection Open(string workspaceFolder)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = PathIn(workspaceFolder),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 10,
        };
        var connection = new SqliteConnection(builder.ConnectionString);
        try
        {
            connection.Open();
            using var setup = connection.CreateCommand();
            setup.CommandText = "PRAGMA journal_mode = WAL;\nPRAGMA busy_timeout = 10000;\n" + Schema;
            setup.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static List<SqliteSideFile> Discover()
    {
        var files = new List<SqliteSideFile>();
        foreach (var type in typeof(SqliteSideFile).Assembly.GetTypes())
        {
            foreach (var field in type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (field.FieldType == typeof(SqliteSideFile) && field.GetValue(null) is SqliteSideFile file && !files.Contains(file))
                {
                    files.Add(file);
                }
            }
        }

        files.Sort((a, b) => string.CompareOrdinal(a.FileName, b.FileName));
        return files;
    }
}
