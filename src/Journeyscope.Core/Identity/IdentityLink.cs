namespace Journeyscope.Identity;

/// <summary>
/// An observation that the anonymous id <see cref="AnonymousId"/> is the customer <see cref="CustomerId"/>, made by a
/// message at <see cref="UtcTicks"/> (its event time): an identify, an alias, or an event carrying both ids.
/// </summary>
/// <param name="AnonymousId">The id that merges (Segment <c>anonymousId</c> or <c>previousId</c>, PostHog <c>$anon_distinct_id</c> or <c>alias</c>).</param>
/// <param name="CustomerId">The known id it merges into; always a known id.</param>
/// <param name="UtcTicks">The message's event time, UTC ticks.</param>
public readonly record struct IdentityLink(string AnonymousId, string CustomerId, long UtcTicks);
