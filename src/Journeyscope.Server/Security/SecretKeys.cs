using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;

namespace Journeyscope.Server.Security;

/// <summary>Creates, finds, lists and revokes secret API keys (<c>jsk_...</c>); only their SHA-256 hashes are stored.</summary>
/// <remarks>
/// A key is 32 random bytes (256 bits), so a fast hash is as safe to store as a slow password hash: there is nothing to
/// guess from a stolen hash. Lookup is by the key's prefix; the hashes are compared in constant time.
/// </remarks>
public static class SecretKeys
{
    /// <summary>What every secret key starts with.</summary>
    public const string Prefix = "jsk_";

    /// <summary>How many characters of a key are stored in clear and shown in lists.</summary>
    public const int PrefixLength = 12;

    /// <summary>A key's display form in lists: its prefix and an ellipsis.</summary>
    public static string Display(string prefix) => prefix + "...";

    /// <summary>Creates a key and returns it (the only time the whole key exists outside the caller).</summary>
    public static async Task<string> CreateAsync(
        SecurityDb db, string? workspace, WorkspaceRole scope, string? name, string? createdBy, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        if (workspace is null && scope != WorkspaceRole.Owner)
        {
            throw new ArgumentException("A key without a workspace must have the owner scope.", nameof(workspace));
        }

        if (workspace is not null && scope == WorkspaceRole.Owner)
        {
            throw new ArgumentException("The owner scope is server-wide: create it without a workspace.", nameof(scope));
        }

        var key = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        db.ApiKeys.Add(new ApiKey
        {
            Prefix = key[..PrefixLength],
            Hash = Hash(key),
            Workspace = workspace,
            Scope = scope,
            Name = string.IsNullOrWhiteSpace(name) ? null : name.Trim(),
            CreatedBy = createdBy,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return key;
    }

    /// <summary>The stored key <paramref name="key"/> is, when it is a valid, unrevoked key; null otherwise.</summary>
    public static async Task<ApiKey?> FindAsync(SecurityDb db, string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!IsWellFormed(key))
        {
            return null;
        }

        var prefix = key[..PrefixLength];
        var stored = await db.ApiKeys.FirstOrDefaultAsync(k => k.Prefix == prefix, cancellationToken).ConfigureAwait(false);
        if (stored is null || stored.RevokedAt is not null)
        {
            return null;
        }

        return CryptographicOperations.FixedTimeEquals(stored.Hash, Hash(key)) ? stored : null;
    }

    /// <summary>Whether <paramref name="key"/> has the shape of a secret key (cheap check before any lookup).</summary>
    public static bool IsWellFormed(string? key) =>
        key is { Length: >= 40 and <= 64 } && key.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>Revokes the key with this prefix (or the key itself); false when there is none.</summary>
    public static async Task<ApiKey?> RevokeAsync(SecurityDb db, string prefixOrKey, string? workspace, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(prefixOrKey);
        ArgumentNullException.ThrowIfNull(time);
        var prefix = prefixOrKey.Trim().TrimEnd('.');
        prefix = prefix.Length > PrefixLength ? prefix[..PrefixLength] : prefix;
        var stored = await db.ApiKeys.FirstOrDefaultAsync(k => k.Prefix == prefix, cancellationToken).ConfigureAwait(false);
        if (stored is null || (workspace is not null && !string.Equals(stored.Workspace, workspace, StringComparison.Ordinal)))
        {
            return null;
        }

        stored.RevokedAt ??= time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return stored;
    }

    /// <summary>SHA-256 of the key's UTF-8 bytes.</summary>
    public static byte[] Hash(string key) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
