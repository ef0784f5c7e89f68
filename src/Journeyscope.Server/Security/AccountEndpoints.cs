using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Journeyscope.Server.Security;

/// <summary>
/// Sign-in, one-time links, sign-out and password changes for the web UI (<c>/account/...</c>): HTML form posts with
/// ASP.NET Core's anti-forgery token, answered with redirects to the UI's pages.
/// </summary>
internal static class AccountEndpoints
{
    /// <summary>The rate-limiter policy of sign-in attempts (per client address).</summary>
    public const string SignInPolicy = "sign-in";

    private const int RecoveryCodeCount = 10;

    public static void Map(WebApplication app)
    {
        var account = app.MapGroup("/account").ExcludeFromDescription();
        account.MapGet("/link", LinkAsync).AllowAnonymous();
        account.MapPost("/signin", SignInAsync).AllowAnonymous().RequireRateLimiting(SignInPolicy);
        account.MapPost("/two-factor", TwoFactorAsync).AllowAnonymous().RequireRateLimiting(SignInPolicy);
        account.MapPost("/signout", SignOutAsync).RequireSignedIn();
        account.MapPost("/password", PasswordAsync).RequireSignedIn();
        account.MapPost("/totp", TotpAsync).RequireSignedIn();
        ExternalSignInEndpoints.Map(account);
    }

    private static async Task<IResult> LinkAsync(
        string? user, string? token, HttpContext http, UserManager<JourneyscopeUser> users, SignInManager<JourneyscopeUser> signIn, AuditLog audit)
    {
        var found = await SignInLinks.RedeemAsync(users, user, token).ConfigureAwait(false);
        if (found is null)
        {
            await audit.WriteAsync("sign-in-failed", null, null, null, "one-time link invalid, used or expired",
                http.Connection.RemoteIpAddress?.ToString(), http.RequestAborted).ConfigureAwait(false);
            return TypedResults.Redirect("/signin?error=link");
        }

        await signIn.SignInAsync(found, isPersistent: false).ConfigureAwait(false);
        await audit.WriteAsync("sign-in", null, found.UserName, found.UserName, "one-time link", http.Connection.RemoteIpAddress?.ToString(), http.RequestAborted)
            .ConfigureAwait(false);
        return TypedResults.Redirect(await users.HasPasswordAsync(found).ConfigureAwait(false) ? "/" : "/account?welcome=1");
    }

    private static async Task<IResult> SignInAsync(
        [FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl, HttpContext http,
        SignInManager<JourneyscopeUser> signIn, AuditLog audit)
    {
        var name = userName?.Trim() ?? "";
        var result = name.Length == 0 || string.IsNullOrEmpty(password)
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(name, password, isPersistent: false, lockoutOnFailure: true).ConfigureAwait(false);
        var address = http.Connection.RemoteIpAddress?.ToString();
        if (result.Succeeded)
        {
            await audit.WriteAsync("sign-in", null, name, name, "password", address, http.RequestAborted).ConfigureAwait(false);
            return TypedResults.LocalRedirect(LocalOrHome(returnUrl));
        }

        if (result.RequiresTwoFactor)
        {
            return TypedResults.Redirect("/signin/two-factor?returnUrl=" + Uri.EscapeDataString(LocalOrHome(returnUrl)));
        }

        await audit.WriteAsync("sign-in-failed", null, name, name, result.IsLockedOut ? "locked out" : "wrong name or password", address, http.RequestAborted)
            .ConfigureAwait(false);
        return TypedResults.Redirect("/signin?error=" + (result.IsLockedOut ? "locked" : "failed") + "&returnUrl=" + Uri.EscapeDataString(LocalOrHome(returnUrl)));
    }

    private static async Task<IResult> TwoFactorAsync(
        [FromForm] string? code, [FromForm] string? returnUrl, HttpContext http, SignInManager<JourneyscopeUser> signIn, AuditLog audit)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync().ConfigureAwait(false);
        var typed = (code ?? "").Replace(" ", "", StringComparison.Ordinal);
        var clean = typed.Replace("-", "", StringComparison.Ordinal);
        // Six digits are an authenticator code; anything else is tried as a recovery code (XXXXX-XXXXX, each works once).
        var recovery = clean.Length > 0 && !(clean.Length == 6 && clean.All(char.IsAsciiDigit));
        var result = user is null || clean.Length == 0
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : recovery
                ? await signIn.TwoFactorRecoveryCodeSignInAsync(typed).ConfigureAwait(false)
                : await signIn.TwoFactorAuthenticatorSignInAsync(clean, isPersistent: false, rememberClient: false).ConfigureAwait(false);
        var address = http.Connection.RemoteIpAddress?.ToString();
        var factor = recovery ? "recovery code" : "authenticator code";
        if (result.Succeeded)
        {
            await audit.WriteAsync("sign-in", null, user!.UserName, user.UserName, "password and " + factor, address, http.RequestAborted).ConfigureAwait(false);
            return TypedResults.LocalRedirect(LocalOrHome(returnUrl));
        }

        await audit.WriteAsync("sign-in-failed", null, user?.UserName, user?.UserName, "wrong " + factor, address, http.RequestAborted).ConfigureAwait(false);
        return TypedResults.Redirect(user is null ? "/signin?error=failed" : "/signin/two-factor?error=code&returnUrl=" + Uri.EscapeDataString(LocalOrHome(returnUrl)));
    }

