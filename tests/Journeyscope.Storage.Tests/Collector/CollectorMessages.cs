using Journeyscope.EventLogs;
using Journeyscope.Identity;
using Journeyscope.Storage.Collector;

namespace Journeyscope.Storage.Tests.Collector;

/// <summary>Collector batches, track and identify messages as the collector's endpoints hand them to the store.</summary>
internal static class CollectorMessages
{
    /// <summary>The time the messages' minutes count from, unless a test gives its own.</summary>
    public static readonly DateTimeOffset Origin = new(2026, 3, 1, 9, 0, 0, TimeSpan.FromHours(1));

    /// <summary>One batch of <paramref name="messages"/> from a Segment-compatible source.</summary>
    public static CollectedBatch Batch(params CollectedMessage[] messages) => new("collector:test", "segment", messages, []);

    /// <summary>
    /// A track of <paramref name="activity"/> by <paramref name="caseId"/>, <paramref name="minute"/> minutes after <see cref="Origin"/>,
    /// with <paramref name="channel"/> and <paramref name="properties"/> when given.
    /// </summary>
    public static CollectedMessage Track(
        string id, string caseId, string activity, int minute, string? channel = null, IReadOnlyList<KeyValuePair<string, AttributeValue>>? properties = null) =>
        Track(Origin, id, caseId, activity, minute, channel, properties);

    /// <summary>
    /// A track of <paramref name="activity"/> by <paramref name="caseId"/>, <paramref name="minute"/> minutes after <paramref name="origin"/>,
    /// with <paramref name="channel"/> and <paramref name="properties"/> when given.
    /// </summary>
    public static CollectedMessage Track(
        DateTimeOffset origin, string id, string caseId, string activity, int minute, string? channel = null,
        IReadOnlyList<KeyValuePair<string, AttributeValue>>? properties = null) => new()
        {
            MessageId = id,
            CaseId = caseId,
            Activity = activity,
            Timestamp = origin.AddMinutes(minute),
            Channel = channel,
            Properties = properties ?? [],
        };

    /// <summary>
    /// An identify linking <paramref name="anonymous"/> to <paramref name="customer"/>, <paramref name="minute"/> minutes after
    /// <see cref="Origin"/>, with <paramref name="properties"/> when given.
    /// </summary>
    public static CollectedMessage Identify(
        string id, string anonymous, string customer, int minute, IReadOnlyList<KeyValuePair<string, AttributeValue>>? properties = null) =>
        Identify(Origin, id, anonymous, customer, minute, properties);

    /// <summary>
    /// An identify linking <paramref name="anonymous"/> to <paramref name="customer"/>, <paramref name="minute"/> minutes after
    /// <paramref name="origin"/>, with <paramref name="properties"/> when given.
    /// </summary>
    public static CollectedMessage Identify(
        DateTimeOffset origin, string id, string anonymous, string customer, int minute, IReadOnlyList<KeyValuePair<string, AttributeValue>>? properties = null) => new()
        {
            MessageId = id,
            CaseId = customer,
            Activity = "Identify",
            Timestamp = origin.AddMinutes(minute),
            KnownIds = [customer],
            Links = [new IdentityLink(anonymous, customer, origin.AddMinutes(minute).UtcTicks)],
            Properties = properties ?? [],
        };

    /// <summary>The <c>anonymousId</c> property, as the collector keeps a message's anonymous id among its properties.</summary>
    public static KeyValuePair<string, AttributeValue>[] AnonymousId(string anonymous) => [new("anonymousId", AttributeValue.FromString(anonymous))];

    /// <summary>One string property per name in <paramref name="names"/>, each of value "x".</summary>
    public static KeyValuePair<string, AttributeValue>[] StringProperties(params string[] names) =>
        [.. names.Select(name => new KeyValuePair<string, AttributeValue>(name, AttributeValue.FromString("x")))];
}
