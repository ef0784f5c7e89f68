using System.CommandLine;
using System.Text.RegularExpressions;
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
        root.Subcommands.Add(DriftCommand.Create(context));
        root.Subcommands.Add(MonitorCommand.Create(context));
        root.Subcommands.Add(AlertsCommand.Create(context));
        root.Subcommands.Add(PerformanceCommand.Create(context));
        root.Subcommands.Add(BottlenecksCommand.Create(context));
        root.Subcommands.Add(RootCauseCommand.Create(context));
        root.Subcommands.Add(ImprovementCommand.Create(context));
        root.Subcommands.Add(AgendaCommand.Create(context));
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
        root.Subcommands.Add(ServeCommand.Create(context));
        root.Subcommands.Add(KeysCommand.Create(context));
        root.Subcommands.Add(WebhooksCommand.Create(context));
        root.Subcommands.Add(RulesCommand.Create(context));
        root.Subcommands.Add(EraseCommand.Create(context));
        root.Subcommands.Add(UsersCommand.Create(context));
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
        catch (BadInputException e)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
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
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The last line of defence: no input may crash the process with an unhandled exception (exit 134).
            return Unexpected(e, error);
        }
    }

    /// <summary>Set to any value to print the stack trace of an unexpected error.</summary>
    public const string DebugVariable = "JOURNEYSCOPE_DEBUG";

    /// <summary>Reports an exception no command handles: a readable message on stderr, and exit 1.</summary>
    internal static int Unexpected(Exception e, TextWriter error)
    {
        error.WriteLine($"error: {Readable(e)}");
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(DebugVariable)))
        {
            error.WriteLine($"This is unexpected; rerun with {DebugVariable}=1 to print the details, and report it if the input looks valid.");
        }
        else
        {
            error.WriteLine(e.ToString());
        }

        return ExitCodes.BadInput;
    }

    /// <summary>The exception's message, with the innermost cause when an exception only wraps another (TargetInvocation, Aggregate).</summary>
    private static string Readable(Exception e)
    {
        var inner = e;
        while (inner is AggregateException { InnerExceptions.Count: 1 } or System.Reflection.TargetInvocationException && inner.InnerException is not null)
        {
            inner = inner.InnerException;
        }

        var message = inner.Message.Length == 0 ? inner.GetType().Name : inner.Message;
        return inner is RegexMatchTimeoutException timeout
            ? $"the regular expression '{timeout.Pattern}' took longer than {timeout.MatchTimeout.TotalSeconds:0.#} s to match"
            : $"{message} ({inner.GetType().Name})";
    }
}
