using Journeyscope.Storage.Collector;

namespace Journeyscope.Storage.Tests.Collector;

/// <summary>Whether a workspace has ingest keys: what the server asks when it opens a workspace (its dedup preload).</summary>
public sealed class IngestKeysTests
{
    [Fact]
    public void Exist_WithoutKeysFile_IsFalseAndCreatesNoFile()
    {
        // Given a workspace that never had a key
        using var temp = new TempFolder();
        Workspace.Open(temp.Path).Dispose();

        // When asked, then no key exists, and the keys file was not created by asking
        IngestKeys.Exist(temp.Path).ShouldBeFalse();
        File.Exists(Path.Combine(temp.Path, IngestKeys.FileName)).ShouldBeFalse();
    }

    [Fact]
    public void Exist_EmptyKeysFileThenAKeyCreated_IsFalseThenTrue()
    {
        // Given a workspace whose keys file exists but holds no key
        using var temp = new TempFolder();
        Workspace.Open(temp.Path).Dispose();
        IngestKeys.Side.Open(temp.Path).Dispose();
        File.Exists(Path.Combine(temp.Path, IngestKeys.FileName)).ShouldBeTrue();
        var before = IngestKeys.Exist(temp.Path);

        // When a key is created
        IngestKeys.Create(temp.Path, "web");

        // Then it had none, and has one now
        before.ShouldBeFalse();
        IngestKeys.Exist(temp.Path).ShouldBeTrue();
    }
}
