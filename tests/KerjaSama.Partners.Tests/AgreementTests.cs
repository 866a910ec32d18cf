using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KerjaSama.Modularity.Security;
using KerjaSama.TestKit;
using Xunit;

namespace KerjaSama.Partners.Tests;

public abstract class AgreementTests(PlatformFixture platform) : PartnersScenarioTests(platform)
{
    private object Pks(Guid? kbId, string startsOn = "2026-02-01", string endsOn = "2029-02-01", string? signedOn = "2026-02-01",
        string? legalBasis = null, bool dprd = false, string? dprdReference = null, (Guid Id, string Name)? partner = null) => new
    {
        kind = "PKS", number = "PKS-" + Guid.NewGuid().ToString("N")[..6], @object = "Rujukan pasien RSUD", affairCode = "1.02",
        responsibleAgencyId = S.Agency.Id, parentAgreementId = kbId, signedOn, startsOn, endsOn, value = 1_500_000_000m,
        dprdApprovalRequired = dprd, dprdApprovalReference = dprdReference, durationExceptionLegalBasis = legalBasis,
        parties = new[] { S.Party(S.Kalteng, "H. Agustiar Sabran", "a.n. Gubernur, Sekda"), S.Party(partner ?? S.Kalsel) },
    };

    [Fact]
    public async Task The_secretariat_records_a_KB_then_a_PKS_linked_to_the_row_and_an_extension()
    {
        var rowId = await S.RowAsync();
        var kb = await S.SignedKbAsync(rowId: rowId);
        Assert.Equal("1.02", kb.GetProperty("affairCode").GetString());
        var response = await S.PostAgreementAsync(Pks(kb.GetProperty("id").GetGuid()));
        var pks = await response.ReadAsync<JsonElement>(HttpStatusCode.Created);
        Assert.Equal(2, pks.GetProperty("parties").GetArrayLength());
        Assert.Equal("a.n. Gubernur, Sekda", pks.GetProperty("parties")[0].GetProperty("delegation").GetString());
        Assert.Equal(kb.GetProperty("id").GetGuid(), pks.GetProperty("parentAgreementId").GetGuid());

        var id = pks.GetProperty("id").GetGuid();
        var extended = await (await S.Secretariat.PostAsJsonAsync($"/api/partners/agreements/{id}/changes", new
        {
            kind = "extension", number = "ADD-1", signedOn = "2028-12-01", description = "Perpanjangan dua tahun", newEndsOn = "2031-02-01",
        }, HttpAssertions.Json)).ReadAsync<JsonElement>();
        Assert.Equal("2031-02-01", extended.GetProperty("endsOn").GetString());
        var change = Assert.Single(extended.GetProperty("changes").EnumerateArray());
        Assert.Equal("2029-02-01", change.GetProperty("previousEndsOn").GetString());

        var tooLong = await S.Secretariat.PostAsJsonAsync($"/api/partners/agreements/{id}/changes", new
        {
            kind = "extension", number = "ADD-2", signedOn = "2030-12-01", description = "Perpanjangan", newEndsOn = "2037-01-01",
        }, HttpAssertions.Json);
        await tooLong.AssertValidationProblemAsync("NewEndsOn");
        var after = await (await S.Secretariat.GetAsync($"/api/partners/agreements/{id}")).ReadAsync<JsonElement>();
        Assert.Equal("2031-02-01", after.GetProperty("endsOn").GetString());
        Assert.Single(after.GetProperty("changes").EnumerateArray());
    }

    [Fact]
    public async Task A_PKS_without_its_KB_or_with_an_unsigned_KB_is_refused_and_nothing_is_stored()
    {
        var before = await S.AgreementCountAsync();
        var withoutKb = await S.PostAgreementAsync(Pks(null));
        Assert.Equal("kb_required", (await withoutKb.AssertValidationProblemAsync("ParentAgreementId")).GetProperty("code").GetString());

        var draftKb = await (await S.PostAgreementAsync(new
        {
            kind = "KB", number = "KB-draft", @object = "Draf", startsOn = "2026-01-01", endsOn = "2027-01-01",
            parties = new[] { S.Party(S.Kalteng), S.Party(S.Kalsel) },
        })).ReadAsync<JsonElement>(HttpStatusCode.Created);
        var unsigned = await S.PostAgreementAsync(Pks(draftKb.GetProperty("id").GetGuid()));
        Assert.Equal("kb_not_signed", (await unsigned.AssertValidationProblemAsync("ParentAgreementId")).GetProperty("code").GetString());

        var kb = await S.SignedKbAsync();
        var otherParty = await S.PostAgreementAsync(Pks(kb.GetProperty("id").GetGuid(), partner: S.Kalbar));
        await otherParty.AssertValidationProblemAsync("Parties");
        Assert.Equal(before + 2, await S.AgreementCountAsync());
    }

    [Fact]
    public async Task An_end_beyond_five_years_is_refused_unless_the_legal_basis_of_an_exception_is_recorded()
    {
        var kb = (await S.SignedKbAsync()).GetProperty("id").GetGuid();
        var before = await S.AgreementCountAsync();
        var tooLong = await S.PostAgreementAsync(Pks(kb, "2026-02-01", "2031-02-02"));
        await tooLong.AssertValidationProblemAsync("EndsOn");
        Assert.Equal(before, await S.AgreementCountAsync());

        var exception = await S.PostAgreementAsync(Pks(kb, "2026-02-01", "2033-02-01", legalBasis: "Pasal 11 PP 28/2018 (uji)"));
        var saved = await exception.ReadAsync<JsonElement>(HttpStatusCode.Created);
        Assert.Equal("Pasal 11 PP 28/2018 (uji)", saved.GetProperty("durationExceptionLegalBasis").GetString());
    }

