using System.Security.Claims;

namespace Journeyscope.Server.Security;

/// <summary>The claims the server puts on a caller authenticated by a key, and how to read a caller's name.</summary>
public static class CallerClaims
{
    /// <summary>The key's prefix (a key caller).</summary>
    public const string KeyPrefix = "journeyscope:key";

    /// <summary>The key's scope, a <see cref="WorkspaceRole"/> number.</summary>
    public const string KeyScope = "journeyscope:scope";

    /// <summary>The key's workspace (absent for a server-wide owner key).</summary>
    public const string KeyWorkspace = "journeyscope:workspace";

    /// <summary>Who the caller is, for the audit log: the user name or <c>key:PREFIX</c>.</summary>
    public static string Describe(ClaimsPrincipal? user)
    {
        if (user?.FindFirstValue(KeyPrefix) is { } prefix)
        {
            return "key:" + prefix;
        }

        return user?.Identity?.Name ?? "anonymous";
    }

    /// <summary>The signed-in user's id; null for a key or an anonymous caller.</summary>
    public static string? UserId(ClaimsPrincipal? user) =>
        user?.FindFirstValue(KeyPrefix) is null ? user?.FindFirstValue(ClaimTypes.NameIdentifier) : null;
}
