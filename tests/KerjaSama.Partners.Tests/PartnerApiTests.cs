using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KerjaSama.TestKit;
using Xunit;
using KerjaSama.Modularity.Security;

namespace KerjaSama.Partners.Tests;

public abstract class PartnerApiTests(PlatformFixture platform) : SecretariatClientTests(platform)
{
    private async Task<Guid> GovernmentOfAsync(string regionCode)
    {
        var page = await (await Client.GetAsync($"/api/registry/organisations?kind=government&region={regionCode}")).ReadAsync<JsonElement>();
        return page.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetGuid();
    }

    private Task<HttpResponseMessage> PutAsync(Guid id, object body) =>
        Client.PutAsJsonAsync($"/api/partners/{id}", body, HttpAssertions.Json);

    [Fact]
    public async Task The_secretariat_records_the_contacts_of_a_partner_government()
    {
        var id = await GovernmentOfAsync("63");
        var saved = await (await PutAsync(id, new
        {
            notes = "Mitra KSDD-wajib: perbatasan Barito Selatan – Tabalong.",
            contacts = new[]
            {
                new { name = "Kepala Bagian Kerja Sama Setda Kalsel", position = "Kabag", email = "kerjasama@kalselprov.go.id", phone = "+62 511 123", isPrimary = true },
                new { name = "Analis Kerja Sama", position = "Analis", email = "analis@kalselprov.go.id", phone = (string?)null!, isPrimary = false },
            },
            version = 0,
        })).ReadAsync<JsonElement>();
        Assert.Equal(2, saved.GetProperty("contacts").GetArrayLength());
        Assert.True(saved.GetProperty("contacts")[0].GetProperty("isPrimary").GetBoolean());
        var read = await (await Client.GetAsync($"/api/partners/{id}")).ReadAsync<JsonElement>();
        Assert.Equal("pemda-63", read.GetProperty("code").GetString());
        Assert.Equal(saved.GetProperty("version").GetInt64(), read.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Contacts_with_a_bad_email_and_two_primaries_are_rejected_and_the_profile_is_unchanged()
    {
        var id = await GovernmentOfAsync("61");
        var before = await (await Client.GetAsync($"/api/partners/{id}")).Content.ReadAsStringAsync();
        var response = await PutAsync(id, new
        {
            contacts = new[]
            {
                new { name = "A", email = "not-an-email", isPrimary = true },
                new { name = "B", email = "b@kalbarprov.go.id", isPrimary = true },
            },
            version = 0,
        });
        await response.AssertValidationProblemAsync("Contacts", "Contacts[0].Email");
        Assert.Equal(before, await (await Client.GetAsync($"/api/partners/{id}")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_partner_needs_a_primary_and_a_secondary_person_in_charge()
    {
        var id = await GovernmentOfAsync("64");
        var before = await (await Client.GetAsync($"/api/partners/{id}")).Content.ReadAsStringAsync();
        var onlyPrimary = await PutAsync(id, new { contacts = new[] { new { name = "Kabag", email = "kabag@kaltimprov.go.id", isPrimary = true } }, version = 0 });
        await onlyPrimary.AssertValidationProblemAsync("Contacts");
        var noPrimary = await PutAsync(id, new
        {
            contacts = new[] { new { name = "A", email = "a@kaltimprov.go.id", isPrimary = false }, new { name = "B", email = "b@kaltimprov.go.id", isPrimary = false } },
            version = 0,
        });
        await noPrimary.AssertValidationProblemAsync("Contacts");
        Assert.Equal(before, await (await Client.GetAsync($"/api/partners/{id}")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_organisation_that_is_not_in_the_registry_is_not_a_partner()
    {
        var response = await Client.GetAsync($"/api/partners/{Guid.NewGuid()}");
        await response.AssertProblemAsync(HttpStatusCode.NotFound, "partner_not_found");
    }

    [Fact]
    public async Task The_old_partners_partners_paths_answer_308_to_the_new_ones_and_the_redirect_changes_nothing()
    {
        var id = await GovernmentOfAsync("65");
        var before = await (await Client.GetAsync($"/api/partners/{id}")).Content.ReadAsStringAsync();
        var user = await Platform.SignInAsync(TestOrganisations.Secretariat, TestOrganisations.SecretariatName, PlatformRoles.SecretariatAdmin);
        using var raw = Platform.ClientFor(user, followRedirects: false);
        (await raw.GetAsync($"/api/partners/partners/{id}/history?page=2")).AssertMovedTo($"/api/partners/{id}/history?page=2");
        var put = await raw.PutAsJsonAsync($"/api/partners/partners/{id}", new { notes = "lewat jalur lama", version = 0 }, HttpAssertions.Json);
        put.AssertMovedTo($"/api/partners/{id}");
        Assert.Equal(before, await (await Client.GetAsync($"/api/partners/{id}")).Content.ReadAsStringAsync());
        // Anonymous callers are redirected too; the new path then asks them to sign in.
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Platform.BaseAddress };
        (await anonymous.GetAsync($"/api/partners/partners/{id}")).AssertMovedTo($"/api/partners/{id}");
        await (await anonymous.GetAsync($"/api/partners/{id}")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}

[Collection(SharedHost.Sqlite)]
public sealed class PartnerApiTests_on_Sqlite(SqlitePlatformFixture p) : PartnerApiTests(p);

[Collection(SharedHost.PostgreSql)]
public sealed class PartnerApiTests_on_PostgreSql(PostgreSqlPlatformFixture p) : PartnerApiTests(p);
