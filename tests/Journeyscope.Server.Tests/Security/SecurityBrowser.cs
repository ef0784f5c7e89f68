using System.Text.RegularExpressions;
using Journeyscope.Cli;
using Journeyscope.Server.Security;
using Journeyscope.Server.Tests.Api;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Journeyscope.Server.Tests.Security;

/// <summary>What the security tests do as a browser would: a cookie-keeping client, the sign-in form, the CLI.</summary>
public static partial class SecurityBrowser
{
    public const string Password = "correct horse battery staple";

    /// <summary>A client of <paramref name="server"/> that keeps cookies and does not follow redirects.</summary>
    public static HttpClient Open(ServerFixture server) =>
        server.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Adds a local user with <see cref="Password"/> and a role in shop (through <c>journeyscope users role</c>).</summary>
    public static async Task AddUserAsync(ServerFixture server, string name, WorkspaceRole role, string? email = null)
    {
        using var scope = server.Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<JourneyscopeUser>>();
        (await users.CreateAsync(new JourneyscopeUser { UserName = name, Email = email, CreatedAt = DateTime.UtcNow }, Password)).Succeeded.ShouldBeTrue();
        Cli("users", "role", name, "--workspace", Path.Combine(server.Root, ServerFixture.Workspace), "--role", WorkspaceRoles.Name(role));
    }

    /// <summary>Loads <paramref name="page"/> and posts its form to <paramref name="action"/> with the anti-forgery token and <paramref name="fields"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string page, string action, params (string Name, string Value)[] fields)
    {
        var html = await browser.GetStringAsync(page, TestContext.Current.CancellationToken);
        var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = Token().Match(html).Groups[1].Value };
        foreach (var (name, value) in fields)
        {
            form[name] = value;
        }

        return await browser.PostAsync(action, new FormUrlEncodedContent(form), TestContext.Current.CancellationToken);
    }

    /// <summary>Signs in through the sign-in page's form.</summary>
    public static Task<HttpResponseMessage> SignInAsync(HttpClient browser, string name, string password = Password) =>
        PostFormAsync(browser, "/signin", "/account/signin", ("userName", name), ("password", password));

    /// <summary>Runs the <c>journeyscope</c> command and returns its output (it must succeed).</summary>
    public static string Cli(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        JourneyscopeCli.Run(args, output, error, interactive: false).ShouldBe(0, error.ToString());
        return output.ToString();
    }

    [GeneratedRegex("__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    public static partial Regex Token();
}
