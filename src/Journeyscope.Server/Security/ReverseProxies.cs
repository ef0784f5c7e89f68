using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Journeyscope.Server.Security;

/// <summary>
/// Believes <c>X-Forwarded-*</c> only from the configured reverse proxies (<see cref="ForwardedHeadersSettings"/>), so
/// that the audit log, the sign-in limits and the key-guess limits see the client's real address.
/// </summary>
public static class ReverseProxies
{
    /// <summary>Configures the forwarded-headers middleware with exactly the configured proxies (not the framework's loopback defaults).</summary>
    public static IServiceCollection ConfigureJourneyscopeProxies(this IServiceCollection services, ForwardedHeadersSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            forwarded.ForwardLimit = Math.Max(1, settings.ForwardLimit);
            foreach (var proxy in settings.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.TryParse(proxy.Trim(), out var address)
                    ? address
                    : throw new InvalidOperationException($"Journeyscope:Security:ForwardedHeaders:KnownProxies has '{proxy}', which is not an IP address."));
            }

            foreach (var network in settings.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network.Trim(), out var parsed)
                    ? parsed
                    : throw new InvalidOperationException($"Journeyscope:Security:ForwardedHeaders:KnownNetworks has '{network}', which is not a network in CIDR notation (10.0.0.0/24)."));
            }
        });
        return services;
    }

    /// <summary>Applies the forwarded headers, first in the pipeline, when a proxy is configured; otherwise they are ignored.</summary>
    public static WebApplication UseJourneyscopeProxies(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value.ForwardedHeaders.Enabled)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }
}
