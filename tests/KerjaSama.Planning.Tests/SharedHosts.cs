using KerjaSama.TestKit;
using Xunit;

namespace KerjaSama.Planning.Tests;

// The classes that arrange their own exercises and read only those back share one host per database (docs/testing.md).
// Kept on a host of their own: NomenclatureEditionTests (its edition retires most seeded codes), MonitorTests (the
// overview and "watch all" list every open session on the host), LabelsNotCodesTests (scans whole pages, which would
// show other classes' data), and the fixtures with their own settings or hosts: RestLimitTests, TelemetryTests,
// CrossHostTests, DemoFlowTests.
[CollectionDefinition(SharedHost.Sqlite)]
public sealed class SqliteSharedHost : ICollectionFixture<SqlitePlatformFixture>
{
}

[CollectionDefinition(SharedHost.PostgreSql)]
public sealed class PostgreSqlSharedHost : ICollectionFixture<PostgreSqlPlatformFixture>
{
}
