using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Journeyscope.Server.Security;

/// <summary>
/// Authenticates <c>Authorization: Bearer jsk_...</c> (secret keys) and <c>Bearer jsu_...</c> (the UI's tokens for its
/// signed-in user). Failed key attempts count per address (<see cref="KeyGuessLimiter"/>): past the limit the answer is
/// 429 with Retry-After.
/// </summary>
public sealed class BearerKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    SecurityDb db,
    UiToken uiTokens,
    KeyGuessLimiter guesses,
    AuditLog audit,
    AccessCache cache,
    TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "JourneyscopeBearer";

    private const string LimitedItem = "journeyscope:key-guess-limited";

    /// <summary>Whether a request carries a bearer token (then this scheme, not the cookie, authenticates it).</summary>
    public static bool HasBearer(HttpRequest request) =>
        request?.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) == true;

    /// <inheritdoc />
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!HasBearer(Request))
        {
            return AuthenticateResult.NoResult();
        }

        var token = Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
        if (!token.StartsWith(SecretKeys.Prefix, StringComparison.Ordinal) && !token.StartsWith(UiToken.Prefix, StringComparison.Ordinal))
        {
            return AuthenticateResult.NoResult(); // not ours (another service's token): the caller stays anonymous
        }

        var address = Context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!guesses.Allows(address))
        {
            Context.Items[LimitedItem] = true;
            return AuthenticateResult.Fail("Too many failed key attempts from this address.");
        }

        if (token.StartsWith(UiToken.Prefix, StringComparison.Ordinal))
        {
            var userId = uiTokens.Read(token);
            var user = userId is null ? null : await cache.UserAsync(db, userId, Context.RequestAborted).ConfigureAwait(false);
            if (user is null)
            {
                guesses.Fail(address);
                return AuthenticateResult.Fail("The UI token is invalid or expired.");
            }

            var identity = new ClaimsIdentity(
                [new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, user.UserName ?? user.Id)], SchemeName);
            return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
        }

        var key = SecretKeys.IsWellFormed(token)
            ? await cache.KeyAsync(db, token, SecretKeys.Hash(token), Context.RequestAborted).ConfigureAwait(false)
            : null;
        if (key is null)
        {
            guesses.Fail(address);
            await audit.WriteAsync("key-refused", null, "anonymous", token.Length >= SecretKeys.PrefixLength ? token[..SecretKeys.PrefixLength] : null,
                null, address, Context.RequestAborted).ConfigureAwait(false);
            return AuthenticateResult.Fail("The key is unknown or revoked.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (key.LastUsedAt is null || now - key.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            key.LastUsedAt = now;
            var id = key.Id;
            await db.ApiKeys.Where(k => k.Id == id).ExecuteUpdateAsync(k => k.SetProperty(x => x.LastUsedAt, now), Context.RequestAborted).ConfigureAwait(false);
        }

        List<Claim> claims =
        [
            new(ClaimTypes.Name, "key:" + key.Prefix),
            new(CallerClaims.KeyPrefix, key.Prefix),
            new(CallerClaims.KeyScope, ((int)key.Scope).ToString(CultureInfo.InvariantCulture)),
        ];
        if (key.Workspace is not null)
        {
            claims.Add(new Claim(CallerClaims.KeyWorkspace, key.Workspace));
        }

        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    /// <inheritdoc />
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items.ContainsKey(LimitedItem))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = ((int)KeyGuessLimiter.Window.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        }

        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
