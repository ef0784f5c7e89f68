using System.Net.Sockets;
using Journeyscope.Cli.Commands;
using Journeyscope.Server;
using Journeyscope.Server.Security;
using Journeyscope.Server.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Journeyscope.Cli.Bench;

/// <summary>
/// The real server in this process, on a free port of 127.0.0.1, over the workspaces in a folder (no demo): what the
/// benchmarks that go through HTTP (<c>bench collector</c>, <c>bench live</c>) send their requests to.
/// </summary>
internal sealed class BenchServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BenchServer(WebApplication app, HttpClient client, string ownerKey)
    {
        _app = app;
        Client = client;
        OwnerKey = ownerKey;
    }

    /// <summary>A client with the server's address as its base address (5 minutes' timeout).</summary>
    public HttpClient Client { get; }

    /// <summary>A server-wide secret key with the owner's scope (send as <c>Authorization: Bearer</c> to read the API).</summary>
    public string OwnerKey { get; }

    /// <summary>The server's services (its caches, for benchmarks that clear them between sides).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Builds and starts the server over the workspaces in <paramref name="root"/>, logging warnings only and to standard
    /// error (the report owns standard output); an owner account made beforehand keeps the first start's sign-in link off it.
    /// </summary>
    public static async Task<BenchServer> StartAsync(string root, CancellationToken cancellationToken)
    {
        string ownerKey;
        var services = await SecurityFolder.OpenAsync(root, cancellationToken).ConfigureAwait(false);
        await using (services.ConfigureAwait(false))
        {
            using var scope = services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<UserManager<JourneyscopeUser>>()
                .CreateAsync(new JourneyscopeUser { UserName = "bench", IsOwner = true, CreatedAt = DateTime.UtcNow }).ConfigureAwait(false);
            ownerKey = await SecretKeys.CreateAsync(scope.ServiceProvider.GetRequiredService<SecurityDb>(), null, WorkspaceRole.Owner, "bench", "bench",
                TimeProvider.System, cancellationToken).ConfigureAwait(false);
        }

        var address = $"http://127.0.0.1:{FreePort()}";
        string[] args =
        [
            "--urls", address,
            $"--{JourneyscopeServerOptions.SectionName}:{nameof(JourneyscopeServerOptions.WorkspacesRoot)}={root}",
            $"--{JourneyscopeServerOptions.SectionName}:{nameof(JourneyscopeServerOptions.CreateDemo)}=false",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:Console:LogToStandardErrorThreshold=Trace",
        ];
        var app = await JourneyscopeWebApp.BuildAsync(args, cancellationToken).ConfigureAwait(false);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new BenchServer(app, new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(5) }, ownerKey);
    }

    /// <summary>Stops the server (pending requests finish).</summary>
    public Task StopAsync(CancellationToken cancellationToken) => _app.StopAsync(cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
