using System.CommandLine;
using Journeyscope.Server;
using Journeyscope.Server.Services;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;

namespace Journeyscope.Cli.Commands;

/// <summary>
/// <c>journeyscope serve</c>: runs the web app (REST API and UI) in this process on the workspaces folder the other
/// commands use, until Ctrl+C.
/// </summary>
internal static class ServeCommand
{
    /// <summary>Where the web app listens unless <c>--urls</c> says otherwise (loopback only: nothing is exposed to the network).</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public static Command Create(CliContext context)
    {
        var urls = new Option<string>("--urls")
        {
            Description = $"Where to listen, separated by ';' (default {DefaultUrls}). Example: --urls http://127.0.0.1:8080",
            DefaultValueFactory = _ => DefaultUrls,
        };
        var workspaces = new Option<string>("--workspaces")
        {
            Description = "The folder holding the workspaces, one subfolder each (default: JOURNEYSCOPE_HOME/workspaces, the folder " +
                "'--workspace NAME' of the other commands uses). Example: --workspaces ./workspaces",
        };
        var command = new Command("serve",
            "Start the web app (UI and REST API under /api/v1) on the workspaces folder, until Ctrl+C. The first start simulates " +
            "the retail demo into the 'demo' workspace.\n" +
            "Examples:\n  journeyscope serve\n  journeyscope serve --urls http://127.0.0.1:8080 --workspaces ./workspaces")
        {
            urls,
            workspaces,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(context.Workspace) is { Implicit: false })
            {
                result.AddError("--workspace does not apply to 'serve': it hosts every workspace of its folder (--workspaces DIR); " +
                    "pick one in the browser.");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = Path.GetFullPath(parse.GetValue(workspaces) is { Length: > 0 } given ? given : WorkspacesHome.WorkspacesFolder());
            var listen = parse.GetRequiredValue(urls);
            string[] args = ["--urls", listen, $"--{JourneyscopeServerOptions.SectionName}:{nameof(JourneyscopeServerOptions.WorkspacesRoot)}={folder}"];
            context.Error.WriteLine($"Starting Journeyscope on {folder} (the first start simulates the demo workspace)...");
            var app = await JourneyscopeWebApp.BuildAsync(args, cancellationToken).ConfigureAwait(false);
            await using (app.ConfigureAwait(false))
            {
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
                context.Output.WriteLine($"Journeyscope is running at {string.Join(' ', app.Urls)} (workspaces: {folder}). Press Ctrl+C to stop.");
                await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
