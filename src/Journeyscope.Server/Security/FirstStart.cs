using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Journeyscope.Server.Security;

/// <summary>
/// The first start: with no account in the store, the server creates the owner account and prints a one-time sign-in
/// link once it listens (as notebook servers do); bound to a non-loopback address it refuses to start without an account.
/// </summary>
public static class FirstStart
{
    /// <summary>The owner account's name on the first start.</summary>
    public const string OwnerName = "owner";

    /// <summary>Creates the schema, and the owner and their link when there is no user.</summary>
    /// <exception cref="InvalidOperationException">No account and the server would listen on a non-loopback address.</exception>
    public static async Task PrepareAsync(WebApplication app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        await SecurityStore.EnsureCreatedAsync(app.Services, cancellationToken).ConfigureAwait(false);
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<JourneyscopeUser>>();
        if (users.Users.Any())
        {
            return;
        }

        var urls = app.Configuration["urls"] ?? app.Configuration["ASPNETCORE_URLS"] ?? "";
        // Behind a configured reverse proxy the server listens on loopback but the network reaches it through the proxy.
        var proxied = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityOptions>>().Value.ForwardedHeaders.Enabled;
        if ((proxied ? "behind a reverse proxy (Journeyscope:Security:ForwardedHeaders)" : ExposedUrl(urls)) is { } exposed)
        {
            var db = scope.ServiceProvider.GetRequiredService<SecurityDb>();
            if (await db.ApiKeys.AnyAsync(k => k.RevokedAt == null && k.Workspace == null && k.Scope == WorkspaceRole.Owner, cancellationToken).ConfigureAwait(false))
            {
                return; // a server-wide owner key administers it (journeyscope keys create --secret --scope owner)
            }

            throw new InvalidOperationException(
                $"Journeyscope will not start {(proxied ? "" : "on ")}{exposed} without an account: anyone on the network could read and change every workspace. " +
                "Create the owner first (journeyscope users add NAME --owner --password-stdin), or listen on 127.0.0.1 once to get the " +
                "owner's one-time sign-in link. See docs/security.md.");
        }

        var owner = new JourneyscopeUser { UserName = OwnerName, IsOwner = true, CreatedAt = DateTime.UtcNow };
        var created = await users.CreateAsync(owner).ConfigureAwait(false);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("Could not create the owner account: " + string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        var link = await SignInLinks.IssueAsync(users, owner).ConfigureAwait(false);
        var minutes = (int)app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityOptions>>().Value.LinkLifetime.TotalMinutes;
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var address = app.Urls.FirstOrDefault(u => u.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? app.Urls.FirstOrDefault() ?? "";
            Console.Out.WriteLine($"Sign in as the owner (the link works once, within {minutes} minutes): {address.TrimEnd('/')}{link}");
            Console.Out.Flush();
        });
    }

    /// <summary>The first URL that listens beyond this machine (a wildcard or a non-loopback address); null when all are loopback.</summary>
    public static string? ExposedUrl(string urls)
    {
        ArgumentNullException.ThrowIfNull(urls);
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var host = url.Split("://", 2) is [_, var rest] ? rest : url;
            host = host.Split('/')[0];
            host = host.StartsWith('[') ? host[..(host.IndexOf(']', StringComparison.Ordinal) + 1)] : host.Split(':')[0];
            var loopback = string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
                || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
            if (!loopback)
            {
                return url;
            }
        }

        return null;
    }
}
