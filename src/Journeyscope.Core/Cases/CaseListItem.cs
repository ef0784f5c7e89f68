namespace Journeyscope.Cases;

/// <summary>One case in a drill-down list.</summary>
/// <param name="CaseId">The case id.</param>
/// <param name="Events">Number of events.</param>
/// <param name="Start">Its first event.</param>
/// <param name="End">Its last event.</param>
/// <param name="DurationSeconds">Last minus first event.</param>
/// <param name="Activities">Its activity sequence.</param>
public sealed record CaseListItem(string CaseId, int Events, DateTimeOffset Start, DateTimeOffset End, double DurationSeconds, IReadOnlyList<string> Activities);
