using Microsoft.Playwright;

namespace KerjaSama.TestKit.Browser;

/// <summary>
/// The one way tests and benchmarks start a browser: the machine's headless chromium (Debian's package at
/// <c>/usr/bin/chromium</c>, or <c>KERJASAMA_CHROMIUM</c>) driven by Playwright. A browser is never downloaded
/// (no <c>playwright install</c>); build/test.sh installs the apt package when it is missing.
/// </summary>
public static class Chromium
{
    public const string DefaultPath = "/usr/bin/chromium";

    private static readonly string[] Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    public static string ExecutablePath => Environment.GetEnvironmentVariable("KERJASAMA_CHROMIUM") is { Length: > 0 } path ? path : DefaultPath;

    /// <summary>Starts Playwright and chromium; dispose the answer to close both.</summary>
    public static async Task<ChromiumBrowser> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException($"{ExecutablePath} is missing: install Debian's chromium (apt-get install chromium); build/test.sh does.");
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = Arguments,
            });
            return new ChromiumBrowser(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }
}

/// <summary>A running chromium and the Playwright driver that owns it.</summary>
public sealed class ChromiumBrowser(IPlaywright playwright, IBrowser browser) : IAsyncDisposable
{
    public IBrowser Browser { get; } = browser;

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
    }
}
