using System.Net;
using Journeyscope.Server.Tests.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Journeyscope.Server.Tests.Security;

/// <summary>
/// The shop server with extra settings, and optionally every request arriving from <see cref="RemoteAddress"/> (the test
/// host has no network connection, so this stands in for the peer a proxy or a client connects from).
/// </summary>
public sealed class ConfiguredServer : ServerFixture
{
    public ConfiguredServer(IPAddress? remoteAddress, params (string Key, string Value)[] settings)
    {
        RemoteAddress = remoteAddress;
        foreach (var (key, value) in settings)
        {
            Set(key, value);
        }
    }

    public ConfiguredServer(params (string Key, string Value)[] settings)
        : this(null, settings)
    {
    }

    public IPAddress? RemoteAddress { get; }

    protected override void ConfigureHost(IWebHostBuilder builder)
    {
        if (RemoteAddress is { } address)
        {
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new PeerAddress(address)));
        }
    }

    private sealed class PeerAddress(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                context.Connection.RemoteIpAddress = address;
                return following(context);
            });
            next(app);
        };
    }
}
