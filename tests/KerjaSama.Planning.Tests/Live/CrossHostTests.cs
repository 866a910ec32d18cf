using System.Globalization;
using KerjaSama.Planning.Contracts.Live;
using KerjaSama.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using F = KerjaSama.Planning.Contracts.Live.MatrixFieldNames;

namespace KerjaSama.Planning.Tests.Live;

/// <summary>Two hosts in one Orleans cluster on one database: the fan-out reaches clients on the host without the grain.</summary>
public sealed class TwoHostsFixture : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public PlatformFixture First { get; private set; } = null!;

    public PlatformFixture Second { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = TestDatabase.Sqlite();
        var primarySilo = FreePort.Next();
        First = new Host(_database, primarySilo, null);
        await First.InitializeAsync();
        Second = new Host(_database, FreePort.Next(), primarySilo);
        await Second.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Second.DisposeAsync();
        await First.DisposeAsync();
    }

    private sealed class Host(TestDatabase database, int siloPort, int? primarySiloPort) : PlatformFixture
    {
        protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(database);

        protected override void Configure(Dictionary<string, string?> settings)
        {
            settings["KerjaSama:Cluster:SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture);
            settings["KerjaSama:Cluster:GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture);
            settings["KerjaSama:Cluster:ClusterId"] = "two-hosts";
            // Hosts behind one address share the issuer and, through the data folder, the signing keys.
            settings["KerjaSama:Identity:Issuer"] = "http://kerjasama.test/";
            if (primarySiloPort is { } primary)
                settings["KerjaSama:Cluster:PrimarySiloPort"] = primary.ToString(CultureInfo.InvariantCulture);
        }
    }
}

public sealed class CrossHostTests(TwoHostsFixture hosts) : IClassFixture<TwoHostsFixture>
{
    [Fact]
    public async Task Clients_on_two_hosts_see_each_others_edits_and_presence()
    {
        var grains = hosts.First.Services.GetRequiredService<IGrainFactory>();
        Assert.Equal(2, (await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Count);
        var s = await SessionScenario.StartAsync(hosts.First);
        await using var onFirst = await LiveClient.ConnectAsync(hosts.First, s.AgencyA);
        await onFirst.JoinAsync(s.SessionId);
        await using var onSecond = await LiveClient.ConnectAsync(hosts.Second, s.AgencyB);
        await onSecond.JoinAsync(s.SessionId);

        var rowA = Guid.NewGuid();
        var rowB = Guid.NewGuid();
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(AckOutcomes.Applied, (await onFirst.SubmitAsync(i == 0 ? OpKinds.Add : OpKinds.Update, rowA,
                i == 0 ? new() { [F.AffairCode] = "1.02" } : new() { [F.Notes] = $"A{i}" })).Outcome);
            Assert.Equal(AckOutcomes.Applied, (await onSecond.SubmitAsync(i == 0 ? OpKinds.Add : OpKinds.Update, rowB,
                i == 0 ? new() { [F.AffairCode] = "1.02" } : new() { [F.Notes] = $"B{i}" })).Outcome);
        }

        await onFirst.WaitForSeqAsync(40);
        await onSecond.WaitForSeqAsync(40);
        Assert.Equal(onFirst.Rows, onSecond.Rows);
        Assert.Equal("B19", onFirst.Rows[rowB][F.Notes]);
        Assert.Equal("A19", onSecond.Rows[rowA][F.Notes]);

        await Eventually.TrueAsync(() => onSecond.LastPresence?.Any(p => p.UserId == s.AgencyA.Caller.UserId) == true,
            "agency A's user in the presence list on the second host");
    }
}
