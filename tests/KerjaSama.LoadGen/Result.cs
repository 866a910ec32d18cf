using System.Globalization;
using static KerjaSama.LoadGen.Stats;

namespace KerjaSama.LoadGen;

/// <summary>One scenario on one target with one protocol. Flood* describe the flooding client (flood scenario only).</summary>
internal sealed record Result(
    string Scenario, string Target, string Protocol, int Clients, long Offered, long Acked, long Failed, long Expected, long Received,
    List<double> Delivery, List<double> Ack, double CpuSeconds, double PeakRssMb, double RssPerClientKb,
    long FloodOffered = 0, long FloodAcked = 0, long FloodRateLimited = 0, long FloodOther = 0, double IdleCores = 0, double HeapPerClientKb = double.NaN,
    string? HeapGrowth = null)
{
    public static string Header =>
        "| scenario | target | protocol | clients | edits offered | acked | deliveries expected | received | delivery p50 / p95 / p99 / max ms | ack p50 / p99 ms | server CPU µs per delivery | server CPU when idle (cores) | peak RSS MiB | RSS per client KiB |\n" +
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|";

    public double CpuPerDelivery => Received == 0 ? double.NaN : CpuSeconds * 1e6 / Received;

    public string Row()
    {
        Delivery.Sort();
        Ack.Sort();
        var percent = Expected == 0 ? 0 : 100.0 * Received / Expected;
        return string.Create(CultureInfo.InvariantCulture,
            $"| {Scenario} | {Target} | {Protocol} | {Clients} | {Offered} | {Acked}{(Failed > 0 ? $" ({Failed} failed)" : "")} | {Expected} | {Received} ({percent:0.00}%) | " +
            $"{Ms(Percentile(Delivery, 50))} / {Ms(Percentile(Delivery, 95))} / {Ms(Percentile(Delivery, 99))} / {Ms(Delivery.Count == 0 ? double.NaN : Delivery[^1])} | " +
            $"{Ms(Percentile(Ack, 50))} / {Ms(Percentile(Ack, 99))} | {CpuPerDelivery:0.0} | {IdleCores:0.000} | {PeakRssMb:0} | {RssPerClientKb:0} |");
    }

    public string? HeapLine()
    {
        if (double.IsNaN(HeapPerClientKb))
            return null;
        var line = string.Create(CultureInfo.InvariantCulture,
            $"- {Scenario} ({Target}, {Protocol}): live managed heap per connected client {HeapPerClientKb:0.0} KiB (gcdump after a full GC, before and after connecting); RSS per client {RssPerClientKb:0} KiB; peak RSS {PeakRssMb:0} MiB.");
        return HeapGrowth is null ? line : $"{line} Grew most, KiB per client: {HeapGrowth}.";
    }

    public string? FloodLine() => FloodOffered == 0 ? null : string.Create(CultureInfo.InvariantCulture,
        $"- flood ({Target}, {Protocol}): the flooding client offered {FloodOffered} edits; {FloodAcked} applied, {FloodRateLimited} answered `rate_limited`, {FloodOther} otherwise refused or failed.");
}
