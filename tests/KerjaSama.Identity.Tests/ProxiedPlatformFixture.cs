using KerjaSama.TestKit;

namespace KerjaSama.Identity.Tests;

/// <summary>A host behind a (loopback) TLS proxy: it trusts <c>X-Forwarded-For/-Proto/-Host</c> from 127.0.0.1, so a test
/// can speak for several client addresses and for HTTPS. Its API reference is exposed as outside Development.</summary>
public abstract class ProxiedPlatformFixture : PlatformFixture
{
    /// <summary>A second public name of the platform, listed in <c>KerjaSama:Security:AllowedOrigins</c>.</summary>
    public const string AllowedOrigin = "https://kerjasama.kalteng.example";

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["KerjaSama:ForwardedHeaders:Enabled"] = "true";
        settings["KerjaSama:Security:OpenApi"] = "Secretariat";
        settings["KerjaSama:Security:AllowedOrigins:0"] = AllowedOrigin;
    }
}

public sealed class ProxiedSqlitePlatformFixture : ProxiedPlatformFixture
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class ProxiedPostgreSqlPlatformFixture : ProxiedPlatformFixture
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgreSqlAsync();
}
