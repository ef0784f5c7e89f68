namespace Journeyscope.Cases;

/// <summary>
/// What a process map at given sliders draws, for listing the cases of one of its nodes or edges: per activity code
/// whether the map keeps it, and whether the asked node or edge is on the map at all.
/// </summary>
/// <param name="KeptActivities">Per activity code of the log, whether the map shows it.</param>
/// <param name="OnMap">Whether the asked node or edge is drawn; when not, no case matches.</param>
public sealed record CaseMapView(IReadOnlyList<bool> KeptActivities, bool OnMap);
