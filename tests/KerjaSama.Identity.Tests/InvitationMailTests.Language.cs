using System.Net;
using System.Net.Http.Json;
using KerjaSama.Identity.Persistence;
using KerjaSama.Modularity.Security;
using KerjaSama.Registry.Contracts;
using KerjaSama.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace KerjaSama.Identity.Tests;

// Issue 20: a stored language per user; the invitation e-mail is in the invitee's language.
public abstract partial class InvitationMailTests
{
    private async Task<HttpResponseMessage> InviteInAsync(HttpClient admin, string userName, string? language)
    {
        var pemotda = await platform.Services.GetRequiredService<IOrganisationDirectory>().FindByCodeAsync("62-setda-pemotda", CancellationToken.None);
        return await admin.PostJsonAsync("/api/identity/invitations", new
        {
            userName, displayName = "Staf Bahasa", organisationId = pemotda!.Id, role = PlatformRoles.Observer, language,
        });
    }

    private async Task<string?> StoredLanguageAsync(string userName)
    {
        await using var scope = platform.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IdentityDb>().Users.AsNoTracking().Where(u => u.UserName == userName)
            .Select(u => u.Language).SingleOrDefaultAsync();
    }

    [Fact]
    public async Task The_invitation_email_is_in_the_language_the_secretariat_chose_for_the_invitee_and_Indonesian_by_default()
    {
        var (admin, _) = await SecretariatAsync();
        using var _ = admin;
        var english = $"english.{Guid.NewGuid():N}@tests.kerjasama";
        var indonesian = $"indonesia.{Guid.NewGuid():N}@tests.kerjasama";
        var refused = $"refused.{Guid.NewGuid():N}@tests.kerjasama";

        // A language other than id or en is a validation error on its field, and nobody is invited.
        await (await InviteInAsync(admin, refused, "fr")).AssertValidationProblemAsync("language");
        Assert.Null(await StoredLanguageAsync(refused));

        (await InviteInAsync(admin, english, "en")).EnsureSuccessStatusCode();
        (await InviteInAsync(admin, indonesian, null)).EnsureSuccessStatusCode();
        Assert.Equal("en", await StoredLanguageAsync(english));
        Assert.Equal("id", await StoredLanguageAsync(indonesian));

        var toEnglish = MailTo(english);
        Assert.Equal("Invitation to KerjaSama", toEnglish.Subject);
        Assert.StartsWith("Dear Staf Bahasa,", toEnglish.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Yth.", toEnglish.TextBody, StringComparison.Ordinal);
        Assert.Contains("The link works once", toEnglish.TextBody, StringComparison.Ordinal);
        LinkIn(toEnglish);

        var toIndonesian = MailTo(indonesian);
        Assert.Equal("Undangan ke KerjaSama", toIndonesian.Subject);
        Assert.StartsWith("Yth. Staf Bahasa,", toIndonesian.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Dear", toIndonesian.TextBody, StringComparison.Ordinal);
        LinkIn(toIndonesian);
    }

    [Fact]
    public async Task The_secretariat_sets_a_users_language_and_a_signed_in_language_switch_stores_it_and_signing_in_brings_it_back()
    {
        var (admin, _) = await SecretariatAsync();
        using var _ = admin;
        var pemotda = await platform.Services.GetRequiredService<IOrganisationDirectory>().FindByCodeAsync("62-setda-pemotda", CancellationToken.None);
        var (userName, password, userId) = await platform.CreateUserAsync(pemotda!.Id, pemotda.Name, PlatformRoles.Observer);

        await (await admin.PutAsJsonAsync($"/api/identity/users/{userId}/language", new { language = "xx" }, HttpAssertions.Json))
            .AssertValidationProblemAsync("language");
        Assert.Equal(HttpStatusCode.NotFound,
            (await admin.PutAsJsonAsync($"/api/identity/users/{Guid.NewGuid()}/language", new { language = "en" }, HttpAssertions.Json)).StatusCode);
        Assert.Equal("id", await StoredLanguageAsync(userName));
        Assert.Equal(HttpStatusCode.NoContent,
            (await admin.PutAsJsonAsync($"/api/identity/users/{userId}/language", new { language = "en" }, HttpAssertions.Json)).StatusCode);
        Assert.Equal("en", await StoredLanguageAsync(userName));

        // Signing in on a browser that has not chosen a language brings the stored one; the switch stores a new choice.
        using var browser = new BrowserSession(platform.BaseAddress);
        await browser.PostLoginAsync(userName, password, "/");
        Assert.Equal("c=en|uic=en", browser.Cookies.GetCookies(platform.BaseAddress)[".AspNetCore.Culture"]?.Value is { } v ? Uri.UnescapeDataString(v) : null);
        string? Cookie() => browser.Cookies.GetCookies(platform.BaseAddress)[".AspNetCore.Culture"]?.Value is { } c ? Uri.UnescapeDataString(c) : null;

        // A link cannot change it: there is no GET switch any more, and nothing is stored or set.
        var link = await browser.Http.GetAsync("/culture?c=id&return=/");
        Assert.Equal(HttpStatusCode.NotFound, link.StatusCode);
        Assert.Equal("en", await StoredLanguageAsync(userName));
        Assert.Equal("c=en|uic=en", Cookie());

        // A form posted without the page's antiforgery token (from another site) is refused: nothing stored, no cookie.
        var forged = await browser.Http.PostAsync("/culture", new FormUrlEncodedContent(new Dictionary<string, string> { ["c"] = "id", ["return"] = "/" }));
        Assert.Equal("antiforgery_invalid", (await forged.AssertValidationProblemAsync("__RequestVerificationToken")).GetProperty("code").GetString());
        Assert.Equal("en", await StoredLanguageAsync(userName));
        Assert.Equal("c=en|uic=en", Cookie());

        // The shell's form (the language switch on every page) with its token: cookie and stored language, back to the page.
        var token = KeyValuePair.Create("__RequestVerificationToken", FormPage.Token(await browser.Http.GetStringAsync("/")));
        var switched = await browser.Http.PostAsync("/culture", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [token.Key] = token.Value, ["c"] = "id", ["return"] = "/meetings",
        }));
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/meetings", switched.Headers.Location!.OriginalString);
        Assert.Equal("id", await StoredLanguageAsync(userName));
        Assert.Equal("c=id|uic=id", Cookie());

    }
}
