namespace Journeyscope.Server.Api;

/// <summary>The journey YAML files of a workspace: <c>journeys/&lt;id&gt;.yaml</c>.</summary>
internal static class JourneyFiles
{
    public const string Extension = ".yaml";

    public static IReadOnlyList<string> Ids(string folder)
    {
        var ids = new List<string>();
        if (Directory.Exists(folder))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*" + Extension))
            {
                ids.Add(Path.GetFileNameWithoutExtension(file));
            }
        }

        ids.Sort(StringComparer.Ordinal);
        return ids;
    }
}
