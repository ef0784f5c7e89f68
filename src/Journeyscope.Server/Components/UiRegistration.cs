using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using MudBlazor.Services;

namespace Journeyscope.Server.Components;

/// <summary>Registers and maps the Blazor UI.</summary>
public static class UiRegistration
{
    /// <summary>
    /// Adds Razor components with interactive server rendering, MudBlazor, and the UI's API client, whose HttpClient
    /// calls this app's own public API (the first address the server listens on, or <c>Journeyscope:ApiBaseAddress</c>)
    /// as the signed-in user (<see cref="UiIdentityHandler"/>).
    /// </summary>
    public static IServiceCollection AddJourneyscopeUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddScoped<WorkspaceState>();
        services.AddScoped<PrerenderedResponses>();
        services.AddSingleton<PrerenderedResponseStore>();
        services.AddCascadingAuthenticationState();
        services.AddSingleton<CircuitServices>();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, CircuitServicesHandler>();
        services.AddTransient<UiIdentityHandler>();
        services.AddHttpClient<ApiClient>((provider, http) =>
        {
            http.BaseAddress = OwnBaseAddress(provider);
            http.Timeout = TimeSpan.FromMinutes(10);
        }).AddHttpMessageHandler<UiIdentityHandler>();
        return services;
    }

    /// <summary>Maps static files and the Razor components.</summary>
    public static WebApplication MapJourneyscopeUi(this WebApplication app)
    {
        app.UseAntiforgery();
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    private static Uri OwnBaseAddress(IServiceProvider provider)
    {
        var configured = provider.GetRequiredService<IConfiguration>()["Journeyscope:ApiBaseAddress"];
        if (!string.IsNullOrEmpty(configured))
        {
            return new Uri(configured.EndsWith('/') ? configured : configured + "/");
        }

        var addresses = provider.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var address = addresses?.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses?.FirstOrDefault()
            ?? throw new InvalidOperationException("The web UI needs the server's own address to call its API: set Journeyscope:ApiBaseAddress.");
        // A wildcard binding (0.0.0.0, [::], +, *) is reachable from inside the process on the loopback address.
        var uri = new UriBuilder(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
        {
            uri.Host = "localhost";
        }

        uri.Path = "/";
        return uri.Uri;
    }
}
