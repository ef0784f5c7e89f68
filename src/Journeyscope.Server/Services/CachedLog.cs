using Journeyscope.EventLogs;

namespace Journeyscope.Server.Services;

/// <summary>A (filtered) log served from <see cref="EventLogCache"/>, with the key its cached analyses are stored under.</summary>
/// <param name="Log">The log: the workspace's log in the time basis, with the filters applied.</param>
/// <param name="Key">Workspace, version, time basis and normalised filters.</param>
public sealed record CachedLog(EventLog Log, LogKey Key)
{
    /// <summary>The workspace version the log was read at.</summary>
    public long Version => Key.Version;
}
