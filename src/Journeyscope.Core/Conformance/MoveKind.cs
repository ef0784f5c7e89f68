using System.Text.Json.Serialization;

namespace Journeyscope.Conformance;

/// <summary>The kind of one step of an alignment.</summary>
/// <remarks>
/// Results name the kinds as deviations do, on every surface: <c>synchronous</c>, <c>inserted</c> (a log move: the case did
/// a step the design does not allow there), <c>skipped</c> (a model move: the design needed a step the case did not do) and
/// <c>silent</c>.
/// </remarks>
public enum MoveKind
{
    /// <summary>The event and a model transition with the same label move together (cost 0).</summary>
    [JsonStringEnumMemberName("synchronous")]
    Synchronous,

    /// <summary>The event happened but the model could not do it there (cost 1): an unexpected step.</summary>
    [JsonStringEnumMemberName("inserted")]
    LogMove,

    /// <summary>The model needed a visible step the case did not do (cost 1): a skipped step.</summary>
    [JsonStringEnumMemberName("skipped")]
    ModelMove,

    /// <summary>The model took a silent transition (cost 0).</summary>
    [JsonStringEnumMemberName("silent")]
    SilentMove,
}
