using Microsoft.AspNetCore.Identity;

namespace Journeyscope.Server.Security;

/// <summary>
/// One-time sign-in links (<c>/account/link?user=ID&amp;token=...</c>): Identity's data-protection token for the user,
/// which expires (<see cref="SecurityOptions.LinkLifetime"/>) and works once (using it changes the user's security stamp,
/// which voids every earlier link).
/// </summary>
public static class SignInLinks
{
    /// <summary>The path of the link endpoint.</summary>
    public const string Path = "/account/link";

    private const string Purpose = "journeyscope-sign-in-link";

    /// <summary>A new link for the user: a path and query, to put after the server's address.</summary>
    public static async Task<string> IssueAsync(UserManager<JourneyscopeUser> users, JourneyscopeUser user)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(user);
        var token = await users.GenerateUserTokenAsync(user, TokenOptions.DefaultProvider, Purpose).ConfigureAwait(false);
        return $"{Path}?user={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}";
    }

    /// <summary>The user a link names when its token is valid, unused and unexpired (and then it is used up); null otherwise.</summary>
    public static async Task<JourneyscopeUser?> RedeemAsync(UserManager<JourneyscopeUser> users, string? userId, string? token)
    {
        ArgumentNullException.ThrowIfNull(users);
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(token) || token.Length > 4000)
        {
            return null;
        }

        var user = await users.FindByIdAsync(userId).ConfigureAwait(false);
        if (user is null || !await users.VerifyUserTokenAsync(user, TokenOptions.DefaultProvider, Purpose, token).ConfigureAwait(false))
        {
            return null;
        }

        await users.UpdateSecurityStampAsync(user).ConfigureAwait(false);
        return user;
    }
}
