using Microsoft.Playwright;

namespace KerjaSama.Monitor.Browser.Tests;

/// <summary>
/// Headless chromium of the machine (<c>/usr/bin/chromium</c>, or <c>KERJASAMA_CHROMIUM</c>) driven by Playwright;
/// never downloads a browser.
/// </summary>
internal static class Chromium
{
    public static string ExecutablePath => Environment.GetEnvironmentVariable("KERJASAMA_CHROMIUM") ?? "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run"],
        });
        return (playwright, browser);
    }
}
