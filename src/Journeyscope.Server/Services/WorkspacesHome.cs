namespace Journeyscope.Server.Services;

/// <summary>
/// The one place the command line and the web app keep their workspaces unless told otherwise, so that
/// <c>journeyscope import FILE -w shop</c> and <c>journeyscope serve</c> see the same <c>shop</c>.
/// </summary>
/// <remarks>
/// The home folder is <c>JOURNEYSCOPE_HOME</c> when set, otherwise <c>journeyscope</c> in the user's local data folder
/// (<c>~/.local/share/journeyscope</c> on Linux, <c>~/Library/Application Support/journeyscope</c> on macOS,
/// <c>%LOCALAPPDATA%\journeyscope</c> on Windows). The workspaces are the subfolders of its <c>workspaces</c> folder.
/// Read on every call, so a changed environment variable is seen.
/// </remarks>
public static class WorkspacesHome
{
    /// <summary>The environment variable naming the home folder.</summary>
    public const string HomeVariable = "JOURNEYSCOPE_HOME";

    /// <summary>The workspace the web app opens first and the command line uses when no workspace is named.</summary>
    public const string DefaultWorkspace = "demo";

    /// <summary>The home folder (absolute).</summary>
    public static string Home()
    {
        if (Environment.GetEnvironmentVariable(HomeVariable) is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured);
        }

        var data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);

        // No user profile (a service account without HOME): the current folder, as before there was a home.
        return string.IsNullOrEmpty(data) ? Path.GetFullPath(".journeyscope") : Path.Combine(data, "journeyscope");
    }

    /// <summary>The folder holding the workspaces, one subfolder each (absolute).</summary>
    public static string WorkspacesFolder() => Path.Combine(Home(), "workspaces");
}
