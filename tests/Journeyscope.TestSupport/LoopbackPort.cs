using System.Net;
using System.Net.Sockets;

namespace Journeyscope.TestSupport;

/// <summary>A free TCP port on 127.0.0.1 for a server a test starts (the operating system's choice, released at once).</summary>
public static class LoopbackPort
{
    /// <summary>A port no listener held a moment ago.</summary>
    public static int Free()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
