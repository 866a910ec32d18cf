using System.Globalization;
using System.Text;
using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.EventPipe;

namespace KerjaSama.LoadGen;

/// <summary>
/// Where the host's CPU goes, from a <c>dotnet-trace</c> sampled-thread-time trace: only the samples the runtime marks
/// as running managed code count (a thread blocked in a wait, or in native code such as SQLite or a socket call, is
/// "external"), each attributed to the innermost frame that belongs to a known component. An estimate: native CPU
/// (SQLite, the kernel's socket and fsync work) is not in it.
/// Usage: <c>dotnet KerjaSama.LoadGen.dll profile-summary TRACE.nettrace [more.nettrace]</c>.
/// </summary>
internal static class ProfileSummary
{
    private static readonly (string Name, string[] Keys)[] Components =
    [
        ("platform code (KerjaSama.*)", ["KerjaSama."]),
        ("EF Core", ["Microsoft.EntityFrameworkCore"]),
        ("Microsoft.Data.Sqlite (managed side)", ["Microsoft.Data.Sqlite", "SQLitePCL"]),
        ("Orleans runtime, messaging, serialisation", ["Orleans"]),
        ("MessagePack", ["MessagePack"]),
        ("System.Text.Json", ["System.Text.Json"]),
        ("SignalR (hub dispatch, groups, protocols)", ["SignalR"]),
        ("Kestrel, sockets, pipelines, WebSockets", ["Kestrel", "System.Net.Sockets", "System.IO.Pipelines", "WebSockets", "Http.Connections"]),
        ("System.Diagnostics.Metrics / tracing", ["System.Diagnostics.Metrics", "System.Diagnostics.Tracing", "DiagnosticSource"]),
    ];

    public static int Run(string[] traces)
    {
        foreach (var trace in traces)
            Console.WriteLine(Summarise(trace));
        return 0;
    }

    public static string Summarise(string trace)
    {
        var etlx = TraceLog.CreateFromEventPipeDataFile(trace);
        using var log = new TraceLog(etlx);
        var byComponent = new Dictionary<string, int>(StringComparer.Ordinal);
        var inclusive = new Dictionary<string, int>(StringComparer.Ordinal);
        var exclusive = new Dictionary<string, int>(StringComparer.Ordinal);
        var callers = new Dictionary<string, int>(StringComparer.Ordinal);
        int managed = 0, external = 0;
        // Allocation ticks (about one per 100 KB allocated, when the trace has the GC keyword at verbose level): by type
        // and by the innermost platform frame that allocated, so "bytes per edit" can be split by who allocates.
        var allocatedByType = new Dictionary<string, long>(StringComparer.Ordinal);
        var allocatedByFrame = new Dictionary<string, long>(StringComparer.Ordinal);
        long allocated = 0;
        foreach (var e in log.Events)
        {
            if (e is Microsoft.Diagnostics.Tracing.Parsers.Clr.GCAllocationTickTraceData tick)
            {
                allocated += tick.AllocationAmount64;
                allocatedByType[tick.TypeName ?? "?"] = allocatedByType.GetValueOrDefault(tick.TypeName ?? "?") + tick.AllocationAmount64;
                var owner = "(no frame of a known component)";
                for (var frame = e.CallStack(); frame is not null; frame = frame.Caller)
                {
                    var method = frame.CodeAddress.ModuleName + "!" + frame.CodeAddress.FullMethodName;
                    if (Components.Any(c => c.Keys.Any(k => method.Contains(k, StringComparison.Ordinal))))
                    {
                        owner = method;
                        break;
                    }
                }

                allocatedByFrame[owner] = allocatedByFrame.GetValueOrDefault(owner) + tick.AllocationAmount64;
                continue;
            }

            if (e is not ClrThreadSampleTraceData sample)
                continue;
            if (sample.Type != ClrThreadSampleType.Managed)
            {
                external++;
                continue;
            }

            managed++;
            var frames = new List<string>();
            for (var frame = e.CallStack(); frame is not null; frame = frame.Caller)
                frames.Add(frame.CodeAddress.ModuleName + "!" + frame.CodeAddress.FullMethodName);
            if (frames.Count == 0)
                continue;
            Add(exclusive, frames[0]);
            Add(callers, frames[0] + "\n    <- " + string.Join("\n    <- ", frames.Skip(1).Take(6).Select(Short)));
            foreach (var f in frames.Distinct())
                Add(inclusive, f);
            var component = frames.Select(f => Components.FirstOrDefault(c => c.Keys.Any(k => f.Contains(k, StringComparison.Ordinal))).Name)
                .FirstOrDefault(n => n is not null) ?? "runtime (GC, thread pool, collections) and other";
            Add(byComponent, component);
        }

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"## {Path.GetFileName(trace)}");
        report.AppendLine(CultureInfo.InvariantCulture,
            $"{managed} samples running managed code, {external} waiting or in native code (sampled at about 100 Hz per thread).");
        report.AppendLine();
        report.AppendLine("| component (innermost frame that names one) | share of managed CPU samples |");
        report.AppendLine("|---|---|");
        foreach (var (name, count) in byComponent.OrderByDescending(kv => kv.Value))
            report.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {100.0 * count / Math.Max(1, managed):0.0}% |");
        report.AppendLine();
        report.AppendLine("Platform frames, inclusive share:");
        foreach (var (name, count) in inclusive.Where(kv => kv.Key.Contains("KerjaSama", StringComparison.Ordinal))
                     .OrderByDescending(kv => kv.Value).Take(25))
            report.AppendLine(CultureInfo.InvariantCulture, $"- {100.0 * count / Math.Max(1, managed):0.0}% {Short(name)}");
        report.AppendLine();
        report.AppendLine("Hottest frames, exclusive share:");
        foreach (var (name, count) in exclusive.OrderByDescending(kv => kv.Value).Take(25))
            report.AppendLine(CultureInfo.InvariantCulture, $"- {100.0 * count / Math.Max(1, managed):0.0}% {Short(name)}");
        report.AppendLine();
        report.AppendLine("Hottest stacks (innermost frame and six callers):");
        foreach (var (name, count) in callers.OrderByDescending(kv => kv.Value).Take(12))
            report.AppendLine(CultureInfo.InvariantCulture, $"- {100.0 * count / Math.Max(1, managed):0.0}% {name}");
        if (allocated > 0)
        {
            report.AppendLine();
            report.AppendLine(CultureInfo.InvariantCulture, $"Allocations sampled: {allocated / 1024.0 / 1024.0:0.0} MiB. By type:");
            foreach (var (name, bytes) in allocatedByType.OrderByDescending(kv => kv.Value).Take(20))
                report.AppendLine(CultureInfo.InvariantCulture, $"- {100.0 * bytes / allocated:0.0}% {Short(name)}");
            report.AppendLine();
            report.AppendLine("By the innermost frame of a known component:");
            foreach (var (name, bytes) in allocatedByFrame.OrderByDescending(kv => kv.Value).Take(25))
                report.AppendLine(CultureInfo.InvariantCulture, $"- {100.0 * bytes / allocated:0.0}% {Short(name)}");
        }

        return report.ToString();

        static void Add(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;
    }

    private static string Short(string name) => name.Length > 160 ? name[..160] : name;
}
