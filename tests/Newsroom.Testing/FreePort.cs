using System.Net;
using System.Net.Sockets;

namespace Newsroom.Testing;

public static class FreePort
{
    private static readonly HashSet<int> _given = [];

    /// <summary>
    /// A loopback port nobody listens on right now (the OS picks it), never one this process was given before: the
    /// OS may pick the same port twice in a row once the probe closes it, and Azurite's three services then collide.
    /// </summary>
    public static int Next()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            lock (_given)
            {
                if (_given.Add(port))
                {
                    return port;
                }
            }
        }
    }
}
