using System.CommandLine;
using Journeyscope.Cli.Output;
using Journeyscope.Server.Security;
using Journeyscope.Storage.Collector;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Journeyscope.Cli.Commands;

/// <summary>
/// <c>journeyscope keys</c>: ingest keys of a workspace, for the collector's Segment and PostHog endpoints (in
/// <c>ingest-keys.sqlite</c> beside the database, docs/collector.md), and secret API keys with a scope (in the server's
/// security store, docs/security.md). Both work while the server runs.
/// </summary>
internal static class KeysCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("keys", "Keys of a workspace: ingest keys (the write key (Segment) or project key (PostHog) that SDKs send events " +
            "with) and secret API keys (Authorization: Bearer jsk_...) with a scope.\n" +
            "Examples:\n  journeyscope keys create --workspace ./workspaces/shop --ingest\n  journeyscope keys create --workspace shop --secret --scope read");
        command.Subcommands.Add(CreateCommand(context));
        command.Subcommands.Add(ListCommand(context));
        command.Subcommands.Add(RevokeCommand(context));
        return command;
    }

    private static Command CreateCommand(CliContext context)
    {
        var ingest = new Option<bool>("--ingest") { Description = "Create an ingest key: write-only, safe to embed in a web page." };
        var secret = new Option<bool>("--secret") { Description = "Create a secret API key (Authorization: Bearer jsk_...) with --scope." };
        var scope = new Option<string?>("--scope") { Description = "A secret key's scope: read, write (import, edit journeys), admin; owner (server-wide, no workspace)." };
        var workspaces = SecurityFolder.WorkspacesOption();
        var name = new Option<string?>("--name") { Description = "A label for people, for example where the key is used. Example: --name web-shop" };
        var command = new Command("create", "Creates a key and prints it (the only time it is shown). Works while the server is running.\n" +
            "Examples:\n  journeyscope keys create --workspace ./workspaces/shop --ingest --name web-shop\n" +
            "  journeyscope keys create --workspace shop --secret --scope read --name dashboard\n  journeyscope keys create --secret --scope owner")
        {
            ingest, secret, scope, workspaces, name,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(ingest) == parse.GetValue(secret))
            {
                throw new UsageException("pass --ingest (a write-only collector key) or --secret --scope read|write|admin|owner (an API key).");
            }

            if (parse.GetValue(secret))
            {
                return await CreateSecretAsync(context, parse, parse.GetValue(scope), parse.GetValue(workspaces), parse.GetValue(name), cancellationToken).ConfigureAwait(false);
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
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = Path.GetFullPath(parse.GetRequiredValue(context.Workspace));
            var keys = Directory.Exists(folder) ? IngestKeys.List(folder) : [];
            var rows = keys.Select(k => new KeyRow(k.Display, k.Kind, null, k.Name,
                k.CreatedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture), null, null)).ToList();
            if (SecurityFolder.HasStore(Path.GetDirectoryName(folder)!))
            {
                await using var services = await SecurityFolder.OpenAsync(Path.GetDirectoryName(folder)!, cancellationToken).ConfigureAwait(false);
                using var scope = services.CreateScope();
                var workspace = Path.GetFileName(folder);
                var secrets = await scope.ServiceProvider.GetRequiredService<SecurityDb>().ApiKeys.AsNoTracking()
                    .Where(k => k.Workspace == workspace).OrderBy(k => k.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
                rows.AddRange(secrets.Select(k => new KeyRow(SecretKeys.Display(k.Prefix), "secret", WorkspaceRoles.Scope(k.Scope), k.Name,
                    k.CreatedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture), k.LastUsedAt, k.RevokedAt)));
            }

            var table = new Table("Keys", "Key", "Kind", "Scope", "Name", "Created", "Last used", "Revoked");
            foreach (var key in rows)
            {
                table.Add(key.Key, key.Kind, key.Scope ?? string.Empty, key.Name ?? string.Empty, key.CreatedAt,
                    key.LastUsedAt?.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
                    key.RevokedAt?.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
            }

            var report = new Report { Json = rows.Select(k => new { key = k.Key, kind = k.Kind, scope = k.Scope, name = k.Name, createdAt = k.CreatedAt, lastUsedAt = k.LastUsedAt, revokedAt = k.RevokedAt }).ToList() };
            report.Add(table);
            report.Write(context.GetFormat(parse), context.Output);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command RevokeCommand(CliContext context)
    {
        var key = new Argument<string>("key") { Description = "The key's prefix as listed (jsk_AbCdEfGh...) or the key." };
        var workspaces = SecurityFolder.WorkspacesOption();
        var command = new Command("revoke", "Revokes a secret key: it authenticates nothing from now on.\nExample:\n  journeyscope keys revoke jsk_AbCdEfGh") { key, workspaces };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = await SecurityFolder.OpenAsync(SecurityFolder.Root(parse.GetValue(workspaces)), cancellationToken).ConfigureAwait(false);
            using var scope = services.CreateScope();
            var revoked = await SecretKeys.RevokeAsync(scope.ServiceProvider.GetRequiredService<SecurityDb>(), parse.GetRequiredValue(key), null, TimeProvider.System, cancellationToken)
                .ConfigureAwait(false);
            if (revoked is null)
            {
                context.Error.WriteLine($"error: there is no secret key '{parse.GetRequiredValue(key)}'. List them with: journeyscope keys list --workspace W");
                return ExitCodes.BadInput;
            }

            await UsersCommand.Audit(scope, "key-revoked", revoked.Prefix, null, cancellationToken, revoked.Workspace).ConfigureAwait(false);
            context.Output.WriteLine($"Revoked {SecretKeys.Display(revoked.Prefix)}.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<int> CreateSecretAsync(CliContext context, ParseResult parse, string? scopeText, string? workspaces, string? name, CancellationToken cancellationToken)
    {
        var scope = WorkspaceRoles.Parse(scopeText);
        if (scope is null || string.Equals(scopeText, "viewer", StringComparison.OrdinalIgnoreCase) || string.Equals(scopeText, "analyst", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException($"--scope '{scopeText}': use read, write, admin, or owner (server-wide).");
        }

        string root;
        string? workspace = null;
        if (scope == WorkspaceRole.Owner)
        {
            root = SecurityFolder.Root(workspaces);
        }
        else
        {
            var folder = Path.GetFullPath(parse.GetRequiredValue(context.Workspace));
            root = Path.GetDirectoryName(folder)!;
            workspace = Path.GetFileName(folder);
        }

        await using var services = await SecurityFolder.OpenAsync(root, cancellationToken).ConfigureAwait(false);
        using var serviceScope = services.CreateScope();
        var key = await SecretKeys.CreateAsync(serviceScope.ServiceProvider.GetRequiredService<SecurityDb>(), workspace, scope.Value, name, "cli", TimeProvider.System, cancellationToken)
            .ConfigureAwait(false);
        await UsersCommand.Audit(serviceScope, "key-created", key[..SecretKeys.PrefixLength], WorkspaceRoles.Scope(scope.Value), cancellationToken, workspace).ConfigureAwait(false);
        if (context.GetFormat(parse) == OutputFormat.Json)
        {
            new Report { Json = new { key, kind = "secret", scope = WorkspaceRoles.Scope(scope.Value), workspace } }.Write(OutputFormat.Json, context.Output);
        }
        else
        {
            context.Output.WriteLine(key);
            context.Error.WriteLine("This is the only time the key is shown. Send it as: Authorization: Bearer " + key[..SecretKeys.PrefixLength] + "...");
        }

        return ExitCodes.Success;
    }

    private sealed record KeyRow(string Key, string Kind, string? Scope, string? Name, string CreatedAt, DateTime? LastUsedAt, DateTime? RevokedAt);
}
