using Journeyscope.Storage;

namespace Journeyscope.Server.Tests.Api;

/// <summary>
/// The same demo (fixed seed) in a folder of its own for the CLI, built once for the test assembly: the server holds its
/// own workspace database open, so the CLI side of the parity tests reads this copy.
/// </summary>
public sealed class CliDemoWorkspace : IAsyncLifetime
{
    /// <summary>The CLI's workspace folder.</summary>
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "journeyscope-parity-cli-" + Guid.NewGuid().ToString("N"));

    /// <summary>The retail journey file in it.</summary>
    public string Journey => Path.Combine(Folder, "journeys", "retail.yaml");

    /// <inheritdoc />
    public async ValueTask InitializeAsync() => await DemoWorkspace.EnsureAsync(Folder, TestContext.Current.CancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }

        return ValueTask.CompletedTask;
    }
}
