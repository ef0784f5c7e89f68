namespace Journeyscope.Server.Collector;

/// <summary>
/// Endpoint metadata: the endpoint accepts state-changing requests from pages of other sites (the collector's ingest
/// endpoints, called by SDKs embedded in web pages with write-only keys). <see cref="Services.RequestOriginGuard"/> lets
/// such requests through for these endpoints only.
/// </summary>
public sealed class CrossSiteAllowed
{
    /// <summary>The one instance.</summary>
    public static CrossSiteAllowed Instance { get; } = new();

    private CrossSiteAllowed()
    {
    }
}
