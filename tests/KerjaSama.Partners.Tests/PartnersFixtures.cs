using KerjaSama.TestKit;

namespace KerjaSama.Partners.Tests;

/// <summary>A host whose PDF limit is 64 KiB, so that an oversize upload stays small.</summary>
public abstract class SmallUploadsFixture : PlatformFixture
{
    public const long Limit = 64 * 1024;

    protected override void Configure(Dictionary<string, string?> settings) =>
        settings["KerjaSama:Partners:MaxDocumentBytes"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class SmallUploadsSqliteFixture : SmallUploadsFixture
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class SmallUploadsPostgreSqlFixture : SmallUploadsFixture
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgreSqlAsync();
}
