using KerjaSama.TestKit;
using Xunit;

namespace KerjaSama.Identity.Tests;

// The classes that arrange their own users and read only those back share one host per database (docs/testing.md).
// Kept apart: DemoAccountTests (Development environment, demo accounts), RateLimitTests (its own limits), the clocked
// classes (Lifetimes/, their own collection on a host whose clock they move), HardeningTests and SignInThrottlingTests
// (ProxiedPlatformFixture: forwarded headers, the API reference for the secretariat only).
[CollectionDefinition(SharedHost.Sqlite)]
public sealed class SqliteSharedHost : ICollectionFixture<SqlitePlatformFixture>
{
}

[CollectionDefinition(SharedHost.PostgreSql)]
public sealed class PostgreSqlSharedHost : ICollectionFixture<PostgreSqlPlatformFixture>
{
}
