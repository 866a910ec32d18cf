using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using KerjaSama.Modularity.Security;
using KerjaSama.TestKit;
using Xunit;

namespace KerjaSama.Partners.Tests;

/// <summary>The pages through a cookie sign-in, as a browser posts their forms (antiforgery token, form handler).</summary>
public abstract partial class PageTests(PlatformFixture platform) : PartnersScenarioTests(platform)
{
    private async Task<BrowserSession> BrowserAsync((Guid Id, string Name) organisation, string role)
    {
        var (userName, password, _) = await Platform.CreateUserAsync(organisation.Id, organisation.Name, role);
        var browser = new BrowserSession(Platform.BaseAddress);
        await browser.SignInAsync(userName, password);
        return browser;
    }

    [Fact]
    public async Task A_partner_answers_its_offer_on_the_offers_page_and_does_not_see_other_organisations_offers()
    {
        var letter = "415.4/" + Guid.NewGuid().ToString("N")[..6];
        var offer = await (await S.Secretariat.PostAsJsonAsync("/api/partners/offers", new
        {
            rowId = await S.RowAsync(), letterNumber = letter, letterDate = "2026-03-02", signatory = "Gubernur", proposedForm = "pelayanan_publik",
            durationYears = 5, partnerOrganisationIds = new[] { S.Kalsel.Id },
        }, HttpAssertions.Json)).ReadAsync<JsonElement>(HttpStatusCode.Created);
        var id = offer.GetProperty("id").GetGuid();

        using var other = await BrowserAsync(S.Kalbar, PlatformRoles.PartnerContributor);
        Assert.DoesNotContain(letter, await other.Http.GetStringAsync("/partners/offers"), StringComparison.Ordinal);

        using var kalsel = await BrowserAsync(S.Kalsel, PlatformRoles.PartnerContributor);
        var page = await kalsel.Http.GetStringAsync("/partners/offers");
        Assert.Contains(letter, page, StringComparison.Ordinal);
        var token = Token().Match(page);
        Assert.True(token.Success, "No antiforgery field on the offers page.");
        Assert.Contains($"answer-{id}", page, StringComparison.Ordinal);
        var posted = await kalsel.Http.PostAsync("/partners/offers", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups["value"].Value), ["_handler"] = $"answer-{id}",
            ["answer"] = "accepted", ["message"] = "Setuju melalui halaman.",
        }));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);

        var stored = await (await S.Secretariat.GetAsync($"/api/partners/offers/{id}")).ReadAsync<JsonElement>();
        var recipient = Assert.Single(stored.GetProperty("recipients").EnumerateArray());
        Assert.Equal("accepted", recipient.GetProperty("status").GetString());
        Assert.Equal("Setuju melalui halaman.", recipient.GetProperty("message").GetString());
    }

    [Fact]
    public async Task The_secretariat_picks_an_offerable_row_on_the_offers_page_and_rows_not_yet_integrated_are_not_offered()
    {
        var integrated = await S.RowAsync(obj: "Angkutan sungai antarprovinsi");
        var decreed = await S.RowAsync("ditetapkan", "Belum masuk RPJMD");
        var candidates = await (await S.Secretariat.GetAsync("/api/partners/offers/candidates")).ReadAsync<JsonElement>();
        var ids = candidates.EnumerateArray().Select(c => c.GetProperty("rowId").GetGuid()).ToList();
        Assert.Contains(integrated, ids);
        Assert.DoesNotContain(decreed, ids);
        using var partner = await S.UserAsync(S.Kalsel, PlatformRoles.PartnerContributor);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync("/api/partners/offers/candidates")).StatusCode);

        using var secretariat = await BrowserAsync((TestOrganisations.Secretariat, TestOrganisations.SecretariatName), PlatformRoles.SecretariatAdmin);
        var page = await secretariat.Http.GetStringAsync("/partners/offers");
        Assert.Contains($"<option value=\"{integrated}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain(decreed.ToString(), page, StringComparison.Ordinal);
        var letter = "415.4/" + Guid.NewGuid().ToString("N")[..6];
        var posted = await secretariat.Http.PostAsync("/partners/offers", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(Token().Match(page).Groups["value"].Value), ["_handler"] = "offer",
            ["New.RowId"] = integrated.ToString(), ["New.LetterNumber"] = letter, ["New.LetterDate"] = "2026-03-02", ["New.Signatory"] = "Gubernur",
            ["New.ProposedForm"] = "pelayanan_publik", ["New.DurationYears"] = "3", ["New.PartnerCodes"] = "pemda-63",
        }));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);

        var offers = await (await S.Secretariat.GetAsync("/api/partners/offers")).ReadAsync<JsonElement>();
        var created = Assert.Single(offers.EnumerateArray(), o => o.GetProperty("letterNumber").GetString() == letter);
        Assert.Equal(integrated, created.GetProperty("rowId").GetGuid());
        Assert.Equal("ditawarkan", await S.RowStatusAsync(integrated));
        Assert.Equal("ditetapkan", await S.RowStatusAsync(decreed));
    }

    [Fact]
    public async Task The_agreement_and_dashboard_pages_show_the_agreement_with_its_next_reminder()
    {
        var kb = await S.SignedKbAsync();
        var number = kb.GetProperty("number").GetString()!;
        using var secretariat = await BrowserAsync((TestOrganisations.Secretariat, TestOrganisations.SecretariatName), PlatformRoles.SecretariatAdmin);
        var detail = await secretariat.Http.GetStringAsync($"/partners/agreements/{kb.GetProperty("id").GetGuid()}");
        Assert.Contains(number, detail, StringComparison.Ordinal);
        Assert.Contains(kb.GetProperty("nextReminderOn").GetString()!, detail, StringComparison.Ordinal);
        var dashboard = await secretariat.Http.GetStringAsync("/partners/dashboard");
        Assert.Contains(number, dashboard, StringComparison.Ordinal);

        using var other = await BrowserAsync(S.Kalbar, PlatformRoles.PartnerContributor);
        Assert.DoesNotContain(number, await other.Http.GetStringAsync($"/partners/agreements/{kb.GetProperty("id").GetGuid()}"), StringComparison.Ordinal);
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex Token();
}

[Collection(SharedHost.Sqlite)]
public sealed class PageTests_on_Sqlite(SqlitePlatformFixture p) : PageTests(p);

[Collection(SharedHost.PostgreSql)]
public sealed class PageTests_on_PostgreSql(PostgreSqlPlatformFixture p) : PageTests(p);
