using System.CommandLine;
using System.Globalization;
using Journeyscope.Discovery;
using Journeyscope.IO.Journeys;

namespace Journeyscope.Cli.Commands;

/// <summary><c>journeyscope journey draft</c>: discovers a journey draft from the workspace's log with the Inductive Miner.</summary>
internal static class JourneyDraftCommand
{
    public static Command Create(CliContext context)
    {
        var source = new LogSource(context);
        var noise = new Option<double>("--noise")
        {
            Description = "The Inductive Miner's noise threshold, 0 to below 1 (default 0.2); 0 keeps every behaviour, so every case fits the draft.",
            DefaultValueFactory = _ => 0.2,
        };
        var output = new Option<string?>("--out", "-o") { Description = "The YAML file to write (default: standard output)." };
        var id = new Option<string>("--id") { Description = "The journey id (default: draft).", DefaultValueFactory = _ => "draft" };
        var force = new Option<bool>("--force") { Description = "Overwrite --out when it exists." };
        var command = new Command("draft",
            "Discover a journey draft from the log: a touchpoint per activity, stages by position, the flow found by the\n" +
            "Inductive Miner (infrequent). Edit the YAML, then validate it.\n" +
            "Example: journeyscope journey draft --noise 0.2 --out journeys/draft.yaml")
        {
            noise, output, id, force,
        };
        source.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var threshold = parse.GetValue(noise);
            if (!(threshold >= 0 && threshold < 1))
            {
                throw new UsageException($"--noise takes a share from 0 to below 1, got {threshold.ToString(CultureInfo.InvariantCulture)}.");
            }

            var journeyId = parse.GetRequiredValue(id);
            if (journeyId.Length == 0 || !journeyId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                throw new UsageException($"--id takes letters, digits, '-' and '_', got '{journeyId}'.");
            }

            var path = parse.GetValue(output);
            if (path is not null && File.Exists(path) && !parse.GetValue(force))
            {
                throw new UsageException($"{path} exists; use --force to overwrite it.");
            }

            var log = source.Load(parse, cancellationToken);
            var journey = JourneyDraft.FromLog(log, threshold, journeyId, cancellationToken);
            var yaml = JourneyYaml.Write(journey);
            if (path is null)
            {
                context.Output.Write(yaml);
                return Task.FromResult(ExitCodes.Success);
            }

            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
            }

            File.WriteAllText(path, yaml);
            context.Output.WriteLine($"Wrote {path}: {journey.Touchpoints.Count} touchpoints in {journey.Stages.Count} stages from {log.CaseCount:N0} cases. " +
                $"Edit it, then run 'journeyscope journey validate {path}'.");
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
