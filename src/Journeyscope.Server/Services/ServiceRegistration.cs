namespace Journeyscope.Server.Services;

/// <summary>Registers the services behind the API and the UI.</summary>
public static class ServiceRegistration
{
    /// <summary>Adds the workspace host, the analysis cache and ProblemDetails.</summary>
    public static IServiceCollection AddJourneyscopeServices(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddProblemDetails();
        return services;
    }

    /// <summary>Turns unhandled exceptions into ProblemDetails responses.</summary>
    public static WebApplication UseJourneyscopeErrors(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
