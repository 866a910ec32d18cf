using System.Globalization;
using System.Net;
using System.Net.Sockets;
using KerjaSama.TestKit;
using Xunit;

namespace KerjaSama.Host.Tests;

/// <summary>
/// A test host that stops while starting says why: the fixture reports the program's own start-up log instead of the
/// factory's "disposed service provider", and tries again with new ports only when a port was taken.
/// </summary>
public sealed class TestHostStartTests
{
    private sealed class HostOnTakenSiloPort(int port) : PlatformFixture
    {
        protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());

        // A fixed port overrides the fresh one of each attempt, so every attempt finds it taken.
        protected override void Configure(Dictionary<string, string?> settings) =>
            settings["KerjaSama:Cluster:SiloPort"] = port.ToString(CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task A_host_whose_silo_port_is_taken_fails_with_the_reason_after_three_attempts()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, FreePort.Next());
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;
        var fixture = new HostOnTakenSiloPort(port);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(fixture.InitializeAsync);

        Assert.Contains("attempt 3", error.Message, StringComparison.Ordinal);
        Assert.Contains($"SiloPort {port} is already in use", error.Message, StringComparison.Ordinal);
        await fixture.DisposeAsync();
    }

    [Fact]
    public void Ports_handed_out_in_one_process_differ_and_can_be_bound()
    {
        var ports = Enumerable.Range(0, 50).Select(_ => FreePort.Next()).ToList();
        Assert.Equal(ports.Count, ports.Distinct().Count());
        foreach (var port in ports.Take(5))
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
        }
    }
}
