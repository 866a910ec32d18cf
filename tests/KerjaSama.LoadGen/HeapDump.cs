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
    /// <summary>The live heap in bytes, and its bytes per type (the report's size buckets of one type added up).</summary>
    public sealed record Snapshot(long Bytes, Dictionary<string, long> ByType)
    {
        /// <summary>The types that grew most from <paramref name="before"/> to this snapshot, largest first.</summary>
        public IEnumerable<(string Type, long Bytes)> GrowthSince(Snapshot before, int top) =>
            ByType.Select(kv => (Type: kv.Key, Bytes: kv.Value - before.ByType.GetValueOrDefault(kv.Key)))
                .Where(t => t.Bytes > 0).OrderByDescending(t => t.Bytes).Take(top);
    }

    public static async Task<long?> LiveBytesAsync(int pid) => (await SnapshotAsync(pid))?.Bytes;

    public static async Task<Snapshot?> SnapshotAsync(int pid)
    {
        using var tool = Profiler.Tool("dotnet-gcdump", "report", "-p", pid.ToString(CultureInfo.InvariantCulture));
        var output = tool.StandardOutput.ReadToEndAsync();
        _ = tool.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await tool.WaitForExitAsync(timeout.Token);
        var text = await output;
        var total = HeapBytes().Match(text);
        if (!total.Success)
            return null;
        var byType = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (Match line in TypeLine().Matches(text))
        {
            var type = line.Groups[3].Value.Trim();
            // The first column is the size of one object of the line (the report sorts by it), the second their count.
            byType[type] = byType.GetValueOrDefault(type) + (Number(line.Groups[1].Value) * Number(line.Groups[2].Value));
        }

        return new Snapshot(Number(total.Groups[1].Value), byType);
    }

    private static long Number(string digits) => long.Parse(digits.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\s*([\d,]+)\s+GC Heap bytes", RegexOptions.Multiline)]
    private static partial Regex HeapBytes();

    // "   Object Bytes     Count  Type": bytes per object, count, the type name, an optional size bucket, the assembly.
    [GeneratedRegex(@"^\s*([\d,]+)\s+([\d,]+)\s+(.+?)(?:\s+\(Bytes > [\d.]+[KM]?\))?\s+\[[^\]]+\]\s*$", RegexOptions.Multiline)]
    private static partial Regex TypeLine();
}
