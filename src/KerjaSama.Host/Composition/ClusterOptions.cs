namespace KerjaSama.Host.Composition;

/// <summary>
/// Settings under <c>KerjaSama:Cluster</c> (Orleans reads its own <c>Orleans</c> section; ours stays apart).
/// Two hosts on one machine need distinct ports.
/// </summary>
internal sealed class PlatformClusterOptions
{
    public const string Section = "KerjaSama:Cluster";

    public string ClusterId { get; set; } = "kerjasama";

    public string ServiceId { get; set; } = "kerjasama";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// Development clustering of several hosts on one machine: the silo port of the first host (the primary).
    /// Unset on the first host. A real membership store replaces this for production clusters.
    /// </summary>
    public int? PrimarySiloPort { get; set; }
}
