using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KerjaSama.Modularity.Security;
using KerjaSama.TestKit;
using Xunit;

namespace KerjaSama.Partners.Tests;

public abstract class OfferTests(PlatformFixture platform) : PartnersScenarioTests(platform)
{
    private object OfferBody(Guid rowId, int durationYears = 3, params Guid[] partners) => new
    {
        rowId, letterNumber = "415.4/123/Pem", letterDate = "2026-03-02", signatory = "Gubernur Kalimantan Tengah",
        proposedForm = "pelayanan_publik", durationYears, partnerOrganisationIds = partners,
    };

    private async Task<JsonElement> SendOfferAsync(Guid rowId, params Guid[] partners) =>
        await (await S.Secretariat.PostAsJsonAsync("/api/partners/offers", OfferBody(rowId, 3, partners), HttpAssertions.Json))
            .ReadAsync<JsonElement>(HttpStatusCode.Created);

    [Fact]
    public async Task The_secretariat_offers_an_adopted_row_to_two_partners_and_each_partner_sees_only_its_own_answer()
    {
        var rowId = await S.RowAsync(obj: "Air bersih lintas batas");
        var offer = await SendOfferAsync(rowId, S.Kalsel.Id, S.Kalbar.Id);
        Assert.Equal("Air bersih lintas batas", offer.GetProperty("object").GetString());
        Assert.Equal("1.02", offer.GetProperty("affairCode").GetString());
        Assert.Equal(S.Agency.Id, offer.GetProperty("responsibleAgencyId").GetGuid());
        var id = offer.GetProperty("id").GetGuid();

        using var kalsel = await S.UserAsync(S.Kalsel, PlatformRoles.PartnerContributor);
        var mine = await (await kalsel.GetAsync("/api/partners/offers")).ReadAsync<JsonElement>();
        var seen = Assert.Single(mine.EnumerateArray(), o => o.GetProperty("id").GetGuid() == id);
        Assert.Equal(S.Kalsel.Id, Assert.Single(seen.GetProperty("recipients").EnumerateArray()).GetProperty("organisationId").GetGuid());

        var answered = await (await kalsel.PostAsJsonAsync($"/api/partners/offers/{id}/answer", new { answer = "accepted", message = "Setuju." }, HttpAssertions.Json))
            .ReadAsync<JsonElement>();
        Assert.Equal("accepted", Assert.Single(answered.GetProperty("recipients").EnumerateArray()).GetProperty("status").GetString());

        var all = await (await S.Secretariat.GetAsync($"/api/partners/offers/{id}")).ReadAsync<JsonElement>();
        var statuses = all.GetProperty("recipients").EnumerateArray().ToDictionary(r => r.GetProperty("organisationId").GetGuid(), r => r.GetProperty("status").GetString());
        Assert.Equal("accepted", statuses[S.Kalsel.Id]);
        Assert.Equal("pending", statuses[S.Kalbar.Id]);
    }

    [Fact]
    public async Task The_row_follows_the_offer_and_the_signed_kb_through_the_planning_lifecycle()
    {
        var rowId = await S.RowAsync("terintegrasi_rpjmd_rkpd", "Pengelolaan sampah regional");
        Assert.Equal("terintegrasi_rpjmd_rkpd", await S.RowStatusAsync(rowId));

        await SendOfferAsync(rowId, S.Kalsel.Id);
        Assert.Equal("ditawarkan", await S.RowStatusAsync(rowId));
        // An offered row can be offered again (e.g. to another partner); its status stays ditawarkan.
        await SendOfferAsync(rowId, S.Kalbar.Id);
        Assert.Equal("ditawarkan", await S.RowStatusAsync(rowId));

        await S.SignedKbAsync(rowId: rowId);
        Assert.Equal("kb_ditandatangani", await S.RowStatusAsync(rowId));
        // Once the KB is signed the offer stage is over: a new offer is refused and the status stays.
        var late = await S.Secretariat.PostAsJsonAsync("/api/partners/offers", OfferBody(rowId, 3, S.Kaltim.Id), HttpAssertions.Json);
        Assert.Equal("row_not_ready_for_offer", (await late.AssertValidationProblemAsync("RowId")).GetProperty("code").GetString());
        Assert.Equal("kb_ditandatangani", await S.RowStatusAsync(rowId));
    }

    [Fact]
    public async Task A_partner_cannot_see_or_answer_an_offer_addressed_to_another_organisation_and_nothing_is_stored()
    {
        var id = (await SendOfferAsync(await S.RowAsync(), S.Kalsel.Id)).GetProperty("id").GetGuid();
        using var kaltim = await S.UserAsync(S.Kaltim, PlatformRoles.PartnerContributor);
        var list = await (await kaltim.GetAsync("/api/partners/offers")).ReadAsync<JsonElement>();
        Assert.DoesNotContain(list.EnumerateArray(), o => o.GetProperty("id").GetGuid() == id);
        await (await kaltim.GetAsync($"/api/partners/offers/{id}")).AssertProblemAsync(HttpStatusCode.NotFound, "offer_not_found");
        var answer = await kaltim.PostAsJsonAsync($"/api/partners/offers/{id}/answer", new { answer = "accepted" }, HttpAssertions.Json);
        await answer.AssertProblemAsync(HttpStatusCode.NotFound, "offer_not_found");

        var stored = await (await S.Secretariat.GetAsync($"/api/partners/offers/{id}")).ReadAsync<JsonElement>();
        var recipient = Assert.Single(stored.GetProperty("recipients").EnumerateArray());
        Assert.Equal("pending", recipient.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, recipient.GetProperty("message").ValueKind);
    }

