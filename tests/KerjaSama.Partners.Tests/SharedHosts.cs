using KerjaSama.TestKit;
using Xunit;

namespace KerjaSama.Partners.Tests;

// The classes that arrange their own data and read only that back share one host per database.
// DashboardTests counts across the module, DocumentTests and ReminderTests need their own settings: they keep a host each.
[CollectionDefinition(SharedHost.Sqlite)]
public sealed class SqliteSharedHost : ICollectionFixture<SqlitePlatformFixture>
{
}

[CollectionDefinition(SharedHost.PostgreSql)]
public sealed class PostgreSqlSharedHost : ICollectionFixture<PostgreSqlPlatformFixture>
{
}
