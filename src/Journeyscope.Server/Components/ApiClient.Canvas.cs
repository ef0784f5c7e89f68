using System.Globalization;
using Journeyscope.Canvas;

namespace Journeyscope.Server.Components;

/// <summary>The lifecycle canvas call of the UI's API client.</summary>
internal sealed partial class ApiClient
{
    /// <summary>The journey's lifecycle canvas and capability heat map.</summary>
    public Task<CanvasResult> GetCanvasAsync(string workspace, string journey, int top, CancellationToken cancellationToken = default) =>
        GetAsync<CanvasResult>(
            Ws(workspace) + "/journeys/" + Uri.EscapeDataString(journey) + "/canvas" + Query(null, ("top", top.ToString(CultureInfo.InvariantCulture))),
            cancellationToken);

    /// <summary>The address of the canvas as Markdown, for a download link.</summary>
    public static string CanvasMarkdownUrl(string workspace, string journey, int top) =>
        "/" + Ws(workspace) + "/journeys/" + Uri.EscapeDataString(journey) + "/canvas" + Query(null, ("top", top.ToString(CultureInfo.InvariantCulture)), ("format", "md"));
}
