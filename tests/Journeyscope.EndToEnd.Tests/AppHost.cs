using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Journeyscope.EndToEnd.Tests;

/// <summary>The real server on Kestrel at a free localhost port, over a temporary workspaces root.</summary>
internal sealed class AppHost : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;

    private AppHost(WebApplicationFactory<Program> factory, string root, Uri address)
    {
        _factory = factory;
        Root = root;
        Address = address;
    }

    public string Root { get; }

    public Uri Address { get; }

    public static AppHost Start() => Start("receipt", demo: false);

    /// <summary>The server with <paramref name="defaultWorkspace"/>; with <paramref name="demo"/>, the retail demo simulated into it first.</summary>
    public static AppHost Start(string defaultWorkspace, bool demo)
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
        });
        factory.UseKestrel();
        factory.StartServer();
        return new AppHost(factory, root, new Uri($"http://127.0.0.1:{port}/"));
    }

    public HttpClient CreateClient() => new() { BaseAddress = Address, Timeout = TimeSpan.FromMinutes(5) };

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
