using System.Net;

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

    /// <summary><c>Localhost</c> (one machine, in-memory reminders) or <c>Redis</c> (a real membership and reminder store).</summary>
    public string Membership { get; set; } = nameof(ClusterMembership.Localhost);

    /// <summary>StackExchange.Redis configuration string of the membership store, e.g. <c>redis1:6379,password=...</c>.</summary>
    public string? RedisConnectionString { get; set; }

    /// <summary>The address other silos reach this one at (Redis membership). Unset: Orleans picks this machine's first address.</summary>
    public string? AdvertisedIPAddress { get; set; }

    /// <summary>Listen on every interface instead of the advertised address only (containers behind NAT).</summary>
    public bool ListenOnAnyHostAddress { get; set; }

    /// <summary>Longest pause between two attempts to reach the membership store at start-up.</summary>
    public int MembershipRetryMaxSeconds { get; set; } = 30;

    /// <summary>The checked form of these settings, or the one-line reason naming the wrong setting.</summary>
    public (ClusterSettings? Settings, string? Error) Validate()
    {
        if (!Enum.TryParse<ClusterMembership>(Membership, ignoreCase: true, out var membership) || !Enum.IsDefined(membership)
            || int.TryParse(Membership, out _))
        {
            return (null, $"{Section}:Membership '{Membership}' is not supported; use Localhost or Redis.");
        }

        if (SiloPort is < 1 or > 65535 || GatewayPort is < 1 or > 65535 || SiloPort == GatewayPort)
            return (null, $"{Section}:SiloPort and :GatewayPort must be two different ports between 1 and 65535.");
        if (string.IsNullOrWhiteSpace(ClusterId) || string.IsNullOrWhiteSpace(ServiceId))
            return (null, $"{Section}:ClusterId and :ServiceId must not be empty.");
        if (MembershipRetryMaxSeconds is < 1 or > 3600)
            return (null, $"{Section}:MembershipRetryMaxSeconds must be between 1 and 3600.");

        IPAddress? advertised = null;
        if (!string.IsNullOrWhiteSpace(AdvertisedIPAddress) && !IPAddress.TryParse(AdvertisedIPAddress, out advertised))
            return (null, $"{Section}:AdvertisedIPAddress '{AdvertisedIPAddress}' is not an IP address.");

        StackExchange.Redis.ConfigurationOptions? redis = null;
        if (membership == ClusterMembership.Redis)
        {
            if (string.IsNullOrWhiteSpace(RedisConnectionString))
                return (null, $"{Section}:RedisConnectionString is required when {Section}:Membership is Redis.");
            try
            {
                redis = StackExchange.Redis.ConfigurationOptions.Parse(RedisConnectionString);
            }
            catch (ArgumentException ex)
            {
                return (null, $"{Section}:RedisConnectionString cannot be read: {ex.Message}");
            }

            if (redis.EndPoints.Count == 0)
                return (null, $"{Section}:RedisConnectionString names no server.");
        }

        return (new ClusterSettings(membership, ClusterId, ServiceId, SiloPort, GatewayPort, PrimarySiloPort, redis, advertised,
            ListenOnAnyHostAddress, TimeSpan.FromSeconds(MembershipRetryMaxSeconds)), null);
    }
}

internal enum ClusterMembership
{
    Localhost,
    Redis,
}

/// <summary>The validated cluster settings.</summary>
internal sealed record ClusterSettings(
    ClusterMembership Membership,
    string ClusterId,
    string ServiceId,
    int SiloPort,
    int GatewayPort,
    int? PrimarySiloPort,
    StackExchange.Redis.ConfigurationOptions? Redis,
    IPAddress? AdvertisedAddress,
    bool ListenOnAnyHostAddress,
    TimeSpan MembershipRetryMax)
{
    /// <summary>The address the silo and gateway listen on.</summary>
    public IPAddress ListenAddress => Membership == ClusterMembership.Localhost
        ? IPAddress.Loopback
        : ListenOnAnyHostAddress || AdvertisedAddress is null ? IPAddress.Any : AdvertisedAddress;

    /// <summary>The store's servers without credentials, for log lines.</summary>
    public string RedisEndpoints => Redis is null ? "" : string.Join(",", Redis.EndPoints.Select(e => e.ToString()));
}
