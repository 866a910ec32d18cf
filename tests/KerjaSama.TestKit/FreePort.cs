using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace KerjaSama.TestKit;

/// <summary>
/// Loopback ports for hosts the tests start. A port is free when handed out, not reserved: something else may bind it
/// before the host does. To make that rare, ports come from below the OS's ephemeral range (so no outgoing connection of
/// the many database clients of a test run takes one), at random, never the same twice in one process, and only when a
/// bind succeeds. <see cref="PlatformFixture"/> starts again with new ports if a host still finds one taken.
/// </summary>
public static class FreePort
{
    private static readonly Lock Gate = new();
    private static readonly HashSet<int> Given = [];
    private static readonly (int Low, int High)? Range = BelowEphemeral();

    public static int Next()
    {
        if (Range is { } range)
        {
            lock (Gate)
            {
                for (var attempt = 0; attempt < 200; attempt++)
                {
                    var port = Random.Shared.Next(range.Low, range.High);
                    if (Given.Contains(port) || !CanBind(port))
                        continue;
                    Given.Add(port);
                    return port;
                }
            }
        }

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool CanBind(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>[10000, start of the ephemeral range) when the OS says where that starts and leaves room, else null.</summary>
    private static (int, int)? BelowEphemeral()
    {
        const string file = "/proc/sys/net/ipv4/ip_local_port_range";
        try
        {
            if (!File.Exists(file))
                return null;
            var first = File.ReadAllText(file).Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries)[0];
            var low = int.Parse(first, CultureInfo.InvariantCulture);
            return low >= 12000 ? (10000, low) : null;
        }
        catch (Exception ex) when (ex is IOException or FormatException or UnauthorizedAccessException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
