using KerjaSama.TestKit;
using KerjaSama.TestKit.Browser;
using Microsoft.Playwright;
using Xunit;

namespace KerjaSama.Browser.Tests;

/// <summary>
/// A running host (real Kestrel on 127.0.0.1, fresh database) and the machine's chromium driven by Playwright,
/// started by the one launcher of the test kit (<see cref="Chromium"/>: Debian's package, never downloaded).
/// One per database for the whole project: the test classes join <see cref="SharedHost"/>'s collections
/// (<c>SharedHosts.cs</c>); each test opens browser contexts of its own, so cookies and storage never leak between tests.
/// </summary>
public abstract class BrowserFixture(PlatformFixture platform) : IAsyncLifetime
{
    private ChromiumBrowser? _chromium;

    public PlatformFixture Platform { get; } = platform;

    public IBrowser Browser => _chromium!.Browser;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(Chromium.ExecutablePath),
            $"{Chromium.ExecutablePath} is missing: install Debian's chromium (apt-get install chromium); build/test.sh does.");
        await Platform.InitializeAsync();
        _chromium = await Chromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (_chromium is not null)
            await _chromium.DisposeAsync();
        await Platform.DisposeAsync();
    }
}

public sealed class SqliteBrowserFixture() : BrowserFixture(new SqlitePlatformFixture());

public sealed class PostgreSqlBrowserFixture() : BrowserFixture(new PostgreSqlPlatformFixture());
