using Journeyscope.Server.Collector;
using Journeyscope.Server.Monitoring;
using Journeyscope.Server.Notifications;
using Journeyscope.Server.Security;
using Journeyscope.Server.Services;
using Microsoft.Extensions.Options;

namespace Journeyscope.Server.Api;

/// <summary>Maps the REST API under <c>/api/v1</c>, the OpenAPI document and the API reference page.</summary>
public static class ApiEndpoints
{
    /// <summary>Maps every endpoint group of the API.</summary>
    /// <remarks>
    /// Every route under <c>/api/v1/workspaces/{ws}</c> passes <see cref="WorkspaceAccessFilter"/>, the one place where
    /// workspace-scoped authorisation is checked: each endpoint declares the role it needs
    /// (<see cref="AccessRequirements.RequireWorkspaceRole{TBuilder}"/>), none means admin.
    /// </remarks>
    public static WebApplication MapJourneyscopeApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var settings = app.Services.GetRequiredService<IOptions<JourneyscopeServerOptions>>().Value;
        app.MapOpenApi();
        app.MapGet("/api", ApiReferencePage.Render).ExcludeFromDescription();

        var api = app.MapGroup("/api/v1").WithTags("Journeyscope");
        api.MapGet("/health", () => TypedResults.Ok(new { status = "ok" })).WithName("Health").AllowAnonymous();
        WorkspaceEndpoints.MapRoot(api);

        var workspace = api.MapGroup("/workspaces/{" + WorkspaceAccessFilter.RouteParameter + "}")
            .RequireAuthorization()
            .AddEndpointFilter<WorkspaceAccessFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        WorkspaceEndpoints.MapScoped(workspace);
        ImportEndpoints.Map(workspace, settings.MaxImportBytes);
        AnalysisEndpoints.Map(workspace);
        DriftEndpoints.Map(workspace);
        MonitoringEndpoints.Map(workspace);
        RootCauseEndpoints.Map(workspace);
        ImprovementEndpoints.Map(workspace);
        CaseEndpoints.Map(workspace);
        JourneyEndpoints.Map(workspace);
        ConformanceEndpoints.Map(workspace);
        VariantAlignmentEndpoints.Map(workspace);
        FunnelEndpoints.Map(workspace);
        KpiEndpoints.Map(workspace);
        LiveSnapshotEndpoints.Map(workspace);
        AgendaEndpoints.Map(workspace);
        CanvasEndpoints.Map(workspace);
        VocEndpoints.Map(workspace);
        ReportEndpoints.Map(workspace);
        IngestKeyEndpoints.Map(workspace);
        ErasureEndpoints.Map(workspace);
        SecurityEndpoints.Map(workspace);
        WebhookEndpoints.Map(workspace);
        LiveEndpoints.Map(workspace);
        app.MapJourneyscopeCollector();
        app.MapJourneyscopeAccount();
        return app;
    }
}
