namespace KerjaSama.TestKit;

/// <summary>
/// Names of the collections whose test classes share one host per database (docs/testing.md, "One host per
/// collection"). xUnit finds collection definitions only in the test assembly, so each test project declares them:
/// <code>
/// [CollectionDefinition(SharedHost.Sqlite)] public sealed class SqliteSharedHost : ICollectionFixture&lt;SqlitePlatformFixture&gt;;
/// [CollectionDefinition(SharedHost.PostgreSql)] public sealed class PostgreSqlSharedHost : ICollectionFixture&lt;PostgreSqlPlatformFixture&gt;;
/// </code>
/// and a test class joins with <c>[Collection(SharedHost.Sqlite)]</c> instead of <c>IClassFixture&lt;SqlitePlatformFixture&gt;</c>.
/// </summary>
public static class SharedHost
{
    public const string Sqlite = "One SQLite host";
    public const string PostgreSql = "One PostgreSQL host";
}
