using System.Globalization;
using KerjaSama.TestKit;

namespace KerjaSama.Cluster.Tests;

/// <summary>The membership store of the cluster tests and the settings every host of one test cluster shares.</summary>
internal static class ClusterEnvironment
{
    public const string RedisVariable = "KERJASAMA_TEST_REDIS";

    public static string Redis
    {
        get
        {
            var redis = Environment.GetEnvironmentVariable(RedisVariable);
            return string.IsNullOrWhiteSpace(redis)
                ? throw new InvalidOperationException(
                    $"{RedisVariable} is not set. Run the tests with build/test.sh, which starts a throwaway redis-server, " +
                    "or point the variable at one, e.g. 127.0.0.1:6379.")
                : redis;
        }
    }

    /// <summary>
    /// Settings of a host in a test cluster on <paramref name="database"/>: Redis membership under a cluster id of its own,
    /// one public issuer and one key folder for every host (so a token of one host is accepted by all), the demo accounts.
    /// </summary>
    public static Dictionary<string, string> HostSettings(TestDatabase database, string clusterId, string keysDirectory, string? redis = null) => new()
    {
        // Development: the demo accounts and the demo CLI client sign in through the real code + PKCE flow.
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["KerjaSama__DataDirectory"] = Path.Combine(database.DataDirectory, Guid.NewGuid().ToString("N")[..8]),
        ["KerjaSama__Database__Provider"] = database.Provider,
        ["KerjaSama__Database__ConnectionString"] = database.ConnectionString ?? "",
        ["KerjaSama__Database__MigrateOnStartup"] = "true",
        ["KerjaSama__Identity__Issuer"] = "http://kerjasama.test/",
        ["KerjaSama__Identity__KeysDirectory"] = keysDirectory,
        ["KerjaSama__Identity__AllowHttpOnLoopback"] = "true",
        ["KerjaSama__Identity__SignInRequestsPerMinute"] = "100000",
        // Scripted clients share a few demo accounts: the per-user hub submit rate is for people, not for these.
        ["KerjaSama__Live__SubmitsPerSecond"] = "100000",
        ["KerjaSama__Live__SubmitBurst"] = "100000",
        ["KerjaSama__Cluster__Membership"] = "Redis",
        ["KerjaSama__Cluster__RedisConnectionString"] = redis ?? Redis,
        ["KerjaSama__Cluster__AdvertisedIPAddress"] = "127.0.0.1",
        ["KerjaSama__Cluster__ClusterId"] = clusterId,
        ["KerjaSama__Cluster__ServiceId"] = clusterId,
        ["KerjaSama__Cluster__MembershipRetryMaxSeconds"] = 2.ToString(CultureInfo.InvariantCulture),
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__KerjaSama"] = "Information",
    };
}
