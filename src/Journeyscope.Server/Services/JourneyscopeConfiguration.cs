namespace Journeyscope.Server.Services;

/// <summary>
/// The server's settings read the way the server reads them, for commands that act outside it (<c>journeyscope monitor
/// run</c> sends the same e-mail and webhooks): <c>appsettings.json</c> and <c>appsettings.{Environment}.json</c> beside the
/// program, then environment variables (<c>Journeyscope__Monitoring__Smtp__Host</c>), then an optional settings file.
/// </summary>
public static class JourneyscopeConfiguration
{
    /// <summary>Reads the settings; <paramref name="settingsFile"/> (JSON, the shape of appsettings.json) overrides the others.</summary>
    /// <exception cref="FileNotFoundException">The settings file does not exist.</exception>
    public static IConfiguration Read(string? settingsFile = null)
    {
        var environment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? "Production";
        var builder = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, $"appsettings.{environment}.json"), optional: true)
            .AddEnvironmentVariables();
        if (settingsFile is not null)
        {
            var path = Path.GetFullPath(settingsFile);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"The settings file '{path}' does not exist.", path);
            }

            builder.AddJsonFile(path, optional: false);
        }

        return builder.Build();
    }

    /// <summary>The webhook settings (<c>Journeyscope:Webhooks</c>) in <paramref name="configuration"/>.</summary>
    public static Notifications.WebhookOptions Webhooks(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetSection(Notifications.WebhookOptions.SectionName).Get<Notifications.WebhookOptions>() ?? new Notifications.WebhookOptions();
    }
}
