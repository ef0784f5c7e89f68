namespace Journeyscope.Conformance;

/// <summary>How one live event fits the designed flow, judged on the optimal alignment of the prefix so far.</summary>
public enum PrefixStepKind
{
    /// <summary>The event is the next designed step: the prefix's cost did not grow.</summary>
    Conforming,

    /// <summary>The event is designed, but only after steps the customer skipped (model moves before it).</summary>
    Skipped,

    /// <summary>The event does not fit here (a step out of order, a repeat, or an activity the flow does not have): a log move.</summary>
    Unexpected,
}
