namespace Journeyscope.Identity;

/// <summary>Why a link was not applied.</summary>
public enum MergeRefusal
{
    /// <summary>One side is a junk id (<see cref="JunkIds"/>).</summary>
    JunkId,

    /// <summary>The anonymous side is itself a known customer: two known customers are never merged implicitly.</summary>
    BothKnown,

    /// <summary>The anonymous id already belongs to another customer, linked earlier.</summary>
    AlreadyMerged,
}
