using System.Net;
using System.Text.RegularExpressions;
using Journeyscope.Cli;
using Journeyscope.Server.Security;
using Journeyscope.Server.Tests.Api;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Journeyscope.Server.Tests.Security;

/// <summary>Sign-in with a password (anti-forgery, lockout), one-time links, and key guessing.</summary>
public abstract partial class SignInSuite(ServerFixture server) : IAsyncLifetime
{
    private const string Password = "correct horse battery staple";
    private readonly ServerFixture _server = server;

    public async ValueTask InitializeAsync() => await _server.InitializeAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task SignIn_RightPassword_CookieReadsTheApi()
    {
        // Given a user with a password, member of shop
        await AddUserAsync("ann", WorkspaceRole.Viewer);
        using var browser = Browser();

        // When she signs in through the sign-in page's form
        using var signedIn = await SignInAsync(browser, "ann", Password);
        using var api = await browser.GetAsync("/api/v1/workspaces/shop/summary", TestContext.Current.CancellationToken);

        // Then she is sent on, and her cookie reads shop
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signedIn.Headers.Location!.ToString().ShouldBe("/");
        api.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SignIn_TenWrongPasswords_LockTheAccount()
    {
        // Given a user
        await AddUserAsync("bob", WorkspaceRole.Viewer);
        using var browser = Browser();

        // When ten wrong passwords are tried, then the right one
        for (var i = 0; i < 10; i++)
        {
            using var wrong = await SignInAsync(browser, "bob", "wrong password " + i);
            wrong.Headers.Location!.ToString().ShouldStartWith("/signin?error=");
        }

        using var right = await SignInAsync(browser, "bob", Password);

        // Then the account is locked: even the right password is refused, and the audit log has the failures
        right.Headers.Location!.ToString().ShouldStartWith("/signin?error=locked");
        using var scope = _server.Factory.Services.CreateScope();
        var audit = await scope.ServiceProvider.GetRequiredService<AuditLog>().ReadAsync(null, 100, TestContext.Current.CancellationToken);
        audit.Count(e => e.Action == "sign-in-failed" && e.Actor == "bob").ShouldBe(11);
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryToken_IsRefused()
    {
        // Given a user and a client that did not load the sign-in page
        await AddUserAsync("cid", WorkspaceRole.Viewer);
        using var client = Browser();

        // When it posts the form without the token
        using var response = await client.PostAsync("/account/signin",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = "cid", ["password"] = Password }), TestContext.Current.CancellationToken);

        // Then it is refused
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Link_UsedOnce_SignsInAndThenNoMore()
    {
        // Given a one-time link for the owner made with the CLI
        var link = Cli("users", "link", FirstStart.OwnerName, "--workspaces", _server.Root).Trim();
        using var browser = Browser();

        // When it is opened twice
        using var first = await browser.GetAsync(link, TestContext.Current.CancellationToken);
        using var workspaces = await browser.GetAsync("/api/v1/workspaces", TestContext.Current.CancellationToken);
        using var again = await Browser().GetAsync(link, TestContext.Current.CancellationToken);

        // Then the first signs in as the owner (who sees shop), the second is refused
        first.Headers.Location!.ToString().ShouldStartWith("/account");
        (await workspaces.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("\"shop\"");
        again.Headers.Location!.ToString().ShouldBe("/signin?error=link");
    }

    [Fact]
    public async Task Keys_GuessedTenTimes_Get429WithRetryAfter()
    {
        // Given a client guessing keys
        using var client = _server.CreateAnonymousClient();
        var statuses = new List<HttpStatusCode>();

        // When it tries eleven wrong keys and then the right owner key
        for (var i = 0; i < 11; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/workspaces");
            request.Headers.Authorization = new("Bearer", "jsk_" + new string((char)('a' + i), 43));
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
            if (i == 10)
            {
                response.Headers.RetryAfter.ShouldNotBeNull();
            }
        }

        using var right = new HttpRequestMessage(HttpMethod.Get, "/api/v1/workspaces");
        right.Headers.Authorization = new("Bearer", _server.OwnerKey);
        using var refused = await client.SendAsync(right, TestContext.Current.CancellationToken);

        // Then the first ten are 401, then 429 even for a right key from that address
        statuses.Take(10).ShouldAllBe(s => s == HttpStatusCode.Unauthorized);
        statuses[10].ShouldBe(HttpStatusCode.TooManyRequests);
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Keys_Revoked_AuthenticateNothing()
    {
        // Given a read key of shop, then revoked with the CLI
        var key = _server.CreateKey("read", ServerFixture.Workspace);
        using var client = ServerFixture.Authorize(_server.CreateAnonymousClient(), key);
        using var before = await client.GetAsync("/api/v1/workspaces/shop/summary", TestContext.Current.CancellationToken);
        Cli("keys", "revoke", key[..SecretKeys.PrefixLength], "--workspaces", _server.Root);

        // When it is used again
        using var after = await client.GetAsync("/api/v1/workspaces/shop/summary", TestContext.Current.CancellationToken);

        // Then it worked before and not after
        before.StatusCode.ShouldBe(HttpStatusCode.OK);
        after.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private HttpClient Browser() =>
        _server.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private async Task AddUserAsync(string name, WorkspaceRole role)
    {
        using var scope = _server.Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<JourneyscopeUser>>();
        var user = new JourneyscopeUser { UserName = name, CreatedAt = DateTime.UtcNow };
        (await users.CreateAsync(user, Password)).Succeeded.ShouldBeTrue();
        Cli("users", "role", name, "--workspace", Path.Combine(_server.Root, ServerFixture.Workspace), "--role", WorkspaceRoles.Name(role));
    }

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string name, string password)
    {
        var page = await browser.GetStringAsync("/signin", TestContext.Current.CancellationToken);
        var token = Token().Match(page).Groups[1].Value;
        return await browser.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["userName"] = name,
            ["password"] = password,
        }), TestContext.Current.CancellationToken);
    }

    private static string Cli(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        JourneyscopeCli.Run(args, output, error, interactive: false).ShouldBe(0, error.ToString());
        return output.ToString();
    }

    [GeneratedRegex("__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

/// <summary>Sign-in on the SQLite store.</summary>
public sealed class SignInTests() : SignInSuite(new ServerFixture());

/// <summary>Sign-in on the PostgreSQL store.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresSignInTests : SignInSuite
{
    public PostgresSignInTests()
        : base(new PostgresShopServer()) => PostgresStore.Require();
}