    [Fact]
    public async Task A_partner_answers_once_and_a_second_answer_is_a_conflict()
    {
        var id = (await SendOfferAsync(await S.RowAsync(), S.Kalsel.Id)).GetProperty("id").GetGuid();
        using var kalsel = await S.UserAsync(S.Kalsel, PlatformRoles.PartnerContributor);
        var noReason = await kalsel.PostAsJsonAsync($"/api/partners/offers/{id}/answer", new { answer = "changes_proposed" }, HttpAssertions.Json);
        await noReason.AssertValidationProblemAsync("Message");
        (await kalsel.PostAsJsonAsync($"/api/partners/offers/{id}/answer",
            new { answer = "changes_proposed", message = "Jangka waktu 2 tahun." }, HttpAssertions.Json)).EnsureSuccessStatusCode();
        var again = await kalsel.PostAsJsonAsync($"/api/partners/offers/{id}/answer", new { answer = "accepted" }, HttpAssertions.Json);
        await again.AssertProblemAsync(HttpStatusCode.Conflict, "offer_already_answered");
        var stored = await (await S.Secretariat.GetAsync($"/api/partners/offers/{id}")).ReadAsync<JsonElement>();
        var recipient = Assert.Single(stored.GetProperty("recipients").EnumerateArray());
        Assert.Equal("changes_proposed", recipient.GetProperty("status").GetString());
        Assert.Equal("Jangka waktu 2 tahun.", recipient.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_row_not_yet_integrated_and_a_duration_over_five_years_are_refused_and_no_offer_is_stored()
    {
        var proposed = await S.RowAsync("diusulkan");
        var notAdopted = await S.Secretariat.PostAsJsonAsync("/api/partners/offers", OfferBody(proposed, 3, S.Kalsel.Id), HttpAssertions.Json);
        Assert.Equal("row_not_ready_for_offer", (await notAdopted.AssertValidationProblemAsync("RowId")).GetProperty("code").GetString());

        // Adopted by the decree but not yet in the RPJMD/RKPD: the Planning lifecycle has no move to ditawarkan yet.
        var decreed = await S.RowAsync("ditetapkan");
        var notIntegrated = await S.Secretariat.PostAsJsonAsync("/api/partners/offers", OfferBody(decreed, 3, S.Kalsel.Id), HttpAssertions.Json);
        Assert.Equal("row_not_ready_for_offer", (await notIntegrated.AssertValidationProblemAsync("RowId")).GetProperty("code").GetString());
        Assert.Equal("ditetapkan", await S.RowStatusAsync(decreed));

        var adopted = await S.RowAsync("terintegrasi_rpjmd_rkpd");
        var tooLong = await S.Secretariat.PostAsJsonAsync("/api/partners/offers", OfferBody(adopted, 6, S.Kalsel.Id), HttpAssertions.Json);
        await tooLong.AssertValidationProblemAsync("DurationYears");
        var agency = await S.Secretariat.PostAsJsonAsync("/api/partners/offers", OfferBody(adopted, 3, S.Agency.Id), HttpAssertions.Json);
        await agency.AssertValidationProblemAsync("PartnerOrganisationIds");

        var offers = await (await S.Secretariat.GetAsync("/api/partners/offers")).ReadAsync<JsonElement>();
        Assert.DoesNotContain(offers.EnumerateArray(), o => o.GetProperty("rowId").GetGuid() is var r && (r == proposed || r == decreed || r == adopted));
    }

    [Fact]
    public async Task Only_the_secretariat_sends_offers_and_only_partner_contributors_answer()
    {
        var rowId = await S.RowAsync();
        using var agency = await S.UserAsync(S.Agency, PlatformRoles.AgencyContributor);
        var byAgency = await agency.PostAsJsonAsync("/api/partners/offers", OfferBody(rowId, 3, S.Kalsel.Id), HttpAssertions.Json);
        Assert.Equal(HttpStatusCode.Forbidden, byAgency.StatusCode);

        var id = (await SendOfferAsync(rowId, S.Kalsel.Id)).GetProperty("id").GetGuid();
        using var observer = await S.UserAsync(S.Kalsel, PlatformRoles.Observer);
        var byObserver = await observer.PostAsJsonAsync($"/api/partners/offers/{id}/answer", new { answer = "accepted" }, HttpAssertions.Json);
        await byObserver.AssertProblemAsync(HttpStatusCode.Forbidden, "partner_role_required");
    }
}

[Collection(SharedHost.Sqlite)]
public sealed class OfferTests_on_Sqlite(SqlitePlatformFixture p) : OfferTests(p);

[Collection(SharedHost.PostgreSql)]
public sealed class OfferTests_on_PostgreSql(PostgreSqlPlatformFixture p) : OfferTests(p);
