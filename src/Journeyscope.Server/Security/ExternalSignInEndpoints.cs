using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Journeyscope.Server.Security;

/// <summary>
/// <c>POST /account/external</c> sends the browser to the OpenID Connect provider; <c>GET /account/external/callback</c>
/// turns its answer into a Journeyscope user: the one linked before, else (when configured) the local user with the same
/// verified e-mail address, else a new user with no workspace roles.
/// </summary>
internal static class ExternalSignInEndpoints
{
    public static void Map(RouteGroupBuilder account)
    {
        account.MapPost("/external", ChallengeAsync).AllowAnonymous().RequireRateLimiting(AccountEndpoints.SignInPolicy);
        account.MapGet("/external/callback", CallbackAsync).AllowAnonymous().RequireRateLimiting(AccountEndpoints.SignInPolicy);
    }

    private static async Task<IResult> ChallengeAsync(
        [FromForm] string? returnUrl, HttpContext http, SignInManager<JourneyscopeUser> signIn, IOptions<SecurityOptions> options, AuditLog audit)
    {
        var settings = options.Value.OpenIdConnect;
        if (!settings.Enabled)
        {
            return TypedResults.Redirect("/signin?error=external");
        }

        var callback = "/account/external/callback?returnUrl=" + Uri.EscapeDataString(AccountEndpoints.LocalOrHome(returnUrl));
        var properties = signIn.ConfigureExternalAuthenticationProperties(OpenIdConnectSignInOptions.Scheme, callback);
        try
        {
            await http.ChallengeAsync(OpenIdConnectSignInOptions.Scheme, properties).ConfigureAwait(false);
            return TypedResults.Empty;
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException)
        {
            // The discovery document could not be read: a wrong authority, or the provider is down.
            await audit.WriteAsync("sign-in-failed", null, null, null, "OpenID Connect: " + e.Message, http.Connection.RemoteIpAddress?.ToString(), http.RequestAborted)
                .ConfigureAwait(false);
            return TypedResults.Redirect("/signin?error=external-unreachable");
        }
    }

    private static async Task<IResult> CallbackAsync(
        string? returnUrl, HttpContext http, SignInManager<JourneyscopeUser> signIn, UserManager<JourneyscopeUser> users, IOptions<SecurityOptions> options,
        AuditLog audit, TimeProvider time)
    {
        var settings = options.Value.OpenIdConnect;
        var address = http.Connection.RemoteIpAddress?.ToString();
        var info = await signIn.GetExternalLoginInfoAsync().ConfigureAwait(false);
        if (info is null)
        {
            await audit.WriteAsync("sign-in-failed", null, null, null, "OpenID Connect: no external sign-in to complete", address, http.RequestAborted).ConfigureAwait(false);
            return TypedResults.Redirect("/signin?error=external");
        }

        var method = settings.DisplayName + " (OpenID Connect)";
        var result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: false).ConfigureAwait(false);
        var user = await users.FindByLoginAsync(info.LoginProvider, info.ProviderKey).ConfigureAwait(false);
        if (user is null)
        {
            (user, var how) = await LinkOrCreateAsync(info.Principal, settings, users, time).ConfigureAwait(false);
            if (user is null)
            {
                await audit.WriteAsync("sign-in-failed", null, null, null, method + ": " + how, address, http.RequestAborted).ConfigureAwait(false);
                return TypedResults.Redirect("/signin?error=external");
            }

            await audit.WriteAsync(how == "linked" ? "external-login-linked" : "user-created", null, user.UserName, user.UserName,
                how == "linked" ? method + ": linked by verified e-mail" : method + ": first sign-in, no workspace roles", address, http.RequestAborted).ConfigureAwait(false);
            result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: false).ConfigureAwait(false);
        }

        await http.SignOutAsync(IdentityConstants.ExternalScheme).ConfigureAwait(false);
        var next = AccountEndpoints.LocalOrHome(returnUrl);
        if (result.Succeeded)
        {
            await audit.WriteAsync("sign-in", null, user.UserName, user.UserName, method, address, http.RequestAborted).ConfigureAwait(false);
            return TypedResults.LocalRedirect(next);
        }

        if (result.RequiresTwoFactor)
        {
            return TypedResults.Redirect("/signin/two-factor?returnUrl=" + Uri.EscapeDataString(next));
        }

        await audit.WriteAsync("sign-in-failed", null, user.UserName, user.UserName, method + (result.IsLockedOut ? ": locked out" : ": refused"), address, http.RequestAborted)
            .ConfigureAwait(false);
        return TypedResults.Redirect("/signin?error=" + (result.IsLockedOut ? "locked" : "external"));
    }

    private static async Task<(JourneyscopeUser? User, string How)> LinkOrCreateAsync(
        ClaimsPrincipal external, OpenIdConnectSignInOptions settings, UserManager<JourneyscopeUser> users, TimeProvider time)
    {
        var email = external.FindFirstValue(settings.EmailClaim);
        var verified = string.Equals(external.FindFirstValue("email_verified"), "true", StringComparison.OrdinalIgnoreCase);
        var login = new UserLoginInfo(OpenIdConnectSignInOptions.Scheme, external.FindFirstValue(ClaimTypes.NameIdentifier)!, settings.DisplayName);
        if (settings.LinkByVerifiedEmail && verified && !string.IsNullOrWhiteSpace(email))
        {
            var normalized = users.NormalizeEmail(email);
            var same = await users.Users.Where(u => u.NormalizedEmail == normalized).Take(2).ToListAsync().ConfigureAwait(false);
            if (same.Count == 1)
            {
                var linked = await users.AddLoginAsync(same[0], login).ConfigureAwait(false);
                return linked.Succeeded ? (same[0], "linked") : (null, Describe(linked));
            }
        }

        var user = new JourneyscopeUser
        {
            UserName = await FreeNameAsync(users, email ?? external.FindFirstValue("preferred_username") ?? external.FindFirstValue("name") ?? "user").ConfigureAwait(false),
            Email = email,
            EmailConfirmed = verified && email is not null,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user).ConfigureAwait(false);
        if (!created.Succeeded)
        {
            return (null, Describe(created));
        }

        var added = await users.AddLoginAsync(user, login).ConfigureAwait(false);
        return added.Succeeded ? (user, "created") : (null, Describe(added));
    }

    private static async Task<string> FreeNameAsync(UserManager<JourneyscopeUser> users, string wanted)
    {
        var allowed = users.Options.User.AllowedUserNameCharacters;
        var name = new StringBuilder();
        foreach (var c in wanted)
        {
            if (allowed.Contains(c, StringComparison.Ordinal))
            {
                name.Append(c);
            }
        }

        var stem = name.Length == 0 ? "user" : name.ToString();
        var candidate = stem;
        for (var i = 2; await users.FindByNameAsync(candidate).ConfigureAwait(false) is not null; i++)
        {
            candidate = stem + "-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    private static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));
}
