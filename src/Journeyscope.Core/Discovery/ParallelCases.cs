using Journeyscope.EventLogs;

namespace Journeyscope.Discovery;

/// <summary>Runs a per-chunk kernel over contiguous chunks of cases in parallel.</summary>
/// <remarks>
/// Chunk <c>k</c> covers cases <c>[k * chunkSize, min((k + 1) * chunkSize, CaseCount))</c>. The results come back in
/// chunk order whatever the scheduling, so merging them in order is deterministic. The token is checked once per chunk.
/// </remarks>
public static class ParallelCases
{
    /// <summary>Number of chunks of <paramref name="chunkSize"/> cases that cover <paramref name="caseCount"/> cases.</summary>
    public static int ChunkCount(int caseCount, int chunkSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(caseCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        return (int)(((long)caseCount + chunkSize - 1) / chunkSize);
    }

    /// <summary>
    /// Computes <paramref name="kernel"/>(log, firstCase, caseCount) for every chunk, in parallel, and returns the
    /// results in chunk order.
    /// </summary>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static T[] Map<T>(
        EventLog log,
        int chunkSize,
        int maxDegreeOfParallelism,
        Func<EventLog, int, int, T> kernel,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(kernel);
        var chunks = ChunkCount(log.CaseCount, chunkSize);
        var results = new T[chunks];
        cancellationToken.ThrowIfCancellationRequested();
        if (chunks <= 1 || maxDegreeOfParallelism == 1)
        {
            for (var k = 0; k < chunks; k++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                results[k] = RunChunk(log, chunkSize, kernel, k);
            }

            return results;
        }

        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = maxDegreeOfParallelism,
            CancellationToken = cancellationToken,
        };
        Parallel.For(0, chunks, options, k => results[k] = RunChunk(log, chunkSize, kernel, k));
        return results;
    }

    private static T RunChunk<T>(EventLog log, int chunkSize, Func<EventLog, int, int, T> kernel, int chunk)
    {
        var first = chunk * chunkSize;
        var count = Math.Min(chunkSize, log.CaseCount - first);
        return kernel(log, first, count);
    }
}
