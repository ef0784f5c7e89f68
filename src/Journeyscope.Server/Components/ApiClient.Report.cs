namespace Journeyscope.Server.Components;

internal sealed partial class ApiClient
{
    /// <summary>
    /// The link of the "Download report" buttons: the workspace's HTML report with the map's sliders and the filters
    /// the page shows (the browser downloads it; the page itself reads nothing).
    /// </summary>
    public static string ReportHref(string workspace, double activities = 1, double paths = 1, IReadOnlyList<string>? filters = null) =>
        Ws(workspace) + "/report" + Query(filters, ("activities", Share(activities)), ("paths", Share(paths)));

    /// <summary>The file name the report downloads as.</summary>
    public static string ReportFileName(string workspace) => $"journeyscope-report-{workspace}.html";
}
