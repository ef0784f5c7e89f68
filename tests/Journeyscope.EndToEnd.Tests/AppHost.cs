using System.Net;
using System.Net.Sockets;
using Journeyscope.Server.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Journeyscope.EndToEnd.Tests;

/// <summary>
/// The real server on Kestrel at a free localhost port, over a temporary workspaces root, signed in as its owner: the
/// owner's one-time sign-in link (what <c>journeyscope users link owner</c> prints) is opened once, and its cookie is
/// sent by <see cref="CreateClient"/> and given to browser contexts by <see cref="SignInAsync"/>.
/// </summary>
internal sealed class AppHost : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;
    private readonly CookieContainer _cookies = new();

    private AppHost(WebApplicationFactory<Program> factory, string root, Uri address)
    {
        _factory = factory;
        Root = root;
        Address = address;
    }

    public string Root { get; }

    public Uri Address { get; }

    public static AppHost Start() => Start("receipt", demo: false);

    /// <summary>
    /// The server with <paramref name="defaultWorkspace"/>; with <paramref name="demo"/>, the retail demo simulated into it first;
    /// <paramref name="services"/> adds test services (a request log).
    /// </summary>
    public static AppHost Start(string defaultWorkspace, bool demo, Action<IServiceCollection>? services = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "journeyscope-e2e-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        var port = FreePort();
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Journeyscope:WorkspacesRoot", root);
            builder.UseSetting("Journeyscope:DefaultWorkspace", defaultWorkspace);
            builder.UseSetting("Journeyscope:CreateDemo", demo ? "true" : "false");
            builder.UseSetting("DetailedErrors", "true");
            // appsettings.json binds 127.0.0.1:5080; tests take a free port so that runs never collide.
            builder.UseSetting("Urls", $"http://127.0.0.1:{port}");
            builder.UseEnvironment("Development");
            if (services is not null)
            {
                builder.ConfigureServices(services);
            }
        });
        factory.UseKestrel();
        factory.StartServer();
        var host = new AppHost(factory, root, new Uri($"http://127.0.0.1:{port}/"));
        host.SignInAsOwner();
        return host;
    }

    /// <summary>A client signed in as the owner (the session cookie).</summary>
    public HttpClient CreateClient() =>
        new(new HttpClientHandler { CookieContainer = _cookies, UseCookies = true }) { BaseAddress = Address, Timeout = TimeSpan.FromMinutes(5) };

    /// <summary>A one-time sign-in link of the owner, as <c>journeyscope users link owner</c> makes it.</summary>
    public string OwnerLink()
    {
        using var scope = _factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<JourneyscopeUser>>();
        var owner = users.FindByNameAsync(FirstStart.OwnerName).GetAwaiter().GetResult()!;
        return SignInLinks.IssueAsync(users, owner).GetAwaiter().GetResult();
    }

    /// <summary>Gives a browser context the owner's session cookie.</summary>
    public Task SignInAsync(IBrowserContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.AddCookiesAsync(_cookies.GetCookies(Address).Select(c => new Microsoft.Playwright.Cookie { Name = c.Name, Value = c.Value, Url = Address.ToString() }));
    }

    private void SignInAsOwner()
    {
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = _cookies, UseCookies = true, AllowAutoRedirect = false }) { BaseAddress = Address };
        using var response = client.GetAsync(OwnerLink().TrimStart('/')).GetAwaiter().GetResult();
        if (response.StatusCode != HttpStatusCode.Redirect || _cookies.GetCookies(Address).Count == 0)
        {
            throw new InvalidOperationException($"Signing in with the owner's link failed: {(int)response.StatusCode} {response.Headers.Location}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // DuckDB may still hold a file for a moment; the temp folder is cleaned by the OS.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
