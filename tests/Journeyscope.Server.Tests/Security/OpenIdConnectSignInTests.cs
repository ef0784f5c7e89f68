using System.Net;
using Journeyscope.Server.Security;
using Journeyscope.Server.Tests.Api;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

using static Journeyscope.Server.Tests.Security.SecurityBrowser;

namespace Journeyscope.Server.Tests.Security;

/// <summary>
/// Sign-in with an OpenID Connect provider: an OpenIddict provider on 127.0.0.1 in this process, the Journeyscope server
/// configured against it, and a browser (cookies, redirects followed across both) that signs in end to end.
/// </summary>
public sealed class OpenIdConnectSignInTests : IAsyncLifetime
{
    private const string Summary = "/api/v1/workspaces/shop/summary";
    private OpenIddictProvider _provider = null!;
    private ConfiguredServer? _server;

    public async ValueTask InitializeAsync() =>
        _provider = await OpenIddictProvider.StartAsync(new Uri("http://localhost" + OpenIdConnectSignIn.CallbackPath));

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        await _provider.DisposeAsync();
    }

    [Fact]
    public async Task SignIn_NewExternalUser_HasNoRolesUntilTheOwnerGrantsOne()
    {
        // Given a server configured against the provider, and a provider user unknown to it
        var server = await StartServerAsync();
        _provider.NextUser = new ExternalUser("sub-" + Guid.NewGuid().ToString("N")[..8], "dora@example.org", EmailVerified: true);
        using var browser = Open(server);

        // When she signs in with the provider, asking for shop's summary
        var page = await browser.GetStringAsync("/signin", TestContext.Current.CancellationToken);
        var (final, trail) = await SignInAsync(browser, Summary);
        var refused = final.StatusCode;
        SecurityBrowser.Cli("users", "role", "dora@example.org", "--workspace", Path.Combine(server.Root, ServerFixture.Workspace), "--role", "viewer");
        using var granted = await browser.GetAsync(Summary, TestContext.Current.CancellationToken);

        // Then the page offered the provider, the flow went through it and back, she was signed in as a new user without
        // roles (404: shop is not shown to exist for her), and once the owner granted viewer she reads shop
        page.ShouldContain("Sign in with Test provider");
        trail.ShouldContain(u => u.StartsWith(_provider.Issuer.ToString() + "connect/authorize", StringComparison.Ordinal));
        trail.ShouldContain(u => u.StartsWith(OpenIdConnectSignIn.CallbackPath, StringComparison.Ordinal));
        refused.ShouldBe(HttpStatusCode.NotFound);
        granted.StatusCode.ShouldBe(HttpStatusCode.OK);
        var audit = await AuditAsync(server);
        audit.ShouldContain(e => e.Action == "user-created" && e.Actor == "dora@example.org");
        audit.ShouldContain(e => e.Action == "sign-in" && e.Actor == "dora@example.org" && e.Detail!.Contains("Test provider"));
    }

    [Fact]
    public async Task SignIn_SecondTime_IsTheSameUser()
    {
        // Given a provider user who signed in once and was granted analyst
        var server = await StartServerAsync();
        _provider.NextUser = new ExternalUser("sub-again", "eve@example.org", EmailVerified: false);
        using (var first = Open(server))
        {
            (await SignInAsync(first, "/")).Final.Dispose();
        }

        SecurityBrowser.Cli("users", "role", "eve@example.org", "--workspace", Path.Combine(server.Root, ServerFixture.Workspace), "--role", "analyst");

        // When she signs in again in a new browser
        using var second = Open(server);
        var (final, _) = await SignInAsync(second, Summary);

        // Then it is the same account (the role holds), and only one user was made for her
        final.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var scope = server.Factory.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<UserManager<JourneyscopeUser>>().Users.Count(u => u.Email == "eve@example.org").ShouldBe(1);
    }

    [Theory]
    [InlineData(true, true, true)]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    public async Task SignIn_LocalUserWithTheSameEmail_LinksOnlyWhenConfiguredAndVerified(bool linkConfigured, bool verified, bool linked)
    {
        // Given a local user frank made with the CLI, viewer of shop, with an e-mail address, and the provider's user with that address
        var server = await StartServerAsync(("Journeyscope:Security:OpenIdConnect:LinkByVerifiedEmail", linkConfigured ? "true" : "false"));
        SecurityBrowser.Cli("users", "add", "frank", "--email", "Frank@Example.org", "--workspaces", server.Root);
        SecurityBrowser.Cli("users", "role", "frank", "--workspace", Path.Combine(server.Root, ServerFixture.Workspace), "--role", "viewer");
        _provider.NextUser = new ExternalUser("sub-frank", "frank@example.org", verified);
        using var browser = Open(server);

        // When he signs in with the provider
        var (final, _) = await SignInAsync(browser, Summary);

        // Then he is frank (reads shop) only when linking is configured and the provider verified the address
        final.StatusCode.ShouldBe(linked ? HttpStatusCode.OK : HttpStatusCode.NotFound);
        var audit = await AuditAsync(server);
        audit.Any(e => e.Action == "external-login-linked" && e.Actor == "frank").ShouldBe(linked);
        audit.Any(e => e.Action == "user-created" && e.Detail?.Contains("OpenID Connect", StringComparison.Ordinal) == true).ShouldBe(!linked);
    }

    [Fact]
    public async Task SignIn_WrongClientSecret_FailsWithAClearError()
    {
        // Given a server configured with the wrong client secret
        var server = await StartServerAsync(("Journeyscope:Security:OpenIdConnect:ClientSecret", "not-the-secret"));
        using var browser = Open(server);

        // When a user signs in with the provider
        var (final, trail) = await SignInAsync(browser, Summary);
        var page = await final.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Then the provider was asked, the code exchange was refused, and the sign-in page says the client secret is wrong
        trail.ShouldContain("/signin?error=external-client");
        page.ShouldContain("refused this server&#x27;s client id or secret");
        (await AuditAsync(server)).ShouldContain(e => e.Action == "sign-in-failed" && e.Detail!.Contains("invalid_client"));
        using var api = await browser.GetAsync(Summary, TestContext.Current.CancellationToken);
        api.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task SignIn_ProviderAnswersForAnotherIssuer_FailsWithAClearError()
    {
        // Given a server whose authority (localhost) is not the issuer the provider puts in its tokens (127.0.0.1)
        var server = await StartServerAsync(("Journeyscope:Security:OpenIdConnect:Authority", "http://localhost:" + _provider.Issuer.Port + "/"));
        using var browser = Open(server);

        // When a user signs in with the provider
        var (final, trail) = await SignInAsync(browser, Summary);
        var page = await final.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Then the ID token is refused and the sign-in page names the authority as the thing to check
        trail.ShouldContain("/signin?error=external-issuer");
        page.ShouldContain("another issuer than the configured authority");
        (await AuditAsync(server)).ShouldContain(e => e.Action == "sign-in-failed" && e.Detail!.Contains("not by the configured authority"));
    }

    [Fact]
    public async Task SignIn_AuthorityWithoutProvider_FailsWithAClearError()
    {
        // Given a server whose authority answers nothing
        var server = await StartServerAsync(("Journeyscope:Security:OpenIdConnect:Authority", _provider.Issuer + "nothing-here/"));
        using var browser = Open(server);

        // When a user signs in with the provider
        var (final, trail) = await SignInAsync(browser, Summary);
        var page = await final.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Then the provider was never reached and the page says its configuration could not be read
        trail.ShouldContain("/signin?error=external-unreachable");
        page.ShouldContain("Could not read Test provider&#x27;s configuration");
        _provider.Authorizations.ShouldBe(0);
    }

    private async Task<ConfiguredServer> StartServerAsync(params (string Key, string Value)[] overrides)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Journeyscope:Security:OpenIdConnect:Authority"] = _provider.Issuer.ToString(),
            ["Journeyscope:Security:OpenIdConnect:ClientId"] = OpenIddictProvider.ClientId,
            ["Journeyscope:Security:OpenIdConnect:ClientSecret"] = OpenIddictProvider.ClientSecret,
            ["Journeyscope:Security:OpenIdConnect:DisplayName"] = "Test provider",
            ["Journeyscope:Security:OpenIdConnect:RequireHttpsMetadata"] = "false",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        _server = new ConfiguredServer([.. settings.Select(s => (s.Key, s.Value))]);
        await _server.InitializeAsync();
        return _server;
    }

    /// <summary>
    /// Posts the sign-in page's "Sign in with" form and follows every redirect: those to the provider with a cookie-keeping
    /// client of its own, those back to Journeyscope with <paramref name="browser"/>. Returns the last answer and the trail.
    /// </summary>
    private async Task<(HttpResponseMessage Final, List<string> Trail)> SignInAsync(HttpClient browser, string returnUrl)
    {
        var page = await browser.GetStringAsync("/signin", TestContext.Current.CancellationToken);
        var token = SecurityBrowser.Token().Match(page).Groups[1].Value;
        using var providerClient = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true });
        var response = await browser.PostAsync("/account/external", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["returnUrl"] = returnUrl,
        }), TestContext.Current.CancellationToken);
        var trail = new List<string>();
        for (var hops = 0; (int)response.StatusCode is >= 300 and < 400 && hops < 20; hops++)
        {
            var location = response.Headers.Location!;
            response.Dispose();
            var fromProvider = location.IsAbsoluteUri && location.Port == _provider.Issuer.Port;
            trail.Add(fromProvider ? location.ToString() : location.IsAbsoluteUri ? location.PathAndQuery : location.ToString());
            response = fromProvider
                ? await providerClient.GetAsync(location, TestContext.Current.CancellationToken)
                : await browser.GetAsync(trail[^1], TestContext.Current.CancellationToken);
        }

        return (response, trail);
    }

    private static async Task<IReadOnlyList<AuditEntry>> AuditAsync(ServerFixture server)
    {
        using var scope = server.Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AuditLog>().ReadAsync(null, 200, TestContext.Current.CancellationToken);
    }
}
