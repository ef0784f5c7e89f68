using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Journeyscope.Server.Tests.Security;

/// <summary>
/// An OpenID Connect provider (OpenIddict) hosted in the test process on 127.0.0.1: authorization code flow with PKCE,
/// one confidential client. Its authorization endpoint signs in <see cref="NextUser"/> without asking (the test's user).
/// </summary>
public sealed class OpenIddictProvider : IAsyncDisposable
{
    public const string ClientId = "journeyscope";

    public const string ClientSecret = "provider-client-secret-1234";

    private readonly SqliteConnection _database = new("Data Source=:memory:");
    private WebApplication _app = null!;

    private OpenIddictProvider()
    {
    }

    /// <summary>The provider's issuer (and authority), <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri Issuer { get; private set; } = null!;

    /// <summary>Whom the authorization endpoint signs in next.</summary>
    public ExternalUser NextUser { get; set; } = new("subject-1", "ann@example.com", EmailVerified: true);

    /// <summary>How many authorization requests the provider answered.</summary>
    public int Authorizations { get; private set; }

    /// <summary>Starts a provider that accepts <paramref name="redirectUri"/> for <see cref="ClientId"/>.</summary>
    public static async Task<OpenIddictProvider> StartAsync(Uri redirectUri)
    {
        var provider = new OpenIddictProvider();
        await provider.RunAsync(redirectUri);
        return provider;
    }

    private async Task RunAsync(Uri redirectUri)
    {
        await _database.OpenAsync();
        var port = FreePort();
        Issuer = new Uri($"http://127.0.0.1:{port}/");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(Issuer.ToString().TrimEnd('/'));
        builder.Logging.ClearProviders();
        builder.Services.AddDbContext<DbContext>(db => db.UseSqlite(_database).UseOpenIddict());
        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<DbContext>())
            .AddServer(server =>
            {
                server.SetIssuer(Issuer);
                server.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                server.RegisterScopes(Scopes.Email, Scopes.Profile);
                server.AddEphemeralEncryptionKey().AddEphemeralSigningKey().DisableAccessTokenEncryption();
                server.UseAspNetCore().EnableAuthorizationEndpointPassthrough().DisableTransportSecurityRequirement();
            });
        builder.Services.AddAuthorization();
        _app = builder.Build();
        _app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], Authorize);

        using (var scope = _app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<DbContext>().Database.EnsureCreatedAsync();
            var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            await applications.CreateAsync(new OpenIddictApplicationDescriptor
            {
                ClientId = ClientId,
                ClientSecret = ClientSecret,
                ClientType = ClientTypes.Confidential,
                RedirectUris = { redirectUri },
                Permissions =
                {
                    Permissions.Endpoints.Authorization,
                    Permissions.Endpoints.Token,
                    Permissions.GrantTypes.AuthorizationCode,
                    Permissions.ResponseTypes.Code,
                    Permissions.Scopes.Email,
                    Permissions.Scopes.Profile,
                },
                Requirements = { Requirements.Features.ProofKeyForCodeExchange },
            });
        }

        await _app.StartAsync();
    }

    private SignInHttpResult Authorize(HttpContext http)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        Authorizations++;
        var user = NextUser;
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.AddClaim(new Claim(Claims.Subject, user.Subject));
        identity.AddClaim(new Claim(Claims.Name, user.Email ?? user.Subject));
        if (user.Email is not null)
        {
            identity.AddClaim(new Claim(Claims.Email, user.Email));
            identity.AddClaim(new Claim(Claims.EmailVerified, user.EmailVerified ? "true" : "false", ClaimValueTypes.Boolean));
        }

        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
        return TypedResults.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }
}

/// <summary>A user of the test's provider.</summary>
public sealed record ExternalUser(string Subject, string? Email, bool EmailVerified);
