namespace Journeyscope.Server.Security;

/// <summary>
/// Sign-in with an OpenID Connect provider (<c>Journeyscope:Security:OpenIdConnect</c>): off unless
/// <see cref="Authority"/> and <see cref="ClientId"/> are set.
/// </summary>
public sealed class OpenIdConnectSignInOptions
{
    /// <summary>The authentication scheme's name, also the login provider's name stored with linked accounts.</summary>
    public const string Scheme = "oidc";

    /// <summary>The provider's issuer URL (its discovery document is <c>{Authority}/.well-known/openid-configuration</c>).</summary>
    public string? Authority { get; set; }

    /// <summary>The client id registered at the provider.</summary>
    public string? ClientId { get; set; }

    /// <summary>The client secret registered at the provider (keep it in an environment variable, not in a file).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The provider's name on the sign-in page's button ("Sign in with ...").</summary>
    public string DisplayName { get; set; } = "OpenID Connect";

    /// <summary>The claim of the ID token that holds the e-mail address.</summary>
    public string EmailClaim { get; set; } = "email";

    /// <summary>
    /// Whether a first external sign-in links to the existing local user with the same e-mail address, when the provider
    /// says the address is verified (<c>email_verified</c>). Off: every new external identity becomes a new user with no
    /// workspace roles.
    /// </summary>
    public bool LinkByVerifiedEmail { get; set; }

    /// <summary>Whether the discovery document must be fetched over HTTPS (turn off only for a provider on loopback).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Whether sign-in with a provider is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}
