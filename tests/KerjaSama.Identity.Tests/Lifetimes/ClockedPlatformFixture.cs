using KerjaSama.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace KerjaSama.Identity.Tests.Lifetimes;

/// <summary>A host whose sign-in clock (tokens, cookies, sessions, invitations) the tests move; the cluster keeps real time.</summary>
public abstract class ClockedPlatformFixture : PlatformFixture
{
    public ManualClock Clock { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) => services.AddKeyedSingleton<TimeProvider>(IdentityClock.Key, Clock);
}

public sealed class ClockedSqlitePlatformFixture : ClockedPlatformFixture
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class ClockedPostgreSqlPlatformFixture : ClockedPlatformFixture
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgreSqlAsync();
}

/// <summary>One clocked host per database for all clocked test classes (they run one after the other and move one clock).</summary>
[CollectionDefinition(Name)]
public sealed class ClockedSqliteCollection : ICollectionFixture<ClockedSqlitePlatformFixture>
{
    public const string Name = "clocked host on SQLite";
}

[CollectionDefinition(Name)]
public sealed class ClockedPostgreSqlCollection : ICollectionFixture<ClockedPostgreSqlPlatformFixture>
{
    public const string Name = "clocked host on PostgreSQL";
}
