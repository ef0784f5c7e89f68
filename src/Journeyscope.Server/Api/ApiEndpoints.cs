namespace Journeyscope.Server.Api;

/// <summary>Maps the REST API under <c>/api/v1</c>.</summary>
public static class ApiEndpoints
{
    /// <summary>Maps every endpoint group of the API.</summary>
    public static WebApplication MapJourneyscopeApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1");
        api.MapGet("/health", () => Results.Ok(new { status = "ok" }));
        return app;
    }
}
