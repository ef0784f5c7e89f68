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

    /// <summary>A track of <paramref name="activity"/> by <paramref name="caseId"/>, <paramref name="minute"/> minutes after <see cref="Origin"/>.</summary>
    public static CollectedMessage Track(string id, string caseId, string activity, int minute) => Track(Origin, id, caseId, activity, minute);

    /// <summary>A track of <paramref name="activity"/> by <paramref name="caseId"/>, <paramref name="minute"/> minutes after <paramref name="origin"/>.</summary>
    public static CollectedMessage Track(DateTimeOffset origin, string id, string caseId, string activity, int minute) => new()
    {
        MessageId = id,
        CaseId = caseId,
        Activity = activity,
        Timestamp = origin.AddMinutes(minute),
    };

    /// <summary>An identify linking <paramref name="anonymous"/> to <paramref name="customer"/>, <paramref name="minute"/> minutes after <see cref="Origin"/>.</summary>
    public static CollectedMessage Identify(string id, string anonymous, string customer, int minute) => Identify(Origin, id, anonymous, customer, minute);

    /// <summary>An identify linking <paramref name="anonymous"/> to <paramref name="customer"/>, <paramref name="minute"/> minutes after <paramref name="origin"/>.</summary>
    public static CollectedMessage Identify(DateTimeOffset origin, string id, string anonymous, string customer, int minute) => new()
    {
        MessageId = id,
        CaseId = customer,
        Activity = "Identify",
        Timestamp = origin.AddMinutes(minute),
        KnownIds = [customer],
        Links = [new IdentityLink(anonymous, customer, origin.AddMinutes(minute).UtcTicks)],
    };
}
