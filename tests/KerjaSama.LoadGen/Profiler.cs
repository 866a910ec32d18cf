using System.Diagnostics;
using System.Globalization;
using KerjaSama.TestKit;

namespace KerjaSama.LoadGen;

/// <summary>
/// Attaches the repository's local tools (dotnet-trace, dotnet-counters; `dotnet tool restore`) to a server process
/// for the measured part of a scenario: a CPU-sampling trace summarised with `dotnet-trace report topN`, and the
/// System.Runtime counters (allocation rate, GC, thread pool) as CSV. Used with `--profile DIR`.
/// </summary>
internal sealed class Profiler(string directory)
{
    public async Task<Func<Task>> StartAsync(HostProcess server, string label, int seconds)
    {
        Directory.CreateDirectory(directory);
        var stamp = $"{label}-{DateTimeOffset.UtcNow:HHmmss}";
        var trace = Path.Combine(directory, $"{stamp}.nettrace");
        var counters = Path.Combine(directory, $"{stamp}-counters");
        var duration = TimeSpan.FromSeconds(seconds).ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);
        var traceTool = Tool("dotnet-trace", "collect", "-p", server.Pid.ToString(CultureInfo.InvariantCulture), "--profile", "dotnet-sampled-thread-time",
            // GC keyword at verbose level: AllocationTick events (one per ~100 KB) with their stacks.
            "--providers", "Microsoft-Windows-DotNETRuntime:0x1:5",
            "--duration", duration, "-o", trace);
        var counterTool = Tool("dotnet-counters", "collect", "-p", server.Pid.ToString(CultureInfo.InvariantCulture), "--counters", "System.Runtime",
            "--format", "csv", "-o", counters, "--duration", duration);
        await Task.Delay(1500); // both sessions attached before the edits start
        return async () =>
        {
            await Task.WhenAll(traceTool.WaitForExitAsync(), counterTool.WaitForExitAsync());
            var report = Tool("dotnet-trace", "report", trace, "topN", "-n", "40");
            var text = await report.StandardOutput.ReadToEndAsync();
            await report.WaitForExitAsync();
            await File.WriteAllTextAsync(Path.ChangeExtension(trace, ".top.txt"), text);
            var summary = ProfileSummary.Summarise(trace);
            await File.WriteAllTextAsync(Path.ChangeExtension(trace, ".summary.md"), summary);
            Console.WriteLine(summary);
            Console.WriteLine($"Profile of {label}: {trace} (+ .top.txt, .summary.md), counters {counters}.csv");
        };
    }

    /// <summary>Starts one of the repository's local .NET tools (`dotnet-trace`, `dotnet-counters`, `dotnet-gcdump`).</summary>
    internal static Process Tool(string tool, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(tool);
        foreach (var a in args)
            start.ArgumentList.Add(a);
        return Process.Start(start)!;
    }
}
