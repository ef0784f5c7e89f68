using Journeyscope.IO;

namespace Journeyscope.Storage.Collector;

/// <summary>What one collector request carried: its usable messages and the ones quarantined, each with a reason.</summary>
/// <param name="Source">The name recorded for the append, for example <c>collector:segment</c>.</param>
/// <param name="Format">The wire format, <c>segment</c> or <c>posthog</c>.</param>
/// <param name="Messages">The usable messages, in the order received.</param>
/// <param name="Rejected">Messages that could not be used (no usable id, bad timestamp, too large).</param>
public sealed record CollectedBatch(string Source, string Format, IReadOnlyList<CollectedMessage> Messages, IReadOnlyList<QuarantinedRecord> Rejected);
