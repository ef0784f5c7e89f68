namespace Journeyscope.Simulation;

/// <summary>What <c>journeyscope simulate --live</c> streamed through a server's collector.</summary>
/// <param name="Server">The server's address.</param>
/// <param name="Customers">Simulated customers streamed.</param>
/// <param name="Messages">Collector messages sent: the events, plus one identify call per customer who logged in.</param>
/// <param name="Acknowledged">Messages the collector acknowledged (stored durably, or known already).</param>
/// <param name="Failed">Messages not acknowledged after every retry.</param>
/// <param name="Requests">HTTP requests made, retries included.</param>
/// <param name="Seconds">Wall-clock seconds of the stream.</param>
/// <param name="MessagesPerSecond">Acknowledged messages per second.</param>
public sealed record LiveStreamSummary(
    string Server, long Customers, long Messages, long Acknowledged, long Failed, long Requests, double Seconds, double MessagesPerSecond);
