namespace Journeyscope.IO.Tests.Simulation;

/// <summary>Finds samples/retail of the repository from the test's output folder.</summary>
internal static class RetailSample
{
    public static string Folder
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "samples", "retail");
                if (File.Exists(Path.Combine(candidate, "scenario.yaml")))
                {
                    return candidate;
                }
            }

            throw new InvalidOperationException("samples/retail not found above " + AppContext.BaseDirectory);
        }
    }
}
