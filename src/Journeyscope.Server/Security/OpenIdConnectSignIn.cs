using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Tokens;

namespace Journeyscope.Server.Security;

/// <summary>
/// Sign-in with an OpenID Connect provider: the authorization code flow with PKCE, the answer signed into Identity's
/// external cookie and then turned into a Journeyscope user by <see cref="ExternalSignInEndpoints"/>.
/// </summary>
public static class OpenIdConnectSignIn
{
    /// <summary>Where the provider sends the browser back with the code.</summary>
    public const string CallbackPath = "/signin-oidc";

    /// <summary>Adds the OpenID Connect handler configured by <paramref name="settings"/>.</summary>
    public static AuthenticationBuilder AddOpenIdConnectSignIn(this AuthenticationBuilder authentication, OpenIdConnectSignInOptions settings)
    {
        ArgumentNullException.ThrowIfNull(authentication);
        ArgumentNullException.ThrowIfNull(settings);
        var authority = settings.Authority!.TrimEnd('/');
        return authentication.AddOpenIdConnect(OpenIdConnectSignInOptions.Scheme, settings.DisplayName, oidc =>
        {
            oidc.Authority = authority;
            oidc.ClientId = settings.ClientId;
            oidc.ClientSecret = settings.ClientSecret;
            oidc.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            oidc.ResponseType = "code";
            oidc.UsePkce = true;
            // The code comes back in the query of a top-level GET, so SameSite=Lax cookies (correlation, nonce) travel with it.
            oidc.ResponseMode = "query";
            oidc.CallbackPath = CallbackPath;
            oidc.SignInScheme = IdentityConstants.ExternalScheme;
            oidc.MapInboundClaims = false;
            oidc.SaveTokens = false;
            oidc.GetClaimsFromUserInfoEndpoint = false;
            oidc.Scope.Clear();
            oidc.Scope.Add("openid");
            oidc.Scope.Add("profile");
            oidc.Scope.Add("email");
            oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
            oidc.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            oidc.NonceCookie.SameSite = SameSiteMode.Lax;
            oidc.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            oidc.Events.OnTokenValidated = context => Validated(context, authority);
            oidc.Events.OnRemoteFailure = Failed;
        });
    }

    /// <summary>The sign-in page's error code for a failed external sign-in.</summary>
    public static string ErrorCode(Exception? failure) => failure switch
    {
        SecurityTokenInvalidIssuerException => "external-issuer",
        { Message: var m } when m.Contains("invalid_client", StringComparison.Ordinal) || m.Contains("unauthorized_client", StringComparison.Ordinal) => "external-client",
        { Message: var m } when m.Contains("access_denied", StringComparison.Ordinal) => "external-denied",
        _ => "external",
    };

    private static Task Validated(TokenValidatedContext context, string authority)
    {
        // The handler trusts whatever issuer the discovery document names; Journeyscope wants the one it was configured with
        // (a provider that answers for another issuer is a misconfiguration or a mix-up attack).
        var principal = context.Principal!;
        var issuer = principal.FindFirstValue("iss") ?? principal.Claims.FirstOrDefault()?.Issuer ?? "";
        if (!string.Equals(issuer.TrimEnd('/'), authority, StringComparison.Ordinal))
        {
            context.Fail(new SecurityTokenInvalidIssuerException(
                $"The provider's ID token was issued by '{issuer}', not by the configured authority '{authority}'."));
            return Task.CompletedTask;
        }

        // Identity finds the external login by the NameIdentifier claim; without inbound mapping the subject is "sub".
        if (principal.FindFirst(ClaimTypes.NameIdentifier) is null && principal.FindFirstValue("sub") is { } subject && principal.Identity is ClaimsIdentity identity)
        {
            identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, subject));
        }

        return Task.CompletedTask;
    }

    private static async Task Failed(RemoteFailureContext context)
    {
        var http = context.HttpContext;
        var code = ErrorCode(context.Failure);
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OpenIdConnectSignIn))
            .LogWarning(context.Failure, "Sign-in with the OpenID Connect provider failed ({Code}).", code);
        await http.RequestServices.GetRequiredService<AuditLog>().WriteAsync("sign-in-failed", null, null, null,
            "OpenID Connect: " + context.Failure?.Message, http.Connection.RemoteIpAddress?.ToString(), http.RequestAborted).ConfigureAwait(false);
        context.Response.Redirect("/signin?error=" + code);
        context.HandleResponse();
    }
}
