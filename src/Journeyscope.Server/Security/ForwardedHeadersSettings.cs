namespace Journeyscope.Server.Security;

/// <summary>
/// The reverse proxies in front of the server (<c>Journeyscope:Security:ForwardedHeaders</c>). Only requests arriving
/// from one of them have their <c>X-Forwarded-For</c>, <c>X-Forwarded-Proto</c> and <c>X-Forwarded-Host</c> believed;
/// with none configured the headers are ignored, so a client cannot claim another address.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    /// <summary>The proxies' addresses, e.g. <c>10.0.0.5</c>.</summary>
    public IList<string> KnownProxies { get; init; } = [];

    /// <summary>The proxies' networks in CIDR notation, e.g. <c>10.0.0.0/24</c>.</summary>
    public IList<string> KnownNetworks { get; init; } = [];

    /// <summary>How many proxies in a row may append to the headers (the entries read from the right).</summary>
    public int ForwardLimit { get; set; } = 1;

    /// <summary>Whether any proxy is configured: then the server is reachable through it, i.e. from the network.</summary>
    public bool Enabled => KnownProxies.Count > 0 || KnownNetworks.Count > 0;
}
