using KerjaSama.TestKit;
using Xunit;

namespace KerjaSama.Browser.Tests;

// Every browser test class arranges its own exercise, session, users and partner and finds them by id or unique title
// (docs/testing.md, "One host per collection"), so none needs a host of its own: no class moves the host's clock, needs
// settings of its own or counts whole pages (the live monitor's overview lists every open session of the host; its
// test reads only its own session's row). The SQLite classes are split over two shared hosts, each with its chromium,
// so that two classes run at a time on a 2-core machine: the board's editing tests (BrowserHost.SqliteBoard) and the
// rest (SharedHost.Sqlite). One host, one after the other, took 135 s instead of 116 s; two take the time in docs/testing.md.
[CollectionDefinition(SharedHost.Sqlite)]
public sealed class SqliteSharedHost : ICollectionFixture<SqliteBrowserFixture>
{
}

[CollectionDefinition(BrowserHost.SqliteBoard)]
public sealed class SqliteBoardHost : ICollectionFixture<SqliteBrowserFixture>
{
}

[CollectionDefinition(SharedHost.PostgreSql)]
public sealed class PostgreSqlSharedHost : ICollectionFixture<PostgreSqlBrowserFixture>
{
}

/// <summary>The browser tests' second SQLite collection (see above).</summary>
public static class BrowserHost
{
    public const string SqliteBoard = "One SQLite host for the board's editing tests";
}
