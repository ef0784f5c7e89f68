using System.CommandLine;

namespace Journeyscope.Cli.Commands;

/// <summary><c>journeyscope bench ...</c>: side-by-side benchmarks that report ratios against a baseline run in the same process.</summary>
internal static class BenchCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("bench", "Side-by-side benchmarks: our engine versus a baseline on the same data, in one run, as ratios.");
        command.Subcommands.Add(BenchImportCommand.Create(context));
        command.Subcommands.Add(BenchDiscoveryCommand.Create(context));
        command.Subcommands.Add(BenchFunnelCommand.Create(context));
        command.Subcommands.Add(BenchConformanceCommand.Create(context));
        command.Subcommands.Add(BenchDriftCommand.Create(context));
        command.Subcommands.Add(BenchCollectorCommand.Create(context));
        command.Subcommands.Add(BenchLiveCommand.Create(context));
        command.Subcommands.Add(BenchRefreshCommand.Create(context));
        command.Subcommands.Add(BenchAgendaCommand.Create(context));
        command.Subcommands.Add(BenchAppendCommand.Create(context));
        command.Subcommands.Add(BenchWholeLogCommand.Create(context));
        command.Subcommands.Add(BenchPartialsCommand.Create(context));
        return command;
    }
}
