using Xunit;

namespace Journeyscope.TestSupport;

/// <summary>
/// Locates the real data in ../shared/data. When the folder is missing, tests fail with a clear message under CI
/// (CI=true) and are skipped with a visible reason otherwise.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string?> Root = new(FindRoot);

    /// <summary>The shared/data folder, or null when not found.</summary>
    public static string? Folder => Root.Value;

    /// <summary>Full path of a file under shared/data, e.g. <c>logs/receipt.xes.gz</c>; skips or fails when missing.</summary>
    public static string Path(string relative)
    {
        var root = Require();
        var path = System.IO.Path.Combine(root, relative);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            Missing($"The shared data file {path} is missing.");
        }

        return path;
    }

    /// <summary>The shared/data folder; skips the test (or fails under CI) when it is missing.</summary>
    public static string Require()
    {
        var root = Root.Value;
        if (root is null)
        {
            Missing("../shared/data was not found beside the repository (set JOURNEYSCOPE_SHARED_DATA to its path).");
        }

        return root!;
    }

    private static void Missing(string message)
    {
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(message + " CI=true requires the real data.");
        }

        Assert.Skip(message);
    }

    private static string? FindRoot()
    {
        var configured = Environment.GetEnvironmentVariable("JOURNEYSCOPE_SHARED_DATA");
        if (!string.IsNullOrEmpty(configured) && Directory.Exists(configured))
        {
            return configured;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Journeyscope.slnx")))
            {
                var candidate = System.IO.Path.Combine(dir.FullName, "..", "shared", "data");
                return Directory.Exists(candidate) ? System.IO.Path.GetFullPath(candidate) : null;
            }
        }

        return null;
    }
}
