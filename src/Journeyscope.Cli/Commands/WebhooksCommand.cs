using System.CommandLine;
using System.Globalization;
using Journeyscope.Cli.Output;
using Journeyscope.Storage;
using Journeyscope.Storage.Notifications;

namespace Journeyscope.Cli.Commands;

/// <summary>
/// <c>journeyscope webhooks</c>: the webhook targets of a workspace and their delivery log (in <c>webhooks.sqlite</c>
/// beside the database, docs/monitoring.md). Works while the server runs; the server's sender delivers.
/// </summary>
internal static class WebhooksCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("webhooks", "Webhook targets of a workspace (signed POSTs of rule firings and alerts) and their delivery log.\n" +
            "Examples:\n  journeyscope webhooks add https://hooks.example.com/journeyscope --workspace ./workspaces/shop\n" +
            "  journeyscope webhooks deliveries --workspace ./workspaces/shop --status failed");
        command.Subcommands.Add(AddCommand(context));
        command.Subcommands.Add(ListCommand(context));
        command.Subcommands.Add(RemoveCommand(context));
        command.Subcommands.Add(DeliveriesCommand(context));
        return command;
    }

    private static Command AddCommand(CliContext context)
    {
        var url = new Argument<string>("url") { Description = "The absolute http(s) URL deliveries are POSTed to." };
        var secret = new Option<string?>("--secret") { Description = "The signing secret (16+ characters); generated and printed once when left out." };
        var name = new Option<string?>("--name") { Description = "A label for people. Example: --name crm" };
        var events = new Option<string[]>("--event") { Description = "An event type to receive (repeatable), e.g. rule.fired; all when left out.", AllowMultipleArgumentsPerToken = true };
        var command = new Command("add", "Adds a webhook target and prints its id and secret (the only time the secret is shown).\n" +
            "Example:\n  journeyscope webhooks add https://hooks.example.com/in --event rule.fired --workspace ./workspaces/shop")
        {
            url, secret, name, events,
        };
        command.SetAction(parse =>
        {
            var folder = RequireWorkspace(parse.GetRequiredValue(context.Workspace));
            if (WebhookStore.UrlProblem(parse.GetValue(url)) is { } problem)
            {
                throw new UsageException(problem);
            }

            if (parse.GetValue(secret) is { Length: < 16 })
            {
                throw new UsageException("--secret needs at least 16 characters; leave it out to have one generated.");
            }

            var target = WebhookStore.AddTarget(folder, parse.GetRequiredValue(url), parse.GetValue(secret), parse.GetValue(name), parse.GetValue(events));
            if (context.GetFormat(parse) == OutputFormat.Json)
            {
                new Report { Json = target }.Write(OutputFormat.Json, context.Output);
            }
            else
            {
                context.Output.WriteLine($"{target.Id} {target.Secret}");
                context.Error.WriteLine("Deliveries are signed with this secret (X-Journeyscope-Signature, see docs/monitoring.md); it is not shown again.");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command ListCommand(CliContext context)
    {
        var command = new Command("list", "Lists the webhook targets (never their secrets).\nExample:\n  journeyscope webhooks list --workspace ./workspaces/shop");
        command.SetAction(parse =>
        {
            var targets = WebhookStore.ListTargets(RequireWorkspace(parse.GetRequiredValue(context.Workspace))).Select(t => t.WithoutSecret()).ToList();
            var table = new Table("Webhooks", "Id", "URL", "Name", "Events", "Created");
            foreach (var t in targets)
            {
                table.Add(t.Id, t.Url, t.Name ?? string.Empty, t.EventTypes.Count == 0 ? "all" : string.Join(", ", t.EventTypes), Time(t.CreatedAt));
            }

            new Report { Json = targets }.Add(table).Write(context.GetFormat(parse), context.Output);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command RemoveCommand(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "The target's id as listed (wh_...)." };
        var command = new Command("remove", "Removes a webhook target; its pending deliveries are marked failed.\nExample:\n  journeyscope webhooks remove wh_abc --workspace ./workspaces/shop") { id };
        command.SetAction(parse =>
        {
            if (!WebhookStore.RemoveTarget(RequireWorkspace(parse.GetRequiredValue(context.Workspace)), parse.GetRequiredValue(id)))
            {
                context.Error.WriteLine($"error: no webhook target '{parse.GetValue(id)}' in this workspace (see journeyscope webhooks list).");
                return ExitCodes.BadInput;
            }

            context.Output.WriteLine($"Removed {parse.GetValue(id)}.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command DeliveriesCommand(CliContext context)
    {
        var status = new Option<string?>("--status") { Description = "Only deliveries of this status: pending, delivered, failed." };
        var limit = new Option<int>("--limit") { Description = "Rows to show, newest first (default 50).", DefaultValueFactory = _ => 50 };
        var command = new Command("deliveries", "The delivery log: status, attempts, last HTTP status and error, newest first.\n" +
            "Example:\n  journeyscope webhooks deliveries --workspace ./workspaces/shop --status failed")
        {
            status, limit,
        };
        command.SetAction(parse =>
        {
            WebhookDeliveryStatus? only = parse.GetValue(status) switch
            {
                null => null,
                var s when Enum.TryParse<WebhookDeliveryStatus>(s, ignoreCase: true, out var value) => value,
                var s => throw new UsageException($"--status '{s}' is not one of pending, delivered, failed."),
            };
            var rows = WebhookStore.Deliveries(RequireWorkspace(parse.GetRequiredValue(context.Workspace)), parse.GetValue(limit), only);
            var table = new Table("Webhook deliveries", "Id", "Event", "Status", "Attempts", "HTTP", "Last error", "Created", "Delivered");
            foreach (var d in rows)
            {
                table.Add(d.Id, d.EventType, d.Status.ToString().ToLowerInvariant(), d.Attempts, d.LastStatusCode?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                    d.LastError ?? string.Empty, Time(d.CreatedAt), d.DeliveredAt is { } at ? Time(at) : string.Empty);
            }

            new Report { Json = rows }.Add(table).Write(context.GetFormat(parse), context.Output);
            return ExitCodes.Success;
        });
        return command;
    }

    private static string RequireWorkspace(string folder)
    {
        var full = Path.GetFullPath(folder);
        if (!File.Exists(Path.Combine(full, "journeyscope.duckdb")))
        {
            throw new WorkspaceException($"'{full}' is not a Journeyscope workspace (no journeyscope.duckdb in it). Pass the workspace folder, for example --workspace ./workspaces/shop.");
        }

        return full;
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
