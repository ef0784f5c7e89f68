using System.Globalization;
using System.Threading.RateLimiting;
using Journeyscope.Server.Services;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Journeyscope.Server.Security;

/// <summary>Registers and applies authentication (cookie or bearer key), authorisation, rate limits and the security store.</summary>
public static class SecurityRegistration
{
    /// <summary>The authentication scheme that picks the bearer handler for <c>Authorization: Bearer</c> and the cookie otherwise.</summary>
    public const string Scheme = "Journeyscope";

    /// <summary>Adds the security store, Identity, cookie and key authentication, a sign-in-required fallback policy and the rate limits.</summary>
    public static IServiceCollection AddJourneyscopeSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SecurityOptions.SectionName);
        services.Configure<SecurityOptions>(section);
        var options = section.Get<SecurityOptions>() ?? new SecurityOptions();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSecurityStore(options, provider => provider.GetRequiredService<WorkspaceHost>().Root).AddSignInManager();
        services.AddScoped<CallerAccess>();
        services.AddSingleton(provider => new AccessCache(provider.GetRequiredService<SecurityChanges>(), options.AccessCache));
        services.AddScoped<AuditLog>();
        services.AddSingleton<UiToken>();
        services.AddSingleton<KeyGuessLimiter>();
        services.AddSingleton<ImportSlots>();
        services.AddHttpContextAccessor();

        var authentication = services.AddAuthentication(auth =>
            {
                auth.DefaultScheme = Scheme;
                auth.DefaultChallengeScheme = Scheme;
                auth.DefaultForbidScheme = Scheme;
            })
            .AddPolicyScheme(Scheme, "Cookie or bearer key", policy => policy.ForwardDefaultSelector = http =>
                BearerKeyHandler.HasBearer(http.Request) ? BearerKeyHandler.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, BearerKeyHandler>(BearerKeyHandler.SchemeName, null);
        authentication.AddIdentityCookies();
        if (options.OpenIdConnect.Enabled)
        {
            authentication.AddOpenIdConnectSignIn(options.OpenIdConnect);
        }

        services.ConfigureJourneyscopeProxies(options.ForwardedHeaders);
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "journeyscope";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.LoginPath = "/signin";
            cookie.AccessDeniedPath = "/signin";
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
            // The API answers 401/403; only pages redirect to the sign-in page.
            cookie.Events.OnRedirectToLogin = context => Answer(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => Answer(context, StatusCodes.Status403Forbidden);
        });

        services.AddAuthorization(authorization =>
            authorization.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        services.AddRateLimiter(limits =>
        {
            limits.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limits.OnRejected = (context, _) =>
            {
                var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            // Per key and per user: a token bucket refilled every second.
            limits.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => Caller(http) is { } caller
                ? RateLimitPartition.GetTokenBucketLimiter(caller, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = Math.Max(1, options.RequestsPerMinute),
                    TokensPerPeriod = Math.Max(1, options.RequestsPerMinute / 60),
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter("anonymous"));
            limits.AddPolicy(AccountEndpoints.SignInPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, options.SignInsPerMinute), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return services;
    }

    /// <summary>Authenticates, authorises and rate-limits requests (after routing, before the endpoints).</summary>
    public static WebApplication UseJourneyscopeSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    /// <summary>Maps the account endpoints (<c>/account/...</c>).</summary>
    public static WebApplication MapJourneyscopeAccount(this WebApplication app)
    {
        AccountEndpoints.Map(app);
        return app;
    }

    private static string? Caller(HttpContext http)
    {
        if (http.User.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        return http.User.FindFirst(CallerClaims.KeyPrefix)?.Value is { } prefix ? "key:" + prefix : "user:" + CallerClaims.UserId(http.User);
    }

    private static Task Answer(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || context.Request.Path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
