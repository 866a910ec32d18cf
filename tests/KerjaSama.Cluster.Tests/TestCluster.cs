using KerjaSama.TestKit;

namespace KerjaSama.Cluster.Tests;

/// <summary>
/// The start-up every multi-host test shares: a fresh PostgreSQL database, a cluster id of its own on the Redis
/// membership store, one key folder, and host processes started one after the other (each ready before the next
/// starts, so the first one migrates the database alone). Disposing stops every host, then drops the database.
/// </summary>
internal sealed class TestCluster : IAsyncDisposable
{
    /// <summary>How long a host process may take to be ready (migrations and seeding on a busy 2-core machine included).</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(6);

    private TestCluster(TestDatabase database, string clusterId)
    {
        Database = database;
        ClusterId = clusterId;
    }

    public TestDatabase Database { get; }

    public string ClusterId { get; }

    public string KeysDirectory => Path.Combine(Database.DataDirectory, "shared-keys");

    /// <summary>The hosts in start order ("host A", "host B", …). A test that restarts one puts the new process in its place.</summary>
    public List<HostProcess> Hosts { get; } = [];

    public Uri[] Urls => [.. Hosts.Select(h => h.Url)];

    /// <summary>A cluster of <paramref name="hosts"/> ready host processes named host A, host B, …</summary>
    public static async Task<TestCluster> StartAsync(string clusterIdPrefix, int hosts)
    {
        var cluster = new TestCluster(await TestDatabase.PostgreSqlAsync(), clusterIdPrefix + "-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            for (var i = 0; i < hosts; i++)
                await cluster.StartHost().WaitReadyAsync(StartTimeout);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the next host of the cluster (not waited for: a test that expects it to fail waits for its exit).</summary>
    public HostProcess StartHost(int? siloPort = null)
    {
        var host = HostProcess.Start($"host {(char)('A' + Hosts.Count)}", ClusterEnvironment.HostSettings(Database, ClusterId, KeysDirectory), siloPort: siloPort);
        Hosts.Add(host);
        return host;
    }

    /// <summary>The secretariat admin and the facilitator signed in on the first host, and a live session opened there.</summary>
    public async Task<ClusterSession> OpenSessionAsync()
    {
        var host = Hosts[0].Url;
        var admin = await ClusterApi.SignInAsync(host, "admin@kerjasama.test");
        var facilitator = await ClusterApi.SignInAsync(host, "fasilitator@kerjasama.test");
        var (exerciseId, sessionId) = await ClusterApi.OpenSessionAsync(host, admin, facilitator);
        return new ClusterSession(exerciseId, sessionId, admin, facilitator);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in Hosts)
            await host.DisposeAsync();
        await Database.DisposeAsync();
    }
}

/// <summary>A live session opened on a test cluster, with the tokens of the two who opened it.</summary>
internal sealed record ClusterSession(Guid ExerciseId, Guid SessionId, string AdminToken, string FacilitatorToken);
