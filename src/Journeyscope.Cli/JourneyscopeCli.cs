using System.CommandLine;
using Journeyscope.Cli.Commands;
using Journeyscope.IO;
using Journeyscope.Storage;

namespace Journeyscope.Cli;

/// <summary>Builds the command tree and runs it with the exit-code contract: 0 success, 1 bad input, 2 usage error.</summary>
internal static class JourneyscopeCli
{
    public static int Run(string[] args, TextWriter output, TextWriter error, bool interactive)
    {
        var context = new CliContext(output, error, interactive);
        var root = new RootCommand(
            "Journeyscope: customer journey and value stream intelligence. Import events into a workspace, then analyse them.");
        root.Options.Add(context.Workspace);
        root.Options.Add(context.Format);
        root.Options.Add(context.TimeBasisOption);
        root.Subcommands.Add(ImportCommand.Create(context));
        root.Subcommands.Add(InfoCommand.Create(context));
        root.Subcommands.Add(ExportCommand.Create(context));
        root.Subcommands.Add(DiscoverCommand.Create(context));
        root.Subcommands.Add(VariantsCommand.Create(context));
        root.Subcommands.Add(PerformanceCommand.Create(context));
        root.Subcommands.Add(BottlenecksCommand.Create(context));
        root.Subcommands.Add(ConformanceCommand.Create(context));
        root.Subcommands.Add(BenchCommand.Create(context));
        root.Subcommands.Add(FunnelCommand.Create(context));
        root.Subcommands.Add(PathsCommand.Create(context));
        root.Subcommands.Add(RetentionCommand.Create(context));
        root.Subcommands.Add(JourneyCommand.Create(context));
        root.Subcommands.Add(SimulateCommand.Create(context));
        root.Subcommands.Add(DemoCommand.Create(context));
        root.Subcommands.Add(KpiCommand.Create(context));
        root.Subcommands.Add(VocCommand.Create(context));
        root.Subcommands.Add(ReportCommand.Create(context));
        TimeBasisScope.RefuseOutside(root, context.TimeBasisOption);

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var parseError in parse.Errors)
            {
                error.WriteLine($"error: {parseError.Message}");
            }

            error.WriteLine("Run 'journeyscope --help' (or 'journeyscope <command> --help') for usage.");
            return ExitCodes.UsageError;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (UsageException e)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.UsageError;
        }
        catch (ImportException e)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (WorkspaceException e)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (IOException e)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (UnauthorizedAccessException e)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("Cancelled.");
            return ExitCodes.BadInput;
        }
    }
}