    [Fact]
    public async Task Dates_out_of_order_and_a_PKS_signed_without_its_DPRD_approval_are_refused_and_nothing_is_stored()
    {
        var kb = (await S.SignedKbAsync()).GetProperty("id").GetGuid();
        var before = await S.AgreementCountAsync();
        await (await S.PostAgreementAsync(Pks(kb, "2027-01-01", "2026-06-01"))).AssertValidationProblemAsync("EndsOn");
        await (await S.PostAgreementAsync(Pks(kb, "2026-02-01", "2027-02-01", signedOn: "2026-03-01"))).AssertValidationProblemAsync("SignedOn");
        await (await S.PostAgreementAsync(Pks(kb, dprd: true))).AssertValidationProblemAsync("DprdApprovalReference");
        Assert.Equal(before, await S.AgreementCountAsync());
        (await S.PostAgreementAsync(Pks(kb, dprd: true, dprdReference: "Keputusan DPRD 5/2026"))).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task A_partner_sees_only_the_agreements_it_is_a_party_of()
    {
        var withKalsel = (await S.SignedKbAsync(S.Kalsel)).GetProperty("id").GetGuid();
        var withKalbar = (await S.SignedKbAsync(S.Kalbar)).GetProperty("id").GetGuid();
        using var kalsel = await S.UserAsync(S.Kalsel, PlatformRoles.PartnerContributor);
        var list = await (await kalsel.GetAsync("/api/partners/agreements")).ReadAsync<JsonElement>();
        var ids = list.EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(withKalsel, ids);
        Assert.DoesNotContain(withKalbar, ids);
        Assert.All(list.EnumerateArray(), a => Assert.Contains(a.GetProperty("parties").EnumerateArray(), p => p.GetProperty("organisationId").GetGuid() == S.Kalsel.Id));
        await (await kalsel.GetAsync($"/api/partners/agreements/{withKalbar}")).AssertProblemAsync(HttpStatusCode.NotFound, "agreement_not_found");

        var history = await (await kalsel.GetAsync($"/api/partners/{S.Kalsel.Id}/history")).ReadAsync<JsonElement>();
        Assert.Contains(history.GetProperty("agreements").EnumerateArray(), a => a.GetProperty("id").GetGuid() == withKalsel);
        await (await kalsel.GetAsync($"/api/partners/{S.Kalbar.Id}/history")).AssertProblemAsync(HttpStatusCode.Forbidden, "partner_not_shared");

        var write = await kalsel.PostAsJsonAsync("/api/partners/agreements", new { kind = "KB" }, HttpAssertions.Json);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
    }

    [Fact]
    public async Task Monitoring_reports_come_from_the_agency_the_partner_and_the_secretariat_with_a_rating_and_recommendation()
    {
        var id = (await S.SignedKbAsync(S.Kalsel)).GetProperty("id").GetGuid();
        using var agency = await S.UserAsync(S.Agency, PlatformRoles.AgencyContributor);
        using var kalsel = await S.UserAsync(S.Kalsel, PlatformRoles.PartnerContributor);
        using var kalbar = await S.UserAsync(S.Kalbar, PlatformRoles.PartnerContributor);
        var url = $"/api/partners/agreements/{id}/evaluations";
        (await agency.PostAsJsonAsync(url, new { period = "2026-S1", rating = 4, recommendation = "continue", findings = "Rujukan berjalan." }, HttpAssertions.Json))
            .EnsureSuccessStatusCode();
        (await kalsel.PostAsJsonAsync(url, new { period = "2026-S1", rating = 5, recommendation = "expand", findings = "Perluas ke RSUD lain." }, HttpAssertions.Json))
            .EnsureSuccessStatusCode();
        (await S.Secretariat.PostAsJsonAsync(url, new { period = "2026-S1", rating = 4, recommendation = "continue", findings = "Lanjut." }, HttpAssertions.Json))
            .EnsureSuccessStatusCode();
        await (await kalsel.PostAsJsonAsync(url, new { period = "2026-S1", rating = 6, recommendation = "grow", findings = "x" }, HttpAssertions.Json))
            .AssertValidationProblemAsync("Rating", "Recommendation");
        await (await kalbar.PostAsJsonAsync(url, new { period = "2026-S1", rating = 1, recommendation = "stop", findings = "x" }, HttpAssertions.Json))
            .AssertProblemAsync(HttpStatusCode.NotFound, "agreement_not_found");

        var reports = await (await S.Secretariat.GetAsync(url)).ReadAsync<JsonElement>();
        Assert.Equal(new[] { "agency", "partner", "secretariat" }, reports.EnumerateArray().Select(r => r.GetProperty("reporterKind").GetString()!).Order().ToArray());
    }
}

[Collection(SharedHost.Sqlite)]
public sealed class AgreementTests_on_Sqlite(SqlitePlatformFixture p) : AgreementTests(p);

[Collection(SharedHost.PostgreSql)]
public sealed class AgreementTests_on_PostgreSql(PostgreSqlPlatformFixture p) : AgreementTests(p);
