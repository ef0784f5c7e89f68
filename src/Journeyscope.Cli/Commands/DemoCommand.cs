using System.CommandLine;
using System.Globalization;
using Journeyscope.Cli.Output;
using Journeyscope.Storage;

namespace Journeyscope.Cli.Commands;

/// <summary><c>journeyscope demo</c>: makes sure the workspace holds the simulated retail demo and says where to look.</summary>
internal static class DemoCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("demo", "Populate the workspace with the simulated retail demo (only when it has no events yet) and print where to look.\n" +
            "Example:\n  journeyscope demo --workspace ./demo");
        command.SetAction((parse, cancellationToken) =>
        {
            var folder = parse.GetRequiredValue(context.Workspace);
            var result = DemoWorkspace.EnsureAsync(folder, cancellationToken).GetAwaiter().GetResult();
            var report = new Report();
            var table = new Table("Demo workspace", "Folder", "Simulated now", "Cases", "Events", "Seconds");
            table.Add(result.Folder, result.Simulated ? "yes" : "no (already populated)", result.Cases, result.Events,
                Human.Duration(Math.Round(result.Elapsed.TotalSeconds, 2)));
            report.Add(table);
            if (result.JourneyFile is not null)
            {
                report.Notes.Add("Designed journey: " + result.JourneyFile);
            }

            if (result.GroundTruthFile is not null)
            {
                report.Notes.Add("Ground truth (what was injected): " + result.GroundTruthFile);
            }

            var workspace = Quote(result.Folder);
            report.Notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"Where to look:\n  journeyscope info --workspace {workspace}\n  journeyscope discover --workspace {workspace}\n" +
                $"  journeyscope bottlenecks --workspace {workspace}\n  journeyscope variants --top 10 --workspace {workspace}"));
            report.Json = new
            {
                folder = result.Folder,
                simulated = result.Simulated,
                cases = result.Cases,
                events = result.Events,
                journeyFile = result.JourneyFile,
                groundTruthFile = result.GroundTruthFile,
                seconds = result.Elapsed.TotalSeconds,
            };
            report.Write(context.GetFormat(parse), context.Output);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static string Quote(string path) => path.Contains(' ', StringComparison.Ordinal) ? "\"" + path + "\"" : path;
}
