using KerjaSama.Identity.Contracts;
using KerjaSama.Modularity.Security;
using KerjaSama.TestKit;
using KerjaSama.TestKit.Browser;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;

namespace KerjaSama.Browser.Tests;

/// <summary>
/// Issue 20: the shell's language switch is a form (POST with its antiforgery token). A signed-in user clicks "English":
/// the same page comes back in English and the stored language follows; "Bahasa Indonesia" switches back.
/// </summary>
public abstract class LanguageSwitchTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_signed_in_user_switches_the_page_to_English_and_back_and_the_stored_language_follows()
    {
        var platform = fixture.Platform;
        var (userName, password, userId) = await platform.CreateUserAsync(TestOrganisations.Secretariat, TestOrganisations.SecretariatName,
            PlatformRoles.Observer);
        var languages = platform.Services.GetRequiredService<IUserLanguages>();
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = platform.BaseAddress.ToString(), Locale = "id" });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login?ReturnUrl=%2F");
        await SignInForm.SubmitAsync(page, userName, password);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Selamat datang di KerjaSama");
        Assert.Equal("id", await languages.OfUserAsync(userId, CancellationToken.None));

        await page.Locator("form.lang button[value='en']").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Welcome to KerjaSama");
        await Assertions.Expect(page.Locator("form.lang button[value='en']")).ToHaveAttributeAsync("aria-pressed", "true");
        Assert.EndsWith("/", page.Url, StringComparison.Ordinal);
        Assert.Equal("en", await languages.OfUserAsync(userId, CancellationToken.None));

        await page.Locator("form.lang button[value='id']").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Selamat datang di KerjaSama");
        Assert.Equal("id", await languages.OfUserAsync(userId, CancellationToken.None));
    }
}

[Collection(SharedHost.Sqlite)]
public sealed class LanguageSwitchTests_on_Sqlite(SqliteBrowserFixture fixture) : LanguageSwitchTests(fixture);
