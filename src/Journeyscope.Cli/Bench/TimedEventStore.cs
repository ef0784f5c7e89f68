using System.Diagnostics;
using Journeyscope.Identity;
using Journeyscope.IO;
using Journeyscope.Storage;

namespace Journeyscope.Cli.Bench;

/// <summary>
/// An <see cref="IEventStore"/> that forwards to another and adds up the wall time of its reads, so a benchmark can tell
/// the store's share of a live refresh from the in-memory work (<c>bench append --verbose</c>).
/// </summary>
internal sealed class TimedEventStore(IEventStore store) : IEventStore
{
    private readonly Stopwatch _reads = new();

    /// <summary>Seconds spent in reads since the last <see cref="Reset"/>.</summary>
    public double ReadSeconds => _reads.Elapsed.TotalSeconds;

    /// <inheritdoc />
    public long Version => store.Version;

    /// <summary>Sets <see cref="ReadSeconds"/> to zero.</summary>
    public void Reset() => _reads.Reset();

    /// <inheritdoc />
    public Task<ImportSummary> AppendAsync(ImportResult result, string sourceName, CancellationToken cancellationToken = default) =>
        store.AppendAsync(result, sourceName, cancellationToken);

    /// <inheritdoc />
    public StoredCases ReadAll(CancellationToken cancellationToken = default) => Timed(() => store.ReadAll(cancellationToken));

    /// <inheritdoc />
    public StoredCases ReadCases(IReadOnlyCollection<string> caseIds, CancellationToken cancellationToken = default) =>
        Timed(() => store.ReadCases(caseIds, cancellationToken));

    /// <inheritdoc />
    public StoredChanges? ReadChangesSince(long version, IdentityGraph graph, CancellationToken cancellationToken = default) =>
        Timed(() => store.ReadChangesSince(version, graph, cancellationToken));

    /// <inheritdoc />
    public StoredAppend? ReadAppendedSince(long version, long afterSeq, IdentityGraph graph, CancellationToken cancellationToken = default) =>
        Timed(() => store.ReadAppendedSince(version, afterSeq, graph, cancellationToken));

    private T Timed<T>(Func<T> read)
    {
        _reads.Start();
        try
        {
            return read();
        }
        finally
        {
            _reads.Stop();
        }
    }
}
