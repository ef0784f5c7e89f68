namespace Journeyscope.Cli.Bench;

/// <summary>Finds the shared data folder (<c>shared/data</c> with <c>logs/</c> and <c>reference/</c>) from the current folder up.</summary>
internal static class SharedDataFolder
{
    /// <summary>The full path of the shared data folder, or null when none is found.</summary>
    /// <remarks>Searched from the current folder, then from the folder of the program (a build inside the repository).</remarks>
    public static string? Find() => FindFrom(Directory.GetCurrentDirectory()) ?? FindFrom(AppContext.BaseDirectory);

    /// <summary>
    /// The reference folder for a log file: that of <paramref name="dataFolder"/> when given, else the shared data folder,
    /// else <c>reference/</c> beside the <c>logs/</c> folder holding the file.
    /// </summary>
    public static string? ReferenceFor(string logPath, string? dataFolder)
    {
        if ((dataFolder ?? Find()) is { } folder)
        {
            return Path.Combine(folder, "reference");
        }

        var logs = Path.GetDirectoryName(Path.GetFullPath(logPath));
        var beside = logs is null ? null : Path.Combine(logs, "..", "reference");
        return beside is not null && Directory.Exists(beside) ? Path.GetFullPath(beside) : null;
    }

    private static string? FindFrom(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "shared", "data"), Path.Combine(dir.FullName, "..", "shared", "data") })
            {
                if (Directory.Exists(Path.Combine(candidate, "reference")))
                {
                    return Path.GetFullPath(candidate);
                }
            }
        }

        return null;
    }

    /// <summary>The full path of <c>logs/<paramref name="name"/></c> in the shared data folder, or null when it is missing.</summary>
    public static string? FindLog(string name)
    {
        var folder = Find();
        var path = folder is null ? null : Path.Combine(folder, "logs", name);
        return path is not null && File.Exists(path) ? path : null;
    }
}
