namespace Journeyscope.Server.Collector;

/// <summary>The channel of a collected message, by the rules of docs/collector.md.</summary>
internal static class ChannelRules
{
    private static readonly string[] WebLibraries = ["analytics.js", "analytics-next", "web", "posthog-js", "posthog-js-lite"];
    private static readonly string[] IosLibraries = ["analytics-ios", "analytics-swift", "posthog-ios"];
    private static readonly string[] AndroidLibraries = ["analytics-android", "analytics-kotlin", "posthog-android"];
    private static readonly string[] ServerLibraries =
    [
        "analytics-node", "@segment/analytics-node", "analytics-python", "analytics-ruby", "analytics-go", "analytics-java",
        "analytics-php", "analytics.net", "analytics-csharp", "posthog-node", "posthog-python", "posthog-ruby", "posthog-go",
        "posthog-java", "posthog-php", "posthog-dotnet", "posthog-elixir", "rudder-sdk-node",
    ];

    /// <summary>The channel, or null when nothing tells.</summary>
    /// <param name="explicitChannel">Segment <c>context.channel</c> or PostHog <c>$channel</c>.</param>
    /// <param name="os">The device's operating system name.</param>
    /// <param name="library">The sending library's name.</param>
    public static string? Resolve(string? explicitChannel, string? os, string? library)
    {
        var transport = Transport(explicitChannel);
        if (explicitChannel is { Length: > 0 } && transport is null)
        {
            return explicitChannel.Trim();
        }

        if (os is { Length: > 0 })
        {
            if (os.Contains("ios", StringComparison.OrdinalIgnoreCase) || os.Contains("ipados", StringComparison.OrdinalIgnoreCase))
            {
                return "ios";
            }

            if (os.Contains("android", StringComparison.OrdinalIgnoreCase))
            {
                return "android";
            }
        }

        if (library is { Length: > 0 })
        {
            if (Matches(IosLibraries, library))
            {
                return "ios";
            }

            if (Matches(AndroidLibraries, library))
            {
                return "android";
            }

            if (Matches(WebLibraries, library))
            {
                return "web";
            }

            if (Matches(ServerLibraries, library))
            {
                return "server";
            }
        }

        return transport;
    }

    private static string? Transport(string? channel)
    {
        var text = channel?.Trim();
        return Is(text, "browser") || Is(text, "client") ? "web"
            : Is(text, "server") ? "server"
            : Is(text, "mobile") ? "mobile"
            : null;
    }

    private static bool Is(string? text, string value) => string.Equals(text, value, StringComparison.OrdinalIgnoreCase);

    private static bool Matches(string[] names, string library)
    {
        foreach (var name in names)
        {
            if (string.Equals(name, library, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
