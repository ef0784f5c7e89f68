using System.Security.Cryptography;
using System.Text;
using DuckDB.NET.Data;

namespace Journeyscope.Storage.Erasure;

/// <summary>
/// The erased customers' ids, kept only as keyed hashes (HMAC-SHA256 under a random key of the workspace) in
/// <c>suppressed_ids</c>, so that later imports and collector events for them are refused (docs/erasure.md).
/// </summary>
/// <remarks>
/// The key lives in the workspace database (<c>meta.suppression_key</c>), created by the first erasure. Without it the
/// list cannot be tested against guessed ids (a plain SHA of an email address can). Used under the workspace gate.
/// </remarks>
internal sealed class SuppressionList
{
    /// <summary>The quarantine reason of a record refused because it belongs to an erased customer.</summary>
    public const string Reason = "erased customer";

    private const string KeyName = "suppression_key";

    // Separators of the tokens of a quarantined line: CSV, JSON and XML punctuation and white space. '@', '.', '-', '_'
    // and ':' stay inside tokens, so email addresses, GUIDs and prefixed ids are whole tokens.
    private static readonly char[] Separators = [',', ';', '\t', '|', '"', '\'', ' ', '\r', '\n', '{', '}', '[', ']', '<', '>', '=', '/', '\\'];

    private readonly byte[] _key;
    private readonly HashSet<string> _hashes;

    private SuppressionList(byte[] key, HashSet<string> hashes)
    {
        _key = key;
        _hashes = hashes;
    }

    /// <summary>How many ids are suppressed.</summary>
    public int Count => _hashes.Count;

    /// <summary>The stored list, or null when no customer was ever erased (nothing to check).</summary>
    public static SuppressionList? Read(DuckDBConnection connection)
    {
        using (var count = connection.CreateCommand())
        {
            count.CommandText = "SELECT count(*) FROM suppressed_ids";
            if (Convert.ToInt64(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                return null;
            }
        }

        var key = ReadKey(connection) ?? throw new WorkspaceException("The workspace's suppression list has no key: the database is damaged.");
        var hashes = new HashSet<string>(StringComparer.Ordinal);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT hash FROM suppressed_ids";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            hashes.Add(reader.GetString(0));
        }

        return new SuppressionList(key, hashes);
    }

    /// <summary>Adds <paramref name="ids"/> to the stored list (creating the key on first use); inside the erasure's transaction.</summary>
    /// <returns>How many hashes were added (ids already suppressed are not stored twice).</returns>
    public static long Add(DuckDBConnection connection, IReadOnlyCollection<string> ids, long erasedTicks)
    {
        var key = ReadKey(connection);
        if (key is null)
        {
            key = RandomNumberGenerator.GetBytes(32);
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO meta VALUES ($key, $value)";
            insert.Parameters.Add(new DuckDBParameter("key", KeyName));
            insert.Parameters.Add(new DuckDBParameter("value", Convert.ToBase64String(key)));
            insert.ExecuteNonQuery();
        }

        long added = 0;
        foreach (var id in ids)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO suppressed_ids SELECT $hash, $ticks WHERE NOT EXISTS (SELECT 1 FROM suppressed_ids WHERE hash = $hash)";
            command.Parameters.Add(new DuckDBParameter("hash", Hash(key, id)));
            command.Parameters.Add(new DuckDBParameter("ticks", erasedTicks));
            added += command.ExecuteNonQuery();
        }

        return added;
    }

    /// <summary>Whether <paramref name="id"/> is the id of an erased customer.</summary>
    public bool Contains(string id) => _hashes.Contains(Hash(_key, id));

    /// <summary>Whether any token of <paramref name="text"/> (split at CSV, JSON and XML punctuation) is an erased id.</summary>
    public bool Mentions(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        foreach (var token in Tokens(text))
        {
            if (Contains(token))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="text"/>, or one of its tokens (as <see cref="Mentions"/> splits it), is in <paramref name="ids"/>.</summary>
    public static bool HasToken(string text, IReadOnlySet<string> ids)
    {
        foreach (var token in Tokens(text))
        {
            if (ids.Contains(token))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The whole text trimmed, then its tokens.</summary>
    private static IEnumerable<string> Tokens(string text)
    {
        yield return text.Trim();
        foreach (var token in text.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            yield return token;
        }
    }

    private static byte[]? ReadKey(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM meta WHERE key = $key";
        command.Parameters.Add(new DuckDBParameter("key", KeyName));
        return command.ExecuteScalar() is string text ? Convert.FromBase64String(text) : null;
    }

    private static string Hash(byte[] key, string id) => Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(id)));
}
