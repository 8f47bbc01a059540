using System.Net;
using System.Net.Sockets;

namespace Newsroom.Testing;

public static class FreePort
{
    // Below the OS's ephemeral range, so no outgoing connection (to Azurite, from Chromium, from the hubs) can take a
    // port between this probe and the server binding it, or while a restarted server is down. Ports the OS picks are
    // in that range: one was seen taken that way, and the silo could not start.
    private const int Lowest = 10_000;

    // Ports Chromium refuses to load pages from (net::ERR_UNSAFE_PORT; its restricted list, those above Lowest): a
    // server on one cannot be opened by the browser tests.
    private static readonly HashSet<int> _unsafeForBrowsers = [10080];

    private static readonly Dictionary<int, FileStream> _given = [];
    private static readonly string _claims = Path.Combine(Path.GetTempPath(), "newsroom-tests", "ports");
    private static readonly int _below = EphemeralLowest();

    /// <summary>
    /// A loopback port nobody listens on right now, outside the range the OS gives outgoing connections, and never one
    /// this process or another test process running now was given before (Azurite's three services would collide, and
    /// the Server and Browser test runs draw from the same range at once: one took a port Azurite was starting on).
    /// </summary>
    public static int Next()
    {
        while (true)
        {
            var port = _below > Lowest + 1_000 ? Random.Shared.Next(Lowest, _below) : 0;
            int bound;
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                bound = ((IPEndPoint)listener.LocalEndpoint).Port;
            }
            catch (SocketException)
            {
                continue;
            }

            if (_unsafeForBrowsers.Contains(bound))
            {
                continue;
            }

            lock (_given)
            {
                if (!_given.ContainsKey(bound) && Claim(bound) is { } claim)
                {
                    _given.Add(bound, claim);
                    return bound;
                }
            }
        }
    }

    // An exclusive lock on a file named for the port, held until this process exits (the OS drops it then, even after
    // a crash): another test process finds it locked and draws again.
    private static FileStream? Claim(int port)
    {
        Directory.CreateDirectory(_claims);
        try
        {
            return new FileStream(Path.Combine(_claims, $"{port}.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    // Linux says its range in /proc; elsewhere (or if unreadable) the OS picks, as before.
    private static int EphemeralLowest()
    {
        try
        {
            var range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
            return int.Parse(range[0], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return 0;
        }
    }
}
