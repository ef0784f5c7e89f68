using Journeyscope.Storage;
using Microsoft.Extensions.Options;

namespace Journeyscope.Server.Services;

/// <summary>Prepares the demo workspace before the server starts taking requests.</summary>
public static class DemoStartup
{
    /// <summary>
    /// Simulates the retail demo into the default workspace when <see cref="JourneyscopeServerOptions.CreateDemo"/> is
    /// on and that workspace has no events yet (a few seconds, once), then logs where the app is.
    /// </summary>
    public static async Task EnsureDemoWorkspaceAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<IOptions<JourneyscopeServerOptions>>().Value;
        var host = app.Services.GetRequiredService<WorkspaceHost>();
        if (!options.CreateDemo || !WorkspaceHost.IsValidName(host.DefaultWorkspace))
        {
            return;
        }

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Journeyscope");
        var folder = Path.Combine(host.Root, host.DefaultWorkspace);
        var result = await DemoWorkspace.EnsureAsync(folder, cancellationToken).ConfigureAwait(false);
        if (result.Simulated)
        {
            logger.LogInformation(
                "Simulated the retail demo into {Folder}: {Cases} customers, {Events} events in {Seconds:0.0} s.",
                result.Folder, result.Cases, result.Events, result.Elapsed.TotalSeconds);
        }
        else
        {
            logger.LogInformation("Demo workspace {Folder}: {Cases} cases, {Events} events.", result.Folder, result.Cases, result.Events);
        }
    }
}
