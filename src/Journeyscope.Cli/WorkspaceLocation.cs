using Journeyscope.Server.Services;

namespace Journeyscope.Cli;

/// <summary>
/// Turns what <c>--workspace</c> (or <c>JOURNEYSCOPE_WORKSPACE</c>) says into a workspace folder, so that the command
/// line and <c>journeyscope serve</c> share one workspaces folder (<see cref="WorkspacesHome"/>) by default.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>A path (it has a folder separator, starts with '.' or '~', or is rooted: <c>./shop</c>, <c>/data/shop</c>) is that
/// folder, as always.</item>
/// <item>A bare name (<c>shop</c>) is the workspace of that name in the workspaces folder, unless the current folder holds a
/// workspace of that name (<c>./shop/journeyscope.duckdb</c>): that one is kept, as before there was a shared folder.</item>
/// <item>Nothing: the current folder when it is a workspace (as before), otherwise the default workspace
/// (<see cref="WorkspacesHome.DefaultWorkspace"/>, the one the web app opens first) in the workspaces folder.</item>
/// </list>
/// </remarks>
internal static class WorkspaceLocation
{
    /// <summary>The environment variable naming the workspace when <c>--workspace</c> is not given.</summary>
    public const string Variable = "JOURNEYSCOPE_WORKSPACE";

    private const string DatabaseFileName = "journeyscope.duckdb";

    /// <summary>The folder <paramref name="value"/> names, relative to <paramref name="currentFolder"/>.</summary>
    public static string Resolve(string? value, string currentFolder) => Resolve(value, currentFolder, WorkspacesHome.WorkspacesFolder());

    /// <summary>The folder <paramref name="value"/> names, relative to <paramref name="currentFolder"/>, names resolving in <paramref name="workspacesFolder"/>.</summary>
    public static string Resolve(string? value, string currentFolder, string workspacesFolder)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return IsWorkspace(currentFolder) ? currentFolder : Path.Combine(workspacesFolder, WorkspacesHome.DefaultWorkspace);
        }

        if (!IsBareName(value))
        {
            return value;
        }

        var local = Path.Combine(currentFolder, value);
        return IsWorkspace(local) ? value : Path.Combine(workspacesFolder, value);
    }

    /// <summary>The default: <c>JOURNEYSCOPE_WORKSPACE</c>, or the current folder when it is a workspace, or the default workspace.</summary>
    public static string Default() => Resolve(Environment.GetEnvironmentVariable(Variable), Directory.GetCurrentDirectory());

    /// <summary>Whether <paramref name="value"/> is a workspace name rather than a path.</summary>
    public static bool IsBareName(string value) =>
        WorkspaceHost.IsValidName(value) && value.IndexOfAny(['/', '\\', Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar]) < 0;

    private static bool IsWorkspace(string folder) => File.Exists(Path.Combine(folder, DatabaseFileName));
}