    private static async Task<IResult> SignOutAsync(HttpContext http, SignInManager<JourneyscopeUser> signIn, AuditLog audit)
    {
        await audit.WriteAsync(http, "sign-out", null, http.User.Identity?.Name).ConfigureAwait(false);
        await signIn.SignOutAsync().ConfigureAwait(false);
        return TypedResults.Redirect("/signin");
    }

    private static async Task<IResult> PasswordAsync(
        [FromForm] string? current, [FromForm] string? password, HttpContext http, UserManager<JourneyscopeUser> users, SignInManager<JourneyscopeUser> signIn,
        AuditLog audit)
    {
        var user = await users.GetUserAsync(http.User).ConfigureAwait(false);
        if (user is null)
        {
            return TypedResults.Redirect("/signin");
        }

        var result = await users.HasPasswordAsync(user).ConfigureAwait(false)
            ? await users.ChangePasswordAsync(user, current ?? "", password ?? "").ConfigureAwait(false)
            : await users.AddPasswordAsync(user, password ?? "").ConfigureAwait(false);
        if (!result.Succeeded)
        {
            var why = string.Join(" ", result.Errors.Select(e => e.Description));
            return TypedResults.Redirect("/account?error=" + Uri.EscapeDataString(why));
        }

        await signIn.RefreshSignInAsync(user).ConfigureAwait(false);
        await audit.WriteAsync(http, "password-changed", null, user.UserName).ConfigureAwait(false);
        return TypedResults.Redirect("/account?done=password");
    }

    private static async Task<IResult> TotpAsync([FromForm] string? code, HttpContext http, UserManager<JourneyscopeUser> users, AuditLog audit)
    {
        var user = await users.GetUserAsync(http.User).ConfigureAwait(false);
        if (user is null)
        {
            return TypedResults.Redirect("/signin");
        }

        var clean = (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, clean).ConfigureAwait(false))
        {
            return TypedResults.Redirect("/account?error=" + Uri.EscapeDataString("That code did not match: enter the current code of your authenticator app."));
        }

        await users.SetTwoFactorEnabledAsync(user, true).ConfigureAwait(false);
        var recoveryCodes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount).ConfigureAwait(false) ?? [];
        await audit.WriteAsync(http, "two-factor-enabled", null, user.UserName).ConfigureAwait(false);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Content(RecoveryCodesPage(recoveryCodes), "text/html; charset=utf-8");
    }

    /// <summary>The page shown once when the second factor is turned on: the recovery codes, each of which signs in once.</summary>
    private static string RecoveryCodesPage(IEnumerable<string> codes)
    {
        var items = string.Concat(codes.Select(c => "<li><code>" + System.Net.WebUtility.HtmlEncode(c) + "</code></li>"));
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Recovery codes · Journeyscope</title></head>" +
            "<body style=\"font-family:sans-serif;max-width:36rem;margin:2rem auto\"><h2 style=\"font-size:1.2rem\" data-testid=\"account-done\">" +
            "The authenticator app is on</h2><p>Keep these recovery codes somewhere safe. If you lose your authenticator app, each of them " +
            "signs you in once in place of a code. They are shown only now.</p><ul data-testid=\"recovery-codes\">" + items + "</ul>" +
            "<p><a href=\"/account\">Back to your account</a></p></body></html>";
    }

    /// <summary><paramref name="returnUrl"/> when it is a local path, else <c>/</c> (no open redirects).</summary>
    internal static string LocalOrHome(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url : "/";
}
