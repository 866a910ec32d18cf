using System.Diagnostics;
using System.Text;
using KerjaSama.TestKit;

namespace KerjaSama.Host.Tests;

/// <summary>Runs the built host as its own process, as an operator would, and captures what it logs.</summary>
internal static class HostProcess
{
    public static async Task<(int ExitCode, string Output)> RunAsync(IDictionary<string, string> environment, string? argument = null,
        TimeSpan? timeout = null)
    {
        var hostDll = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(hostDll)!,
        };
        start.ArgumentList.Add(hostDll);
        if (argument is not null)
            start.ArgumentList.Add(argument);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort.Next()}";
        start.Environment["KerjaSama__Cluster__SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["KerjaSama__Cluster__GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["KerjaSama__Logging__Json"] = "false";
        foreach (var (key, value) in environment)
            start.Environment[key] = value;

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var lines = new object();
        process.OutputDataReceived += (_, e) => { lock (lines) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (lines) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            lock (lines) output.AppendLine("<killed: still running at the timeout>");
            return (-1, output.ToString());
        }

        process.WaitForExit();
        lock (lines) return (process.ExitCode, output.ToString());
    }
}
