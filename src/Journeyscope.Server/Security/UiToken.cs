using Microsoft.AspNetCore.DataProtection;

namespace Journeyscope.Server.Security;

/// <summary>
/// Short-lived bearer tokens (<c>jsu_...</c>) that carry the signed-in user of the web UI into its own API calls:
/// the user's id protected with Data Protection, valid for five minutes. Never a server-wide bypass: a token names one
/// user and grants exactly that user's roles.
/// </summary>
public sealed class UiToken(IDataProtectionProvider protection, TimeProvider time)
{
    /// <summary>What every UI token starts with.</summary>
    public const string Prefix = "jsu_";

    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly ITimeLimitedDataProtector _protector =
        protection.CreateProtector("Journeyscope.UiToken.v1").ToTimeLimitedDataProtector();

    /// <summary>A token for the user with this id.</summary>
    public string Issue(string userId) => Prefix + _protector.Protect(userId, time.GetUtcNow() + Lifetime);

    /// <summary>The user id a token names; null when it is not a valid, unexpired token.</summary>
    public string? Read(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 2000)
        {
            return null;
        }

        try
        {
            return _protector.Unprotect(token[Prefix.Length..], out var expires) is { Length: > 0 } id && expires > time.GetUtcNow() ? id : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
