using KerjaSama.TestKit;

namespace KerjaSama.Registry.Tests;

// The classes that arrange their own organisations and codes and read only those back share one host per database
// (docs/testing.md). NomenclatureTests and ReferenceDataTests count shipped and seeded data: they keep a host each.
[CollectionDefinition(SharedHost.Sqlite)]
public sealed class SqliteSharedHost : ICollectionFixture<SqlitePlatformFixture>
{
}

[CollectionDefinition(SharedHost.PostgreSql)]
public sealed class PostgreSqlSharedHost : ICollectionFixture<PostgreSqlPlatformFixture>
{
}
