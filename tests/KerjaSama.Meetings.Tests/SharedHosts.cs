using KerjaSama.TestKit;
using Xunit;

namespace KerjaSama.Meetings.Tests;

// The classes that arrange their own data and read only that back share one host per database.
// AttendanceTests moves the host's clock: it keeps a host of its own.
[CollectionDefinition(SharedHost.Sqlite)]
public sealed class SqliteSharedHost : ICollectionFixture<SqlitePlatformFixture>
{
}

[CollectionDefinition(SharedHost.PostgreSql)]
public sealed class PostgreSqlSharedHost : ICollectionFixture<PostgreSqlPlatformFixture>
{
}
