namespace Journeyscope.Monitoring;

/// <summary>One point of the drift timeline: how strongly the windows around a case differ.</summary>
/// <param name="CaseIndex">The boundary, as the index of the first case of the right window.</param>
/// <param name="Timestamp">The first event of that case.</param>
/// <param name="Score">-log10 of the corrected p-value at the smallest window (higher: stronger difference).</param>
/// <param name="Significant">Whether the boundary test was significant at that window's alpha.</param>
public sealed record DriftTimelinePoint(int CaseIndex, DateTimeOffset Timestamp, double Score, bool Significant);
