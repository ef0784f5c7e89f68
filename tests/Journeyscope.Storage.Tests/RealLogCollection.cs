namespace Journeyscope.Storage.Tests;

/// <summary>Runs <see cref="RealLogImportTests"/> with parallelisation off (after the parallel classes).</summary>
[CollectionDefinition(RealLogImportTests.Collection, DisableParallelization = true)]
public sealed class RealLogCollection;
