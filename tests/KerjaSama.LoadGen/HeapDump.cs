using System.Globalization;
using System.Text.RegularExpressions;

namespace KerjaSama.LoadGen;

/// <summary>
/// The live managed heap of a server process, from `dotnet-gcdump report -p` (the repository's local tool). Taking the
/// dump runs a full blocking GC in the target first, so the figure is what is still reachable, unlike RSS, which the
/// GC grows and shrinks on its own schedule (RSS deltas of idle sessions came out negative).
/// </summary>
internal static partial class HeapDump
{
    public static async Task<long?> LiveBytesAsync(int pid)
    {
        using var tool = Profiler.Tool("dotnet-gcdump", "report", "-p", pid.ToString(CultureInfo.InvariantCulture));
        var output = tool.StandardOutput.ReadToEndAsync();
        _ = tool.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await tool.WaitForExitAsync(timeout.Token);
        var match = HeapBytes().Match(await output);
        return match.Success ? long.Parse(match.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"^\s*([\d,]+)\s+GC Heap bytes", RegexOptions.Multiline)]
    private static partial Regex HeapBytes();
}
