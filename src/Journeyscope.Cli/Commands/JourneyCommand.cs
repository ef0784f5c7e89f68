using System.CommandLine;

namespace Journeyscope.Cli.Commands;

/// <summary>
/// <c>journeyscope journey</c>: the group of designed-journey commands. Each subcommand lives in its own
/// <c>Journey*Command.cs</c> file and is added here with one line.
/// </summary>
internal static class JourneyCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("journey", "Designed journeys as code (YAML in the workspace's journeys/ folder): init, validate, show, draft, canvas. See docs/journeys.md.");
        command.Subcommands.Add(JourneyInitCommand.Create(context));
        command.Subcommands.Add(JourneyValidateCommand.Create(context));
        command.Subcommands.Add(JourneyShowCommand.Create(context));
        command.Subcommands.Add(JourneyDraftCommand.Create(context));
        command.Subcommands.Add(JourneyCanvasCommand.Create(context));
        return command;
    }
}
