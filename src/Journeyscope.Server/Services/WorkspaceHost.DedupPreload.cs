using Journeyscope.Storage.Collector;
using Microsoft.Data.Sqlite;

namespace Journeyscope.Server.Services;

public sealed partial class WorkspaceHost
{
    /// <summary>
    /// Whether the workspace in <paramref name="folder"/> is likely to receive collector batches soon, so that loading its
    /// dedup filters when it opens pays off: it has an ingest key.
    /// </summary>
    /// <remarks>
    /// The collector finds a batch's workspace by its ingest key, and keys are never removed, so every workspace that ever
    /// received a batch has one; a workspace without a key (imported files only) receives none. The test costs a file check,
    /// and one query of the small keys file when it exists, never a scan of the events. Workspaces without a key load a
    /// filter when an append first needs it (an import through the API or the first batch after a key was created by
    /// the CLI), as the CLI does; a key created through the API starts the load at once. An unreadable keys file answers
    /// false: the collector cannot find that workspace's keys either.
    /// </remarks>
    private static bool ExpectsBatches(string folder)
    {
        try
        {
            return IngestKeys.Exist(folder);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
