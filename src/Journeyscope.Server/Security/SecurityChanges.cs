namespace Journeyscope.Server.Security;

/// <summary>
/// Tells the server's <see cref="AccessCache"/> that grants, keys or users changed: in this process through a counter,
/// across processes (the <c>journeyscope users|keys</c> commands on the same data folder) through a stamp file in the
/// security folder whose write time every change moves.
/// </summary>
public sealed class SecurityChanges(string folder)
{
    private long _local;

    /// <summary>The stamp file.</summary>
    public string StampPath { get; } = Path.Combine(folder, "changes.stamp");

    /// <summary>What the cache compares: it changes whenever <see cref="Touch"/> is called here or in another process.</summary>
    public (long Local, long Stamp) Version => (Interlocked.Read(ref _local), File.GetLastWriteTimeUtc(StampPath).Ticks);

    /// <summary>Records a change (after it is saved).</summary>
    public void Touch()
    {
        Interlocked.Increment(ref _local);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(StampPath)!);
            File.WriteAllText(StampPath, Guid.NewGuid().ToString("N"));
            // Two changes within the file system's timestamp granularity must still differ.
            File.SetLastWriteTimeUtc(StampPath, DateTime.UtcNow);
        }
        catch (IOException)
        {
            // The counter still invalidates this process; another process's cache expires with its own changes.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
