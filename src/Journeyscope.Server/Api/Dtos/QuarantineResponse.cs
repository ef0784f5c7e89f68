using Journeyscope.IO;

namespace Journeyscope.Server.Api.Dtos;

/// <summary>The workspace's quarantine (GET /api/v1/workspaces/{ws}/quarantine).</summary>
/// <param name="Total">Number of quarantined records.</param>
/// <param name="BySource">Counts per source file, largest first.</param>
/// <param name="TopReasons">The most frequent reasons (up to ten), largest first.</param>
/// <param name="Records">The first records (up to <c>limit</c>), in import order.</param>
public sealed record QuarantineResponse(
    long Total,
    IReadOnlyList<Storage.QuarantineCount> BySource,
    IReadOnlyList<Storage.QuarantineCount> TopReasons,
    IReadOnlyList<QuarantinedRecord> Records);
