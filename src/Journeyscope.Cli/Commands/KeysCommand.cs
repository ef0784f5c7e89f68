using System.CommandLine;
using Journeyscope.Cli.Output;
using Journeyscope.Storage.Collector;

namespace Journeyscope.Cli.Commands;

/// <summary>
/// <c>journeyscope keys</c>: ingest keys of a workspace, for the collector's Segment and PostHog endpoints. Keys live in
/// <c>ingest-keys.sqlite</c> beside the database, so this works while the server runs (docs/collector.md).
/// </summary>
internal static class KeysCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("keys", "Ingest keys of a workspace: the write key (Segment) or project key (PostHog) that SDKs send events with.\n" +
            "Example:\n  journeyscope keys create --workspace ./workspaces/shop --ingest");
        command.Subcommands.Add(CreateCommand(context));
        command.Subcommands.Add(ListCommand(context));
        return command;
    }

    private static Command CreateCommand(CliContext context)
    {
        var ingest = new Option<bool>("--ingest") { Description = "Create an ingest key: write-only, safe to embed in a web page." };
        var name = new Option<string?>("--name") { Description = "A label for people, for example where the key is used. Example: --name web-shop" };
        var command = new Command("create", "Creates a key and prints it (the only time it is shown). Works while the server is running.\n" +
            "Example:\n  journeyscope keys create --workspace ./workspaces/shop --ingest --name web-shop") { ingest, name };
        command.SetAction(parse =>
        {
            if (!parse.GetValue(ingest))
            {
                throw new UsageException("pass --ingest: ingest keys are the only kind of key yet (secret keys come with the team server).");
            }

            var folder = parse.GetRequiredValue(context.Workspace);
            var key = IngestKeys.Create(folder, parse.GetValue(name));
            if (context.GetFormat(parse) == OutputFormat.Json)
            {
                var report = new Report { Json = new { key, kind = "ingest", workspace = Path.GetFullPath(folder) } };
                report.Write(OutputFormat.Json, context.Output);
            }
            else
            {
                context.Output.WriteLine(key);
                context.Error.WriteLine("This is the only time the key is shown. Give it to the SDK as the Segment write key or the PostHog " +
                    "project key, with the server as host (for example http://127.0.0.1:5080).");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command ListCommand(CliContext context)
    {
        var command = new Command("list", "Lists the workspace's keys: their first characters, kind, name and creation time (never the keys).\n" +
            "Example:\n  journeyscope keys list --workspace ./workspaces/shop");
        command.SetAction(parse =>
        {
            var keys = IngestKeys.List(parse.GetRequiredValue(context.Workspace));
            var table = new Table("Keys", "Key", "Kind", "Name", "Created");
            foreach (var key in keys)
            {
                table.Add(key.Display, key.Kind, key.Name ?? string.Empty, key.CreatedAt);
            }

            var report = new Report { Json = keys.Select(k => new { key = k.Display, kind = k.Kind, name = k.Name, createdAt = k.CreatedAt }).ToList() };
            report.Add(table);
            report.Write(context.GetFormat(parse), context.Output);
            return ExitCodes.Success;
        });
        return command;
    }
}
