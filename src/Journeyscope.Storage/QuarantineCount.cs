namespace Journeyscope.Storage;

/// <summary>A count of quarantined records sharing a key (a source, or a reason).</summary>
/// <param name="Key">The source name or the reason.</param>
/// <param name="Count">Number of records.</param>
public sealed record QuarantineCount(string Key, long Count);
