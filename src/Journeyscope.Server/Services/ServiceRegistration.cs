using Journeyscope.Results;
using Journeyscope.Server.Collector;
using Journeyscope.Server.Monitoring;
using Journeyscope.Server.Notifications;
using Journeyscope.Server.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Journeyscope.Server.Services;

/// <summary>Registers the services behind the API and the UI.</summary>
public static class ServiceRegistration
{
    /// <summary>Adds the workspace host, the event log cache, the error handling, JSON settings and the OpenAPI document.</summary>
    public static IServiceCollection AddJourneyscopeServices(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(JourneyscopeServerOptions.SectionName);
        services.Configure<JourneyscopeServerOptions>(section);
        var settings = section.Get<JourneyscopeServerOptions>() ?? new JourneyscopeServerOptions();

        services.AddSingleton<WorkspaceHost>();
        services.AddSingleton<UploadFolder>();
        services.AddHostedService<KeptUploadExpiry>();
        services.AddSingleton<EventLogCache>();
        services.AddSingleton<AnalysisCache>();
        services.AddSingleton<LiveLogCache>();
        services.Configure<MonitoringOptions>(configuration.GetSection(MonitoringOptions.SectionName));
        services.AddSingleton<AlertNotifier>();
        services.AddSingleton<MonitorService>();
        services.AddHostedService<MonitorScheduler>();
        services.AddJourneyscopeCollector(configuration);
        services.AddJourneyscopeSecurity(configuration);
        services.AddJourneyscopeNotifications(configuration);
        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = StatusDetails.Fill);
        services.AddExceptionHandler<ApiExceptionHandler>();
        // One contract: the API writes results with the options the CLI's --format json and the UI use.
        services.ConfigureHttpJsonOptions(json => ResultJson.Configure(json.SerializerOptions));
        services.AddOpenApi();

        // A body or parameter that cannot be bound (malformed JSON, "limit=abc") throws, so that ApiExceptionHandler answers
        // with a 400 whose detail says what was wrong instead of an empty 400.
        services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);

        // The server-wide ceiling is the import limit; RequestSizeLimits lowers it for every other endpoint.
        services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = settings.MaxImportBytes);
        services.Configure<FormOptions>(form => form.MultipartBodyLengthLimit = settings.MaxImportBytes);
        return services;
    }

    /// <summary>
    /// Turns errors into ProblemDetails responses, refuses foreign hosts and cross-site state changes
    /// (<see cref="RequestOriginGuard"/>), authenticates and authorises callers and limits their rates
    /// (<see cref="SecurityRegistration.UseJourneyscopeSecurity"/>) and applies the request size limits.
    /// </summary>
    public static WebApplication UseJourneyscopeErrors(this WebApplication app)
    {
        app.UseJourneyscopeProxies();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestOriginGuard>();
        app.UseJourneyscopeSecurity();
        app.UseMiddleware<RequestSizeLimits>();
        return app;
    }

    /// <summary>
    /// Deletes the uploads a previous run left behind (a killed server cannot delete its in-flight uploads), and the
    /// folders of workspace deletions it did not finish.
    /// </summary>
    public static WebApplication SweepUploads(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Services.GetRequiredService<UploadFolder>().Sweep();
        app.Services.GetRequiredService<WorkspaceHost>().SweepDeleted();
        return app;
    }
}
