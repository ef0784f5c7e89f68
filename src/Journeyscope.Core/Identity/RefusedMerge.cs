namespace Journeyscope.Identity;

/// <summary>A link the identity graph refused, with the reason and the customer the anonymous id stays with.</summary>
/// <param name="AnonymousId">The id that would have merged.</param>
/// <param name="CustomerId">The customer it would have merged into.</param>
/// <param name="UtcTicks">The earliest time this link was observed, UTC ticks.</param>
/// <param name="Reason">Why it was refused.</param>
/// <param name="KeptWith">The customer the anonymous id belongs to instead (for <see cref="MergeRefusal.AlreadyMerged"/>), or null.</param>
public sealed record RefusedMerge(string AnonymousId, string CustomerId, long UtcTicks, MergeRefusal Reason, string? KeptWith)
{
    /// <summary>One sentence for logs: which link, why it was refused, and where the anonymous id stays.</summary>
    public string Describe() => Reason switch
    {
        MergeRefusal.JunkId => $"Refused to merge '{AnonymousId}' into '{CustomerId}': a junk id never merges.",
        MergeRefusal.BothKnown => $"Refused to merge '{AnonymousId}' into '{CustomerId}': both are known customers, which are never merged implicitly.",
        _ => $"Refused to merge '{AnonymousId}' into '{CustomerId}': it already belongs to '{KeptWith}', linked earlier.",
    };
}
