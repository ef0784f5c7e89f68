using Journeyscope.EventLogs;
using Journeyscope.Identity;

namespace Journeyscope.Storage.Collector;

/// <summary>
/// One message received by the collector (a Segment call or a PostHog event), already mapped to the event model
/// (docs/collector.md): stored as one event of the case <see cref="CaseId"/>, with its identity observations.
/// </summary>
public sealed class CollectedMessage
{
    /// <summary>The message id (Segment <c>messageId</c>, PostHog <c>uuid</c>): stored once, whatever the retries.</summary>
    public required string MessageId { get; init; }

    /// <summary>The raw case id before stitching: the usable user id, otherwise the anonymous id.</summary>
    public required string CaseId { get; init; }

    /// <summary>The activity.</summary>
    public required string Activity { get; init; }

    /// <summary>The event time, with the offset it was sent with.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>The channel (<c>web</c>, <c>ios</c>, <c>android</c>, <c>server</c>, or the sender's own), or null.</summary>
    public string? Channel { get; init; }

    /// <summary>Typed event attributes (the message's properties, its anonymous and user ids).</summary>
    public IReadOnlyList<KeyValuePair<string, AttributeValue>> Properties { get; init; } = [];

    /// <summary>Typed case (customer) attributes: Segment traits, PostHog <c>$set</c>.</summary>
    public IReadOnlyList<KeyValuePair<string, AttributeValue>> Traits { get; init; } = [];

    /// <summary>Ids this message shows to be known customers.</summary>
    public IReadOnlyList<string> KnownIds { get; init; } = [];

    /// <summary>Anonymous-to-customer links this message observes.</summary>
    public IReadOnlyList<IdentityLink> Links { get; init; } = [];

    /// <summary>Business objects (order, ticket, payment) the message names.</summary>
    public IReadOnlyList<CollectedObject> Objects { get; init; } = [];
}
