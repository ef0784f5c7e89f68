using Journeyscope.IO;
using Journeyscope.Storage;

namespace Journeyscope.Server.Api.Dtos;

/// <summary>What an upload did (POST /api/v1/workspaces/{ws}/imports).</summary>
/// <param name="Summary">The counts: read, imported, quarantined, added, duplicates skipped, and the new workspace version.</param>
/// <param name="Quarantine">The first quarantined records of this import, each with file, line, field and reason.</param>
/// <param name="Warnings">Things to know that lost no data.</param>
public sealed record ImportResponse(ImportSummary Summary, IReadOnlyList<QuarantinedRecord> Quarantine, IReadOnlyList<string> Warnings);
