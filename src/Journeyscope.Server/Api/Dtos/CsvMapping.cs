namespace Journeyscope.Server.Api.Dtos;

/// <summary>Which CSV column plays which role; the suggestion of an inspection, or what the user chose.</summary>
/// <param name="Case">The case id column.</param>
/// <param name="Activity">The activity column.</param>
/// <param name="Timestamp">The (completion) timestamp column.</param>
/// <param name="StartTimestamp">The start timestamp column.</param>
/// <param name="Resource">The resource column.</param>
/// <param name="Channel">The channel column.</param>
/// <param name="Lifecycle">The lifecycle column.</param>
/// <param name="EventId">The event id column.</param>
/// <param name="TimestampFormat">The timestamp column's format (<c>iso</c>, <c>unix-s</c>, <c>unix-ms</c> or a .NET pattern).</param>
/// <param name="WideTimestamps">Wide layout: the timestamp column of each step, in file order.</param>
/// <param name="Survey">Survey layout: the activity of every answer (<c>nps</c>, <c>csat</c>, <c>ces</c>, <c>review</c>…).</param>
/// <param name="Score">Survey layout: the column of numeric answers.</param>
/// <param name="Comment">Survey layout: the column of free-text comments.</param>
public sealed record CsvMapping(
    string? Case,
    string? Activity,
    string? Timestamp,
    string? StartTimestamp,
    string? Resource,
    string? Channel,
    string? Lifecycle,
    string? EventId,
    string? TimestampFormat,
    IReadOnlyList<string>? WideTimestamps = null,
    string? Survey = null,
    string? Score = null,
    string? Comment = null);
