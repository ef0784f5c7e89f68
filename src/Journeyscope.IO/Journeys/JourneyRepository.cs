namespace Journeyscope.IO.Journeys;

/// <summary>
/// Where a workspace keeps its journeys: <c>journeys/&lt;id&gt;.yaml</c> or <c>journeys/&lt;id&gt;.yml</c>. The CLI and the
/// server find journeys through this one class, so both see the same files.
/// </summary>
public static class JourneyRepository
{
    /// <summary>The workspace folder holding the journey files.</summary>
    public const string FolderName = "journeys";

    /// <summary>The extension new journey files are written with.</summary>
    public const string Extension = ".yaml";

    /// <summary>The extensions read, in order of preference when both exist for one id.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".yaml", ".yml"];

    /// <summary>Every journey file of <paramref name="folder"/> (one per id, <c>.yaml</c> before <c>.yml</c>), sorted by id (ordinal).</summary>
    public static IReadOnlyList<string> Files(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var byId = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (Directory.Exists(folder))
        {
            foreach (var extension in Extensions)
            {
                foreach (var file in Directory.EnumerateFiles(folder, "*" + extension))
                {
                    // EnumerateFiles("*.yml") also matches "*.yml*" on some platforms; keep the exact extension only.
                    if (string.Equals(Path.GetExtension(file), extension, StringComparison.Ordinal))
                    {
                        byId.TryAdd(Path.GetFileNameWithoutExtension(file), file);
                    }
                }
            }
        }

        return [.. byId.Values];
    }

    /// <summary>The journey ids of <paramref name="folder"/>, sorted (ordinal).</summary>
    public static IReadOnlyList<string> Ids(string folder) => [.. Files(folder).Select(Path.GetFileNameWithoutExtension).OfType<string>()];

    /// <summary>The file of journey <paramref name="id"/>, or null when there is none.</summary>
    public static string? Find(string folder, string id)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(id);
        foreach (var extension in Extensions)
        {
            var path = Path.Combine(folder, id + extension);
            if (File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }

    /// <summary>The file journey <paramref name="id"/> is read from and written to: the existing one, else <c>&lt;id&gt;.yaml</c>.</summary>
    public static string PathOf(string folder, string id) => Find(folder, id) ?? Path.Combine(folder, id + Extension);
}
