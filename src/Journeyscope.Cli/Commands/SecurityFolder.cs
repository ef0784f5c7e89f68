using System.CommandLine;
using Journeyscope.Server.Security;
using Journeyscope.Server.Services;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Journeyscope.Cli.Commands;

/// <summary>
/// Opens the server's security store for <c>journeyscope users</c> and <c>keys</c>: the one in the workspaces folder
/// (or the PostgreSQL database that <c>Journeyscope__Security__Provider</c>/<c>ConnectionString</c> name), while the
/// server runs or not.
/// </summary>
internal static class SecurityFolder
{
    public static Option<string> WorkspacesOption() => new("--workspaces")
    {
        Description = "The server's workspaces folder (default: JOURNEYSCOPE_HOME/workspaces, the one 'journeyscope serve' uses). " +
            "Example: --workspaces ./workspaces",
    };

    /// <summary>The workspaces folder: the option's value or the default.</summary>
    public static string Root(string? given) => Path.GetFullPath(given is { Length: > 0 } ? given : WorkspacesHome.WorkspacesFolder());

    /// <summary>Whether the workspaces folder has a security store (always true for PostgreSQL), so a listing need not create one.</summary>
    public static bool HasStore(string root)
    {
        var provider = Environment.GetEnvironmentVariable("Journeyscope__Security__Provider");
        return (provider is { Length: > 0 } && !string.Equals(provider, SecurityOptions.Sqlite, StringComparison.OrdinalIgnoreCase))
            || File.Exists(Path.Combine(SecurityStore.Folder(root), "security.sqlite"));
    }

    /// <summary>A service provider with the store, Identity's user manager and Data Protection (the server's key ring).</summary>
    public static async Task<ServiceProvider> OpenAsync(string root, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var options = configuration.GetSection(SecurityOptions.SectionName).Get<SecurityOptions>() ?? new SecurityOptions();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSecurityStore(options, _ => root);
        services.AddScoped<AuditLog>();
        var provider = services.BuildServiceProvider();
        await SecurityStore.EnsureCreatedAsync(provider, cancellationToken).ConfigureAwait(false);
        return provider;
    }
}
