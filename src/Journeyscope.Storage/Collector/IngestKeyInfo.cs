namespace Journeyscope.Storage.Collector;

/// <summary>What is known of a stored key (never the key itself).</summary>
/// <param name="Hash">The SHA-256 of the key, hex.</param>
/// <param name="Display">The key's first characters, for people to tell keys apart.</param>
/// <param name="Kind">The kind of key: <c>ingest</c>.</param>
/// <param name="Name">The label given at creation, or null.</param>
/// <param name="CreatedAt">When it was created (UTC).</param>
public sealed record IngestKeyInfo(string Hash, string Display, string Kind, string? Name, DateTimeOffset CreatedAt);
