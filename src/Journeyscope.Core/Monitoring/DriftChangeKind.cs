namespace Journeyscope.Monitoring;

/// <summary>How a feature of the process changed at a change point.</summary>
public enum DriftChangeKind
{
    /// <summary>Present after the change point, in no case before it.</summary>
    Appeared,

    /// <summary>Present before the change point, in no case after it.</summary>
    Vanished,

    /// <summary>Present on both sides, in a significantly different share of cases.</summary>
    Frequency,
}
