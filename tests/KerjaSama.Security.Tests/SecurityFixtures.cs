using KerjaSama.TestKit;
using Xunit;

namespace KerjaSama.Security.Tests;

/// <summary>A host whose live-connection guard re-checks every second; everything else is the product's default.</summary>
public abstract class SecurityFixture : PlatformFixture
{
    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["KerjaSama:Live:RevalidateSeconds"] = "1";
        // The Prometheus scrape endpoint is on here so that the matrix covers it: no principal passes without the scrape token.
        settings["KerjaSama:Telemetry:Prometheus:Enabled"] = "true";
        settings["KerjaSama:Telemetry:Prometheus:ScrapeToken"] = "security-tests-scrape-token-" + Guid.NewGuid().ToString("N");
    }
}

/// <summary>A host whose per-user hub submit rate is tiny (a burst of 5, then 1 per second), for the rate-limit tests.</summary>
public abstract class ThrottledFixture : PlatformFixture
{
    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["KerjaSama:Live:SubmitsPerSecond"] = "1";
        settings["KerjaSama:Live:SubmitBurst"] = "5";
    }
}

public sealed class SqliteThrottledFixture : ThrottledFixture
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class PostgreSqlThrottledFixture : ThrottledFixture
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgreSqlAsync();
}

public sealed class SqliteSecurityFixture : SecurityFixture
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class PostgreSqlSecurityFixture : SecurityFixture
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgreSqlAsync();
}

/// <summary>The security tests of one database share one host (they arrange their own data).</summary>
[CollectionDefinition(Name)]
public sealed class SqliteSecurityCollection : ICollectionFixture<SqliteSecurityFixture>
{
    public const string Name = "Security on SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgreSqlSecurityCollection : ICollectionFixture<PostgreSqlSecurityFixture>
{
    public const string Name = "Security on PostgreSQL";
}
