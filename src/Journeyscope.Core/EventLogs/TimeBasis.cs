using System.Text.Json.Serialization;

namespace Journeyscope.EventLogs;

/// <summary>How analyses read timestamps.</summary>
/// <remarks>
/// <see cref="Utc"/> measures true elapsed time between instants. <see cref="WallClock"/> drops each event's UTC
/// offset and computes on the local clock time it was recorded with, which is what PM4Py 2.7 does; durations then
/// differ by the offset change for cases that cross a daylight-saving switch.
/// </remarks>
public enum TimeBasis
{
    /// <summary>True elapsed time between UTC instants (the default).</summary>
    [JsonStringEnumMemberName("utc")]
    Utc,

    /// <summary>Local wall-clock time: offsets ignored (PM4Py's behaviour).</summary>
    [JsonStringEnumMemberName("wall-clock")]
    WallClock,
}
