namespace Journeyscope.Server.Services;

/// <summary>The server's settings, bound from the <c>Journeyscope</c> configuration section.</summary>
public sealed class JourneyscopeServerOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Journeyscope";

    /// <summary>
    /// The folder holding the workspaces, one subfolder each (name = folder name). Empty (the default): the folder the
    /// command line uses too, <see cref="WorkspacesHome.WorkspacesFolder"/> (<c>JOURNEYSCOPE_HOME/workspaces</c>).
    /// </summary>
    public string WorkspacesRoot { get; set; } = "";

    /// <summary>The workspace the UI opens first; it cannot be renamed or deleted. Default <c>demo</c>.</summary>
    public string DefaultWorkspace { get; set; } = WorkspacesHome.DefaultWorkspace;

    /// <summary>The largest request body accepted by the import endpoints, bytes. Default 1 GiB.</summary>
    public long MaxImportBytes { get; set; } = 1L << 30;

    /// <summary>The largest request body accepted by every other endpoint, bytes. Default 1 MiB.</summary>
    public long MaxRequestBytes { get; set; } = 1L << 20;

    /// <summary>
    /// When true (the default), the first start simulates the retail demo into the default workspace if it has no
    /// events yet, so the app opens on a populated workspace. Tests turn it off.
    /// </summary>
    public bool CreateDemo { get; set; } = true;

    /// <summary>How many quarantined records an import response lists. Default 20.</summary>
    public int QuarantinePreview { get; set; } = 20;

    /// <summary>
    /// Host names (without port) accepted in the <c>Host</c> header besides the loopback names <c>127.0.0.1</c>,
    /// <c>localhost</c> and <c>[::1]</c>, which are always accepted; for example the public name of a team server.
    /// <c>*</c> accepts any host (only behind a proxy that checks it). A request for another host is refused with 400,
    /// which stops DNS rebinding attacks.
    /// </summary>
    public IReadOnlyList<string> AllowedHosts { get; set; } = [];

    /// <summary>
    /// The bound of the filtered-log cache, in measured bytes of the cached logs' columns. Default 1 GiB.
    /// </summary>
    public long FilteredLogCacheBytes { get; set; } = 1L << 30;

    /// <summary>
    /// The folder uploads are streamed to while they are imported (one owner-only file per upload, deleted afterwards
    /// and swept at start-up). Default: <c>.uploads</c> in <see cref="WorkspacesRoot"/>.
    /// </summary>
    public string? UploadFolder { get; set; }

    /// <summary>
    /// How long an upload the import wizard keeps (<c>POST …/imports/uploads</c>) outlives its last use before it is
    /// deleted: a wizard left open, or a client that never says "forget it", cannot fill the disk. Default one day.
    /// </summary>
    public TimeSpan KeptUploadLifetime { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The budgets of one import (section <c>Journeyscope:Imports</c>).</summary>
    public ImportBudgetOptions Imports { get; set; } = new();
}
