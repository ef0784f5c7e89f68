using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Journeyscope.Server.Security;

/// <summary>
/// Where the security store and the Data Protection key ring live, and the services that work on them; shared by the
/// server and the <c>journeyscope users|keys</c> commands, which work on the same folder while the server runs.
/// </summary>
public static class SecurityStore
{
    /// <summary>The folder inside the workspaces folder (a dot name: never listed as a workspace).</summary>
    public const string FolderName = ".security";

    /// <summary>The Data Protection application name: cookies and links made by one process are read by the other.</summary>
    public const string ApplicationName = "Journeyscope";

    /// <summary>The folder holding the SQLite file and the key ring.</summary>
    public static string Folder(string workspacesRoot) => Path.Combine(Path.GetFullPath(workspacesRoot), FolderName);

    /// <summary>Points EF Core at the configured database.</summary>
    public static void Configure(DbContextOptionsBuilder builder, SecurityOptions options, string workspacesRoot)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        if (string.Equals(options.Provider, SecurityOptions.Postgres, StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                throw new InvalidOperationException(
                    "Journeyscope:Security:Provider is 'postgres' but Journeyscope:Security:ConnectionString is empty. " +
                    "Set it, for example Host=db;Database=journeyscope;Username=journeyscope;Password=...");
            }

            builder.UseNpgsql(options.ConnectionString);
            return;
        }

        if (!string.Equals(options.Provider, SecurityOptions.Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"Journeyscope:Security:Provider is '{options.Provider}': use 'sqlite' (the default) or 'postgres'.");
        }

        var connection = options.ConnectionString;
        if (string.IsNullOrWhiteSpace(connection))
        {
            var folder = Folder(workspacesRoot);
            Directory.CreateDirectory(folder);
            connection = "Data Source=" + Path.Combine(folder, "security.sqlite") + ";Pooling=False";
        }

        builder.UseSqlite(connection);
    }

    /// <summary>
    /// Adds the store (EF Core), Identity's user manager with the password and lockout rules and its token providers,
    /// and Data Protection with the key ring in the store's folder.
    /// </summary>
    public static IdentityBuilder AddSecurityStore(this IServiceCollection services, SecurityOptions options, Func<IServiceProvider, string> workspacesRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(workspacesRoot);
        services.AddSingleton(provider => new SecurityChanges(Folder(workspacesRoot(provider))));
        services.AddDbContext<SecurityDb>((provider, builder) => Configure(builder, options, workspacesRoot(provider)));
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>>(
            provider => new KeyManagementOptionsSetup(Path.Combine(Folder(workspacesRoot(provider)), "keys")));
        services.Configure<DataProtectionTokenProviderOptions>(token => token.TokenLifespan = options.LinkLifetime);
        return services.AddIdentityCore<JourneyscopeUser>(identity =>
            {
                identity.Password.RequiredLength = 12;
                identity.Password.RequireDigit = false;
                identity.Password.RequireLowercase = false;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Password.RequiredUniqueChars = 4;
                identity.Lockout.AllowedForNewUsers = true;
                identity.Lockout.MaxFailedAccessAttempts = options.MaxFailedSignIns;
                identity.Lockout.DefaultLockoutTimeSpan = options.Lockout;
                identity.User.RequireUniqueEmail = false;
                identity.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@+";
            })
            .AddEntityFrameworkStores<SecurityDb>()
            .AddDefaultTokenProviders();
    }

    /// <summary>Creates the schema when the database has none (see docs/security.md for why EnsureCreated).</summary>
    public static async Task EnsureCreatedAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SecurityDb>();
        await db.Database.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
    }
}
