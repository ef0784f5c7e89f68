using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace Journeyscope.Server.Security;

/// <summary>
/// Remembers what per-request authorisation reads from the security store — a secret key by its hash, a user's owner flag
/// and workspace roles — until anything in the store changes (<see cref="SecurityChanges"/>): a revoked key or a removed
/// role takes effect on the next request.
/// </summary>
public sealed class AccessCache(SecurityChanges changes, bool enabled)
{
    private readonly ConcurrentDictionary<string, CachedKey> _keys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CachedUser> _users = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private (long Local, long Stamp) _version = (-1, -1);

    /// <summary>Whether the cache is on (<c>Journeyscope:Security:AccessCache</c>).</summary>
    public bool Enabled { get; } = enabled;

    /// <summary>The key with <paramref name="hash"/> (SHA-256 of the key), read from the store once; null when unknown or revoked.</summary>
    public async Task<CachedKey?> KeyAsync(SecurityDb db, string token, byte[] hash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hash);
        var version = Current();
        var id = Convert.ToBase64String(hash);
        if (Enabled && _keys.TryGetValue(id, out var cached))
        {
            return cached;
        }

        var key = await SecretKeys.FindAsync(db, token, cancellationToken).ConfigureAwait(false);
        if (key is null)
        {
            return null; // misses are not remembered: a guesser must not fill the cache
        }

        var found = new CachedKey(key.Id, key.Prefix, key.Scope, key.Workspace) { LastUsedAt = key.LastUsedAt };
        Remember(_keys, id, found, version);
        return found;
    }

    /// <summary>The user with <paramref name="userId"/>: owner flag and roles per workspace; null when there is none.</summary>
    public async Task<CachedUser?> UserAsync(SecurityDb db, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var version = Current();
        if (Enabled && _users.TryGetValue(userId, out var cached))
        {
            return cached;
        }

        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Id, u.UserName, u.IsOwner })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (user is null)
        {
            return null;
        }

        var roles = await db.Members.AsNoTracking().Where(m => m.UserId == userId).Select(m => new { m.Workspace, m.Role })
            .ToDictionaryAsync(m => m.Workspace, m => m.Role, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
        var found = new CachedUser(user.Id, user.UserName, user.IsOwner, roles);
        Remember(_users, userId, found, version);
        return found;
    }

    private (long Local, long Stamp) Current()
    {
        if (!Enabled)
        {
            return default;
        }

        var version = changes.Version;
        lock (_gate)
        {
            if (version != _version)
            {
                _keys.Clear();
                _users.Clear();
                _version = version;
            }
        }

        return version;
    }

    private void Remember<T>(ConcurrentDictionary<string, T> entries, string id, T value, (long Local, long Stamp) readAt)
    {
        if (!Enabled)
        {
            return;
        }

        lock (_gate)
        {
            // Read before a change that happened meanwhile: not remembered, the next request reads again.
            if (readAt == _version && changes.Version == readAt)
            {
                entries[id] = value;
            }
        }
    }
}
