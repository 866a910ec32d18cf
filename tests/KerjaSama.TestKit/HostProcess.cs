using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace KerjaSama.TestKit;

/// <summary>
/// A server as its own operating-system process (<c>dotnet KerjaSama.Host.dll</c> by default), as an operator runs it.
/// The one helper for the cluster tests (kill -9, SIGTERM, restarts), the host's start-up tests (run to exit) and the
/// load generator (CPU time and memory read from <c>/proc</c>).
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _lock = new();
    private readonly Action<string>? _echo;
    private readonly string _dll;
    private readonly IReadOnlyList<string> _arguments;

    private HostProcess(string name, string dll, IReadOnlyList<string> arguments, Uri url, int siloPort, int gatewayPort,
        IDictionary<string, string> settings, Action<string>? echo)
    {
        Name = name;
        _dll = dll;
        _arguments = arguments;
        Url = url;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
        Settings = settings;
        _echo = echo;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(dll))!,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["ASPNETCORE_URLS"] = url.GetLeftPart(UriPartial.Authority);
        start.Environment["KerjaSama__Cluster__SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture);
        start.Environment["KerjaSama__Cluster__GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture);
        start.Environment["KerjaSama__Logging__Json"] = "false";
        foreach (var (key, value) in settings)
            start.Environment[key] = value;
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The platform host's assembly, as built next to the tests.</summary>
    public static string PlatformHostDll => typeof(Program).Assembly.Location;

    public string Name { get; }

    public Uri Url { get; }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    public IDictionary<string, string> Settings { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Everything the process wrote to stdout and stderr so far.</summary>
    public string Output
    {
        get
        {
            lock (_lock)
                return _output.ToString();
        }
    }

    /// <summary>
    /// Starts a server (the platform host unless <paramref name="dll"/> says otherwise) with these settings as environment
    /// variables, on its own HTTP, silo and gateway ports. <paramref name="echo"/> also receives every line it writes.
    /// </summary>
    public static HostProcess Start(string name, IDictionary<string, string> settings, int? siloPort = null, int? httpPort = null,
        int? gatewayPort = null, string? dll = null, IEnumerable<string>? arguments = null, Action<string>? echo = null) =>
        new(name, dll ?? PlatformHostDll, [.. arguments ?? []], new Uri($"http://127.0.0.1:{httpPort ?? FreePort.Next()}"),
            siloPort ?? FreePort.Next(), gatewayPort ?? FreePort.Next(), settings, echo);

    /// <summary>
    /// Runs the platform host to its exit in the Production environment (as an operator starts it, e.g. with
    /// <c>migrate</c>) and returns its exit code and log; kills it when it still runs at the timeout (exit code -1).
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(IDictionary<string, string> settings, string? argument = null,
        TimeSpan? timeout = null)
    {
        var environment = new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production" };
        foreach (var (key, value) in settings)
            environment[key] = value;
        await using var host = Start("host", environment, arguments: argument is null ? [] : [argument]);
        try
        {
            return (await host.WaitForExitAsync(timeout ?? TimeSpan.FromSeconds(60)), host.Output);
        }
        catch (OperationCanceledException)
        {
            await host.KillAsync();
            return (-1, host.Output + "<killed: still running at the timeout>" + Environment.NewLine);
        }
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_lock)
            _output.AppendLine(line);
        _echo?.Invoke(line);
    }

    /// <summary>Waits until <paramref name="readyPath"/> answers 200; fails with the log when the process exits or the deadline passes.</summary>
    public async Task WaitReadyAsync(TimeSpan timeout, string readyPath = "/health/ready")
    {
        using var http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(10) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}:\n{Output}");
            if (await ReadyStatusAsync(http, readyPath) == 200)
                return;
            await Task.Delay(200);
        }

        throw new TimeoutException($"{Name} was not ready within {timeout}:\n{Output}");
    }

    /// <summary>The status code of <paramref name="readyPath"/>, or 0 when nothing answers.</summary>
    public async Task<int> ReadyStatusAsync(HttpClient? client = null, string readyPath = "/health/ready")
    {
        using var own = client is null ? new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(10) } : null;
        try
        {
            return (int)(await (client ?? own!).GetAsync(readyPath)).StatusCode;
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
        _process.WaitForExit(); // the redirected output is complete after this one
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

    /// <summary>The same server started again: same program, settings and ports, a new process.</summary>
    public HostProcess Restart() => Start(Name, Settings, SiloPort, Url.Port, GatewayPort, _dll, _arguments, _echo);

    /// <summary>kill -9 of the process and everything it started: no graceful shutdown, no goodbye to the cluster.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited)
            return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>User + system CPU seconds the process used so far (Linux <c>/proc</c>).</summary>
    public double CpuSeconds()
    {
        var fields = File.ReadAllText($"/proc/{Pid}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return ticks / 100.0;
    }

    /// <summary>Resident set size now and its peak, in MiB (Linux <c>/proc</c>).</summary>
    public (double Rss, double Peak) Memory()
    {
        double rss = 0, peak = 0;
        foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                rss = Kib(line) / 1024.0;
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                peak = Kib(line) / 1024.0;
        }

        return (rss, peak);
    }

    private static long Kib(string line) => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

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
