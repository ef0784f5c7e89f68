namespace Journeyscope.IO;

/// <summary>One of the first rows of a <see cref="CsvTimestampCheck"/>.</summary>
/// <param name="Row">The 1-based data row.</param>
/// <param name="Text">The timestamp text in the file.</param>
/// <param name="Parsed">The instant read, with the offset it was recorded with; null when the row would be quarantined.</param>
/// <param name="Problem">Why the row would be quarantined, or null.</param>
public sealed record CsvTimestampRow(int Row, string Text, DateTimeOffset? Parsed, string? Problem);
