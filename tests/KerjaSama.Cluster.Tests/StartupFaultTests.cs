using System.Diagnostics;
using System.Globalization;
using KerjaSama.TestKit;
using Xunit;

namespace KerjaSama.Cluster.Tests;

/// <summary>What a host does when the cluster settings or the membership store are wrong.</summary>
public sealed class StartupFaultTests
{
    private static void AssertOneClearLine(string output, string setting)
    {
        var lines = output.Split('\n').Where(l => l.Contains("Start-up failed", StringComparison.Ordinal)).ToList();
        Assert.True(lines.Count == 1, $"Expected one 'Start-up failed' line:\n{output}");
        var next = output.Split('\n').SkipWhile(l => !l.Contains("Start-up failed", StringComparison.Ordinal)).Skip(1).FirstOrDefault() ?? "";
        Assert.True((lines[0] + next).Contains(setting, StringComparison.Ordinal), $"The line does not name {setting}:\n{output}");
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_host_on_the_silo_port_of_a_running_host_stops_with_a_clear_error()
    {
        await using var cluster = await TestCluster.StartAsync("test", hosts: 1);
        var first = cluster.Hosts[0];

        var second = cluster.StartHost(siloPort: first.SiloPort);
        var exit = await second.WaitForExitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(1, exit);
        AssertOneClearLine(second.Output, $"KerjaSama:Cluster:SiloPort {first.SiloPort} is already in use");
        Assert.Equal(200, await first.ReadyStatusAsync());
    }

    [Fact]
    public async Task A_wrong_membership_name_stops_start_up_naming_the_setting()
    {
        await using var database = TestDatabase.Sqlite();
        var settings = ClusterEnvironment.HostSettings(database, "test", Path.Combine(database.DataDirectory, "keys"), redis: "127.0.0.1:1");
        settings["KerjaSama__Cluster__Membership"] = "Zookeeper";
        await using var host = HostProcess.Start("host", settings);

        Assert.Equal(1, await host.WaitForExitAsync(TimeSpan.FromMinutes(2)));
        AssertOneClearLine(host.Output, "KerjaSama:Cluster:Membership 'Zookeeper' is not supported");
    }

    [Fact]
    public async Task Redis_membership_without_a_connection_string_stops_start_up_naming_the_setting()
    {
        await using var database = TestDatabase.Sqlite();
        var settings = ClusterEnvironment.HostSettings(database, "test", Path.Combine(database.DataDirectory, "keys"), redis: "");
        await using var host = HostProcess.Start("host", settings);

        Assert.Equal(1, await host.WaitForExitAsync(TimeSpan.FromMinutes(2)));
        AssertOneClearLine(host.Output, "KerjaSama:Cluster:RedisConnectionString is required");
    }

    [Fact]
    public async Task An_unreachable_membership_store_keeps_the_host_up_but_not_ready_and_it_joins_once_the_store_answers()
    {
        await using var database = TestDatabase.Sqlite();
        var port = FreePort.Next();
        var settings = ClusterEnvironment.HostSettings(database, "test-" + Guid.NewGuid().ToString("N")[..12],
            Path.Combine(database.DataDirectory, "keys"), redis: $"127.0.0.1:{port}");
        await using var host = HostProcess.Start("host", settings);
        using var http = new HttpClient { BaseAddress = host.Url, Timeout = TimeSpan.FromSeconds(10) };

        // Alive (Kestrel serves), not ready, and the log says why, naming the setting.
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline && !host.HasExited && !await LiveAsync(http))
            await Task.Delay(250);
        Assert.True(await LiveAsync(http), host.Output);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(503, await host.ReadyStatusAsync(http));
            await Task.Delay(1000);
        }

        Assert.False(host.HasExited, host.Output);
        Assert.Contains("The membership store KerjaSama:Cluster:RedisConnectionString (127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture)
            + ") is unreachable", host.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Start-up failed", host.Output, StringComparison.Ordinal);

        // The store comes up: the host keeps retrying and becomes ready.
        using var redis = StartRedis(port, database.DataDirectory);
        try
        {
            await host.WaitReadyAsync(TimeSpan.FromMinutes(2));
        }
        finally
        {
            redis.Kill(entireProcessTree: true);
            await redis.WaitForExitAsync();
        }
    }

    private static async Task<bool> LiveAsync(HttpClient http)
    {
        try
        {
            return (await http.GetAsync("/health/live")).IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private static Process StartRedis(int port, string directory)
    {
        var start = new ProcessStartInfo("redis-server") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
        foreach (var argument in new[] { "--bind", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--save", "", "--appendonly", "no" })
            start.ArgumentList.Add(argument);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
