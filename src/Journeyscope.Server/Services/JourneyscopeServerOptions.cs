namespace Journeyscope.Server.Services;

/// <summary>The server's settings, bound from the <c>Journeyscope</c> configuration section.</summary>
public sealed class JourneyscopeServerOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Journeyscope";

    /// <summary>The folder holding the workspaces, one subfolder each (name = folder name). Default <c>./workspaces</c>.</summary>
    public string WorkspacesRoot { get; set; } = "workspaces";

    /// <summary>The workspace the UI opens first. Default <c>demo</c>.</summary>
    public string DefaultWorkspace { get; set; } = "demo";

    /// <summary>The largest request body accepted by the import endpoints, bytes. Default 1 GiB.</summary>
    public long MaxImportBytes { get; set; } = 1L << 30;

    /// <summary>The largest request body accepted by every other endpoint, bytes. Default 1 MiB.</summary>
    public long MaxRequestBytes { get; set; } = 1L << 20;

    /// <summary>How many quarantined records an import response lists. Default 20.</summary>
    public int QuarantinePreview { get; set; } = 20;
}
