namespace Journeyscope.Conformance;

/// <summary>An activity of the log that maps to no touchpoint: conformance counts its events as unexpected steps.</summary>
/// <param name="Activity">The activity name.</param>
/// <param name="Events">Its events.</param>
/// <param name="Cases">Cases with at least one of its events.</param>
public sealed record UnmappedStep(string Activity, int Events, int Cases);
