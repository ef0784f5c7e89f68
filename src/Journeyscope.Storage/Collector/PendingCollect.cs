namespace Journeyscope.Storage.Collector;

/// <summary>A collector request waiting for its group's commit (see <see cref="Workspace.CollectAsync(CollectedBatch, CollectLimits, CancellationToken)"/>).</summary>
internal sealed class PendingCollect(CollectedBatch batch)
{
    public CollectedBatch Batch { get; } = batch;

    /// <summary>Completed after the commit that stored the request, or with the error that kept it from being stored.</summary>
    public TaskCompletionSource<CollectSummary> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
