using System.Globalization;
using static KerjaSama.LoadGen.Stats;

namespace KerjaSama.LoadGen;

internal sealed record Result(
    string Scenario, string Target, int Clients, long Offered, long Acked, long Failed, long Expected, long Received,
    List<double> Delivery, List<double> Ack, double CpuSeconds, double PeakRssMb, double RssPerClientKb)
{
    public static string Header =>
        "| scenario | target | clients | edits offered | acked | deliveries expected | received | delivery p50 / p95 / p99 / max ms | ack p50 / p99 ms | server CPU µs per delivery | peak RSS MiB | RSS per client KiB |\n" +
        "|---|---|---|---|---|---|---|---|---|---|---|---|";

    public string Row()
    {
        Delivery.Sort();
        Ack.Sort();
        var percent = Expected == 0 ? 0 : 100.0 * Received / Expected;
        var cpuPerDelivery = Received == 0 ? double.NaN : CpuSeconds * 1e6 / Received;
        return string.Create(CultureInfo.InvariantCulture,
            $"| {Scenario} | {Target} | {Clients} | {Offered} | {Acked}{(Failed > 0 ? $" ({Failed} failed)" : "")} | {Expected} | {Received} ({percent:0.00}%) | " +
            $"{Ms(Percentile(Delivery, 50))} / {Ms(Percentile(Delivery, 95))} / {Ms(Percentile(Delivery, 99))} / {Ms(Delivery.Count == 0 ? double.NaN : Delivery[^1])} | " +
            $"{Ms(Percentile(Ack, 50))} / {Ms(Percentile(Ack, 99))} | {cpuPerDelivery:0.0} | {PeakRssMb:0} | {RssPerClientKb:0} |");
    }
}
