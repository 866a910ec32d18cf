using System.Diagnostics;
using System.Globalization;
using System.Text;
using KerjaSama.TestKit;

namespace KerjaSama.Cluster.Tests;

/// <summary>One platform host as its own operating-system process (<c>dotnet KerjaSama.Host.dll</c>), as an operator runs it.</summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _lock = new();

    private HostProcess(string name, Process process, Uri url, int siloPort, int gatewayPort, IDictionary<string, string> settings)
    {
        Name = name;
        _process = process;
        Url = url;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
        Settings = settings;
    }

    public string Name { get; }

    public Uri Url { get; }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    public IDictionary<string, string> Settings { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Output
    {
        get
        {
            lock (_lock)
                return _output.ToString();
        }
    }

    /// <summary>Starts the built host with these settings (environment variables) on its own HTTP, silo and gateway ports.</summary>
    public static HostProcess Start(string name, IDictionary<string, string> settings, int? siloPort = null, int? httpPort = null,
        int? gatewayPort = null)
    {
        var hostDll = typeof(Program).Assembly.Location;
        var http = httpPort ?? FreePort.Next();
        var silo = siloPort ?? FreePort.Next();
        var gateway = gatewayPort ?? FreePort.Next();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(hostDll)!,
        };
        start.ArgumentList.Add(hostDll);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{http}";
        start.Environment["KerjaSama__Cluster__SiloPort"] = silo.ToString(CultureInfo.InvariantCulture);
        start.Environment["KerjaSama__Cluster__GatewayPort"] = gateway.ToString(CultureInfo.InvariantCulture);
        start.Environment["KerjaSama__Logging__Json"] = "false";
        foreach (var (key, value) in settings)
            start.Environment[key] = value;
        var host = new HostProcess(name, Process.Start(start)!, new Uri($"http://127.0.0.1:{http}"), silo, gateway, settings);
        host._process.OutputDataReceived += (_, e) => host.Append(e.Data);
        host._process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        return host;
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_lock)
            _output.AppendLine(line);
    }

    /// <summary>Waits until <c>/health/ready</c> answers 200; fails with the host's log when it exits or the deadline passes.</summary>
    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}:\n{Output}");
            if (await ReadyStatusAsync(http) == 200)
                return;
            await Task.Delay(250);
        }

        throw new TimeoutException($"{Name} was not ready within {timeout}:\n{Output}");
    }

    /// <summary>The status code of <c>/health/ready</c>, or 0 when nothing answers.</summary>
    public async Task<int> ReadyStatusAsync(HttpClient? client = null)
    {
        using var own = client is null ? new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(10) } : null;
        try
        {
            return (int)(await (client ?? own!).GetAsync("/health/ready")).StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return 0;
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>
    /// Graceful stop as an operator's service manager does it (SIGTERM): the host drains, its silo leaves the cluster
    /// and its grains deactivate. Returns the exit code; kills the host if it has not stopped within <paramref name="timeout"/>.
    /// </summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        if (!_process.HasExited)
        {
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
                await kill.WaitForExitAsync();
            try
            {
                return await WaitForExitAsync(timeout);
            }
            catch (OperationCanceledException)
            {
                await KillAsync();
                throw new TimeoutException($"{Name} did not stop within {timeout} of SIGTERM:\n{Output}");
            }
        }

        return _process.ExitCode;
    }

    /// <summary>The same host started again: same settings and ports, a new process.</summary>
    public HostProcess Restart() => Start(Name, Settings, SiloPort, Url.Port, GatewayPort);

    /// <summary>kill -9 of the host and everything it started: no graceful shutdown, no goodbye to the cluster.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited)
            return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }

        _process.Dispose();
    }
}
