using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KerjaSama.Modularity.Security;
using KerjaSama.TestKit;
using KerjaSama.TestKit.Browser;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;

namespace KerjaSama.Browser.Tests;

/// <summary>The secretariat edits a partner's profile in the browser: an inline error in Bahasa Indonesia, the fix, the saved value.</summary>
public abstract class PartnerProfileFormTests(BrowserFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task The_secretariat_sees_an_inline_error_fixes_it_saves_and_the_reloaded_form_shows_the_value()
    {
        var platform = fixture.Platform;
        using var api = platform.ClientFor(await platform.SignInAsync(TestOrganisations.Secretariat, TestOrganisations.SecretariatName,
            PlatformRoles.SecretariatAdmin));
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var id = (await (await api.PostAsJsonAsync("/api/registry/organisations",
                new { code = $"mitra-{suffix}", name = $"PT Mitra Peramban {suffix}", kind = "business" }, HttpAssertions.Json))
            .ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var (userName, password, _) = await platform.CreateUserAsync(TestOrganisations.Secretariat, TestOrganisations.SecretariatName,
            PlatformRoles.SecretariatAdmin);

        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = platform.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 1280, Height = 1400 }, Locale = "id",
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login?ReturnUrl=" + Uri.EscapeDataString($"/partners/{id}"));
        await SignInForm.SubmitAsync(page, userName, password);
        await page.WaitForURLAsync($"**/partners/{id}");

        // Open the form from the profile page and fill in two persons, the first with a mistyped address.
        await page.GetByRole(AriaRole.Link, new() { Name = "Ubah profil dan narahubung" }).ClickAsync();
        await page.WaitForURLAsync($"**/partners/{id}/edit");
        var form = page.Locator("#partner-profile");
        await form.Locator("input[name='Form.Contacts[0].Name']").FillAsync("Direktur Kemitraan");
        await form.Locator("input[name='Form.Contacts[0].Email']").FillAsync("direktur-at-mitra.co.id");
        await form.Locator("input[name='Form.Contacts[1].Name']").FillAsync("Staf Kemitraan");
        await form.Locator("input[name='Form.Primary'][value='0']").CheckAsync();
        await form.Locator("textarea[name='Form.Notes']").FillAsync("Mitra CSR pendidikan.");
        await form.Locator("button[type=submit]").ClickAsync();

        var error = page.Locator(".field-error[data-field='Contacts[0].Email']");
        await Assertions.Expect(error).ToHaveTextAsync("Bukan alamat surel yang sah (mis. nama@instansi.go.id).");
        await Assertions.Expect(page.Locator("input[name='Form.Contacts[0].Email']")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("input[name='Form.Contacts[1].Name']")).ToHaveValueAsync("Staf Kemitraan");
        var shot = Artifacts.PathOf("partner-profile-form.png");
        await page.Locator("main").ScreenshotAsync(new() { Path = shot });
        output.WriteLine($"Partner profile form with an inline error: {shot}");
        Assert.Equal(0, (await (await api.GetAsync($"/api/partners/{id}")).ReadAsync<JsonElement>()).GetProperty("version").GetInt64());

        // Fix the address and save: the profile page says so, and the form opened again shows the stored value.
        await page.Locator("input[name='Form.Contacts[0].Email']").FillAsync("direktur@mitra.co.id");
        await page.Locator("#partner-profile button[type=submit]").ClickAsync();
        await page.WaitForURLAsync($"**/partners/{id}?saved=1");
        await Assertions.Expect(page.Locator("p.notice")).ToHaveTextAsync("Profil mitra tersimpan.");
        await Assertions.Expect(page.GetByText("Direktur Kemitraan")).ToBeVisibleAsync();
        await page.GotoAsync($"/partners/{id}/edit");
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("input[name='Form.Contacts[0].Email']")).ToHaveValueAsync("direktur@mitra.co.id");
        await Assertions.Expect(page.Locator("textarea[name='Form.Notes']")).ToHaveValueAsync("Mitra CSR pendidikan.");
        await Assertions.Expect(page.Locator(".field-error")).ToHaveCountAsync(0);
        await page.Locator("main").ScreenshotAsync(new() { Path = Artifacts.PathOf("partner-profile-form-saved.png") });

        var stored = await (await api.GetAsync($"/api/partners/{id}")).ReadAsync<JsonElement>();
        Assert.Equal(1, stored.GetProperty("version").GetInt64());
        Assert.Equal("direktur@mitra.co.id", stored.GetProperty("contacts")[0].GetProperty("email").GetString());
    }
}

[Collection(SharedHost.Sqlite)]
public sealed class PartnerProfileFormTests_on_Sqlite(SqliteBrowserFixture fixture, ITestOutputHelper output)
    : PartnerProfileFormTests(fixture, output);
