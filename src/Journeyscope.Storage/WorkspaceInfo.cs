namespace Journeyscope.Storage;

/// <summary>A summary of a workspace's contents, as the CLI <c>info</c> command shows it.</summary>
public sealed class WorkspaceInfo
{
    /// <summary>The workspace version the numbers were read at.</summary>
    public required long Version { get; init; }

    /// <summary>Number of cases with at least one event.</summary>
    public required long CaseCount { get; init; }

    /// <summary>Number of events.</summary>
    public required long EventCount { get; init; }

    /// <summary>Number of distinct activities.</summary>
    public required long ActivityCount { get; init; }

    /// <summary>Number of variants: distinct activity sequences of cases (events ordered by time, ties in source order).</summary>
    public required long VariantCount { get; init; }

    /// <summary>The earliest event timestamp (UTC), or null when there are no events.</summary>
    public required DateTimeOffset? FirstTimestamp { get; init; }

    /// <summary>The latest event timestamp (UTC), or null when there are no events.</summary>
    public required DateTimeOffset? LastTimestamp { get; init; }

    /// <summary>Event and case attributes with type, distinct count and missing count.</summary>
    public required IReadOnlyList<AttributeInfo> Attributes { get; init; }

    /// <summary>Total number of quarantined records.</summary>
    public required long QuarantineCount { get; init; }

    /// <summary>Quarantined records per source, largest first.</summary>
    public required IReadOnlyList<QuarantineCount> QuarantineBySource { get; init; }

    /// <summary>The most frequent quarantine reasons (up to ten), largest first.</summary>
    public required IReadOnlyList<QuarantineCount> TopQuarantineReasons { get; init; }

    /// <summary>Every import, oldest first.</summary>
    public required IReadOnlyList<ImportRecord> Imports { get; init; }
}
