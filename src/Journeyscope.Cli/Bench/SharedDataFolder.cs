namespace Journeyscope.Cli.Bench;

/// <summary>Finds the shared data folder (<c>shared/data</c> with <c>logs/</c> and <c>reference/</c>) from the current folder up.</summary>
internal static class SharedDataFolder
{
    /// <summary>The full path of the shared data folder, or null when none is found.</summary>
    public static string? Find()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
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
