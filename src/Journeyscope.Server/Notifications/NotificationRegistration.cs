using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Journeyscope.Server.Notifications;

/// <summary>Registers the webhook outbox and its sender.</summary>
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
        services.AddHttpClient(WebhookSender.ClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        return services;
    }
}
