using System.Text.Json.Serialization;

namespace Journeyscope.Conformance;

/// <summary>How a case left the designed journey at one touchpoint, read from its optimal alignment.</summary>
/// <remarks>Definitions (per case and touchpoint): docs/deviations.md.</remarks>
public enum DeviationKind
{
    /// <summary>The design needed the touchpoint but the case never did it: model moves and no log move of it.</summary>
    Skipped,

    /// <summary>The case did the touchpoint (or an unmapped step) where the design does not allow it: log moves and no model move of it.</summary>
    Inserted,

    /// <summary>The case did the touchpoint, but not where the design expects it: both a log move and a model move of it.</summary>
    [JsonStringEnumMemberName("out-of-order")]
    OutOfOrder,

    /// <summary>Rework: the case did the touchpoint more than once (synchronous plus log moves of it at least two).</summary>
    Repeated,
}
