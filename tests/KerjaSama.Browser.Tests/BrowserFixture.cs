using KerjaSama.TestKit;
using Microsoft.Playwright;
using Xunit;

namespace KerjaSama.Browser.Tests;

/// <summary>
/// A running host (real Kestrel on 127.0.0.1, fresh database) and Debian's chromium driven by Playwright. The
/// browser is never downloaded: it is the apt package at <see cref="ChromiumPath"/> (build/test.sh installs it).
/// </summary>
public abstract class BrowserFixture(PlatformFixture platform) : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public PlatformFixture Platform { get; } = platform;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: install Debian's chromium (apt-get install chromium); build/test.sh does.");
        await Platform.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
        await Platform.DisposeAsync();
    }
}

public sealed class SqliteBrowserFixture() : BrowserFixture(new SqlitePlatformFixture());

public sealed class PostgreSqlBrowserFixture() : BrowserFixture(new PostgreSqlPlatformFixture());
