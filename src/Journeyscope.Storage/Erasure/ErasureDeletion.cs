using Journeyscope.Erasure;

namespace Journeyscope.Storage.Erasure;

/// <summary>What <see cref="Workspace.DeleteCustomer"/> removed: the ids, the marker values found before, the counts and the new version.</summary>
internal sealed record ErasureDeletion(IReadOnlyList<string> Ids, IReadOnlyList<string> Markers, IReadOnlyList<ErasedRows> Removed, long Version);
