using Journeyscope.Server.Api;
using Journeyscope.Server.Components;
using Journeyscope.Server.Security;
using Journeyscope.Server.Services;

namespace Journeyscope.Server;

/// <summary>
/// Builds the web app (REST API and UI): what <c>Program</c> runs, and what <c>journeyscope serve</c> runs inside the
/// command line's process.
/// </summary>
public static class JourneyscopeWebApp
{
    /// <summary>The web app's assembly name: its static assets manifest and its content are found under this name.</summary>
    public static string ApplicationName { get; } = typeof(JourneyscopeWebApp).Assembly.GetName().Name!;

    /// <summary>
    /// Builds the app from command-line arguments and configuration, sweeps what a previous run left behind, creates the
    /// security store (and on the first start the owner account and its one-time sign-in link) and simulates the demo
    /// into the default workspace on its first start.
    /// </summary>
    /// <param name="args">Host arguments, e.g. <c>--urls http://127.0.0.1:5080</c> or <c>--Journeyscope:WorkspacesRoot=DIR</c>.</param>
    /// <param name="cancellationToken">Stops the demo simulation.</param>
    public static async Task<WebApplication> BuildAsync(string[] args, CancellationToken cancellationToken = default)
    {
        // The content root is the app's own folder, so appsettings.json (and its Urls, 127.0.0.1:5080) is found whichever
        // folder the server is started from. The application name is the server's also when the CLI hosts it, so that its
        // static assets (the UI's scripts and styles) are found.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = ApplicationName,
        });
        if (!builder.Environment.IsDevelopment() &&
            File.Exists(Path.Combine(AppContext.BaseDirectory, ApplicationName + ".staticwebassets.runtime.json")))
        {
            // Run from a build (not a publish): the assets are served from where the build left them, as in Development.
            builder.WebHost.UseStaticWebAssets();
        }

        builder.Services.AddJourneyscopeServices(builder.Configuration);
        builder.Services.AddJourneyscopeUi();

        var app = builder.Build();
        app.SweepUploads();
        await FirstStart.PrepareAsync(app, cancellationToken).ConfigureAwait(false);
        await app.EnsureDemoWorkspaceAsync(cancellationToken).ConfigureAwait(false);
        app.UseJourneyscopeErrors();
        app.MapJourneyscopeApi();
        app.MapJourneyscopeUi();
        return app;
    }
}
