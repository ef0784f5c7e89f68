namespace Journeyscope.IO.Tests;

/// <summary>A temporary folder deleted at the end of a test.</summary>
internal sealed class TempFiles : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("journeyscope-io-").FullName;

    public string Path(string name) => System.IO.Path.Combine(_folder, name);

    public string Write(string name, string text)
    {
        var path = Path(name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on some platforms; the OS cleans temp folders.
        }
    }
}
