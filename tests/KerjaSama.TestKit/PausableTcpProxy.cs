using System.Net;
using System.Net.Sockets;

namespace KerjaSama.TestKit;

/// <summary>
/// A loopback TCP proxy to simulate a network fault between the host and its database: connections to
/// <see cref="Port"/> are relayed to the target; <see cref="Cut"/> drops every open connection (reset) and refuses
/// new ones until <see cref="Restore"/>. Binds 127.0.0.1 only.
/// </summary>
public sealed class PausableTcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _lock = new();
    private readonly HashSet<Socket> _open = [];
    private readonly Task _accepting;
    private volatile bool _cut;

    public PausableTcpProxy(string targetHost, int targetPort)
    {
        _targetHost = targetHost;
        _targetPort = targetPort;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync(_stopping.Token);
    }

    public int Port { get; }

    public bool IsCut => _cut;

    /// <summary>How many connections were refused while cut.</summary>
    public int Refused { get; private set; }

    /// <summary>How many connections were relayed since the start.</summary>
    public int Relayed { get; private set; }

    /// <summary>Drops every open connection with a reset and refuses new ones.</summary>
    public void Cut()
    {
        _cut = true;
        List<Socket> open;
        lock (_lock)
        {
            open = [.. _open];
            _open.Clear();
        }

        foreach (var socket in open)
            Reset(socket);
    }

    public void Restore() => _cut = false;

    private async Task AcceptAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(ct);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            if (_cut)
            {
                Refused++;
                Reset(client);
                continue;
            }

            _ = RelayAsync(client, ct);
        }
    }

    private async Task RelayAsync(Socket client, CancellationToken ct)
    {
        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await server.ConnectAsync(_targetHost, _targetPort, ct);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            Reset(client);
            server.Dispose();
            return;
        }

        lock (_lock)
        {
            if (_cut)
            {
                Reset(client);
                Reset(server);
                return;
            }

            _open.Add(client);
            _open.Add(server);
            Relayed++;
        }

        // When either direction ends, both sockets go: a half-open relay would hang the database client.
        await Task.WhenAny(PumpAsync(client, server, ct), PumpAsync(server, client, ct));
        lock (_lock)
        {
            _open.Remove(client);
            _open.Remove(server);
        }

        Reset(client);
        Reset(server);
    }

    private static async Task PumpAsync(Socket from, Socket to, CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, ct);
                if (read == 0)
                    return;
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, ct);
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The other side or Cut closed the connection.
        }
    }

    /// <summary>Closes with a reset (linger 0), as a dropped network path looks to the database client.</summary>
    private static void Reset(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Closed already.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        Cut();
        await _accepting;
        _stopping.Dispose();
    }
}
