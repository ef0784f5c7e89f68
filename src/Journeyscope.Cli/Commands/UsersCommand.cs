using System.CommandLine;
using Journeyscope.Cli.Output;
using Journeyscope.Server.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Journeyscope.Cli.Commands;

/// <summary>
/// <c>journeyscope users add|list|role|remove|link</c>: the server's accounts, without the UI. Works on the workspaces
/// folder's security store while the server runs (docs/security.md).
/// </summary>
internal static class UsersCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("users", "The server's accounts and their roles in workspaces.\n" +
            "Examples:\n  journeyscope users add ann --password-stdin\n  journeyscope users role ann --workspace shop --role analyst\n  journeyscope users list");
        command.Subcommands.Add(Add(context));
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Role(context));
        command.Subcommands.Add(Remove(context));
        command.Subcommands.Add(Link(context));
        return command;
    }

    private static Command Add(CliContext context)
    {
        var name = new Argument<string>("name") { Description = "The user name (letters, digits, - . _ @ +)." };
        var owner = new Option<bool>("--owner") { Description = "Make the user a server owner (every workspace, creates workspaces and users)." };
        var password = new Option<bool>("--password-stdin") { Description = "Read the password from standard input (12 characters or more)." };
        var email = new Option<string?>("--email")
        {
            Description = "The user's e-mail address: a first sign-in with the OpenID Connect provider links to this account when the provider " +
                "verified the same address and Journeyscope:Security:OpenIdConnect:LinkByVerifiedEmail is on.",
        };
        var workspaces = SecurityFolder.WorkspacesOption();
        var command = new Command("add", "Creates an account. Without --password-stdin it prints a one-time sign-in link path instead.\n" +
            "Example:\n  echo 'a long passphrase' | journeyscope users add ann --password-stdin\n  journeyscope users add ann --email ann@example.com")
        { name, owner, password, email, workspaces };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = await SecurityFolder.OpenAsync(SecurityFolder.Root(parse.GetValue(workspaces)), cancellationToken).ConfigureAwait(false);
            using var scope = services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<JourneyscopeUser>>();
            var user = new JourneyscopeUser
            {
                UserName = parse.GetRequiredValue(name).Trim(),
                Email = parse.GetValue(email)?.Trim() is { Length: > 0 } address ? address : null,
                IsOwner = parse.GetValue(owner),
                CreatedAt = DateTime.UtcNow,
            };
            var result = parse.GetValue(password)
                ? await users.CreateAsync(user, (await Console.In.ReadLineAsync(cancellationToken).ConfigureAwait(false))?.TrimEnd('\r', '\n') ?? "").ConfigureAwait(false)
                : await users.CreateAsync(user).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                context.Error.WriteLine("error: " + string.Join(" ", result.Errors.Select(e => e.Description)));
                return ExitCodes.BadInput;
            }

            await Audit(scope, "user-created", user.UserName, user.IsOwner ? "owner" : null, cancellationToken).ConfigureAwait(false);
            context.Output.WriteLine($"Created {user.UserName}{(user.IsOwner ? " (owner)" : "")}.");
            if (!parse.GetValue(password))
            {
                context.Output.WriteLine("One-time sign-in link (after the server's address): " + await SignInLinks.IssueAsync(users, user).ConfigureAwait(false));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command List(CliContext context)
    {
        var workspaces = SecurityFolder.WorkspacesOption();
        var command = new Command("list", "Lists the accounts, whether they own the server, and their workspace roles.\nExample:\n  journeyscope users list") { workspaces };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = await SecurityFolder.OpenAsync(SecurityFolder.Root(parse.GetValue(workspaces)), cancellationToken).ConfigureAwait(false);
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<SecurityDb>();
            var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken).ConfigureAwait(false);
            var members = await db.Members.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
            var rows = users.Select(u => new
            {
                name = u.UserName ?? "",
                owner = u.IsOwner,
                locked = u.LockoutEnd > DateTimeOffset.UtcNow,
                roles = members.Where(m => m.UserId == u.Id).OrderBy(m => m.Workspace, StringComparer.Ordinal)
                    .Select(m => m.Workspace + ":" + WorkspaceRoles.Name(m.Role)).ToList(),
            }).ToList();
            var table = new Table("Users", "Name", "Owner", "Locked", "Roles");
            foreach (var row in rows)
            {
                table.Add(row.name, row.owner ? "yes" : "", row.locked ? "yes" : "", string.Join(", ", row.roles));
            }

            var report = new Report { Json = rows };
            report.Add(table);
            report.Write(context.GetFormat(parse), context.Output);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Role(CliContext context)
    {
        var name = new Argument<string>("name") { Description = "The user name." };
        var role = new Option<string>("--role") { Description = "viewer, analyst, admin, or none to remove the user from the workspace.", Required = true };
        var command = new Command("role", "Gives a user a role in a workspace (--workspace).\nExample:\n  journeyscope users role ann --workspace shop --role viewer")
        {
            name, role,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = Path.GetFullPath(parse.GetRequiredValue(context.Workspace));
            var workspace = Path.GetFileName(folder);
            var text = parse.GetRequiredValue(role);
            var parsed = WorkspaceRoles.Parse(text);
            if (!string.Equals(text, "none", StringComparison.OrdinalIgnoreCase) && parsed is null or WorkspaceRole.Owner)
            {
                throw new UsageException($"--role '{text}': use viewer, analyst, admin or none.");
            }

            await using var services = await SecurityFolder.OpenAsync(Path.GetDirectoryName(folder)!, cancellationToken).ConfigureAwait(false);
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<SecurityDb>();
            var userName = parse.GetRequiredValue(name);
            var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == userName, cancellationToken).ConfigureAwait(false);
            if (user is null)
            {
                context.Error.WriteLine($"error: there is no user '{userName}'. List them with: journeyscope users list");
                return ExitCodes.BadInput;
            }

            var member = await db.Members.FirstOrDefaultAsync(m => m.UserId == user.Id && m.Workspace == workspace, cancellationToken).ConfigureAwait(false);
            if (parsed is null)
            {
                if (member is not null)
                {
                    db.Members.Remove(member);
                }
            }
            else if (member is null)
            {
                db.Members.Add(new WorkspaceMember { UserId = user.Id, Workspace = workspace, Role = parsed.Value });
            }
            else
            {
                member.Role = parsed.Value;
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await Audit(scope, "role-changed", userName, parsed is null ? "none" : WorkspaceRoles.Name(parsed.Value), cancellationToken, workspace).ConfigureAwait(false);
            context.Output.WriteLine($"{userName} is {(parsed is null ? "no member" : WorkspaceRoles.Name(parsed.Value))} in {workspace}.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Remove(CliContext context)
    {
        var name = new Argument<string>("name") { Description = "The user name." };
        var workspaces = SecurityFolder.WorkspacesOption();
        var command = new Command("remove", "Deletes an account and its workspace roles.\nExample:\n  journeyscope users remove ann") { name, workspaces };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = await SecurityFolder.OpenAsync(SecurityFolder.Root(parse.GetValue(workspaces)), cancellationToken).ConfigureAwait(false);
            using var scope = services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<JourneyscopeUser>>();
            var db = scope.ServiceProvider.GetRequiredService<SecurityDb>();
            var userName = parse.GetRequiredValue(name);
            var user = await users.FindByNameAsync(userName).ConfigureAwait(false);
            if (user is null)
            {
                context.Error.WriteLine($"error: there is no user '{userName}'. List them with: journeyscope users list");
                return ExitCodes.BadInput;
            }

            await db.Members.Where(m => m.UserId == user.Id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            db.Changes?.Touch();
            await users.DeleteAsync(user).ConfigureAwait(false);
            await Audit(scope, "user-removed", userName, null, cancellationToken).ConfigureAwait(false);
            context.Output.WriteLine($"Removed {userName}.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Link(CliContext context)
    {
        var name = new Argument<string>("name") { Description = "The user name." };
        var workspaces = SecurityFolder.WorkspacesOption();
        var command = new Command("link", "Prints a one-time sign-in link path for a user (put the server's address before it); earlier links stop working.\n" +
            "Example:\n  journeyscope users link owner") { name, workspaces };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = await SecurityFolder.OpenAsync(SecurityFolder.Root(parse.GetValue(workspaces)), cancellationToken).ConfigureAwait(false);
            using var scope = services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<JourneyscopeUser>>();
            var userName = parse.GetRequiredValue(name);
            var user = await users.FindByNameAsync(userName).ConfigureAwait(false);
            if (user is null)
            {
                context.Error.WriteLine($"error: there is no user '{userName}'. List them with: journeyscope users list");
                return ExitCodes.BadInput;
            }

            await users.UpdateSecurityStampAsync(user).ConfigureAwait(false);
            context.Output.WriteLine(await SignInLinks.IssueAsync(users, user).ConfigureAwait(false));
            return ExitCodes.Success;
        });
        return command;
    }

    internal static Task Audit(IServiceScope scope, string action, string? target, string? detail, CancellationToken cancellationToken, string? workspace = null) =>
        scope.ServiceProvider.GetRequiredService<AuditLog>().WriteAsync(action, workspace, "cli", target, detail, null, cancellationToken);
}
