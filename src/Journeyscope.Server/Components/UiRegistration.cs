using MudBlazor.Services;

namespace Journeyscope.Server.Components;

/// <summary>Registers and maps the Blazor UI.</summary>
public static class UiRegistration
{
    /// <summary>Adds Razor components with interactive server rendering and MudBlazor.</summary>
    public static IServiceCollection AddJourneyscopeUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        return services;
    }

    /// <summary>Maps static files and the Razor components.</summary>
    public static WebApplication MapJourneyscopeUi(this WebApplication app)
    {
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
