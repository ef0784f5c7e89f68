using Journeyscope.Server.Monitoring;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Journeyscope.Server.Notifications;

/// <summary>Registers the webhook outbox and its sender, and the live monitor (live conformance and rules).</summary>
public static class NotificationRegistration
{
    /// <summary>Adds <see cref="WebhookOutbox"/>, the <see cref="WebhookSender"/> background service and its HTTP client.</summary>
    public static IServiceCollection AddJourneyscopeNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<WebhookOptions>(configuration.GetSection(WebhookOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<WebhookOutbox>();
        services.AddSingleton<WebhookSender>();
        services.AddHostedService(provider => provider.GetRequiredService<WebhookSender>());
        services.Configure<LiveMonitorOptions>(configuration.GetSection(LiveMonitorOptions.SectionName));
        services.AddSingleton<LiveMonitor>();
        services.AddHostedService(provider => provider.GetRequiredService<LiveMonitor>());
        services.AddHttpClient(WebhookSender.ClientName)
            .ConfigurePrimaryHttpMessageHandler(WebhookPoster.Handler);
        return services;
    }
}
