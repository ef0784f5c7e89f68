namespace Journeyscope.Conformance;

/// <summary>The kind of one step of an alignment.</summary>
public enum MoveKind
{
    /// <summary>The event and a model transition with the same label move together (cost 0).</summary>
    Synchronous,

    /// <summary>The event happened but the model could not do it there (cost 1): an unexpected step.</summary>
    LogMove,

    /// <summary>The model needed a visible step the case did not do (cost 1): a skipped step.</summary>
    ModelMove,

    /// <summary>The model took a silent transition (cost 0).</summary>
    SilentMove,
}
