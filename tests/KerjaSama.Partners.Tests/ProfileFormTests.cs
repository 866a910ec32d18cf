using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KerjaSama.Modularity.Security;
using KerjaSama.TestKit;
using Xunit;

namespace KerjaSama.Partners.Tests;

/// <summary>The partner profile form (<c>/partners/{id}/edit</c>) posted as a browser posts it; the API reads what it stored.</summary>
public abstract class ProfileFormTests(PlatformFixture platform)
{
    private async Task<TestUser> SecretariatAsync() =>
        await platform.SignInAsync(TestOrganisations.Secretariat, TestOrganisations.SecretariatName, PlatformRoles.SecretariatAdmin);

    /// <summary>A third party of its own, so that no other test touches its profile.</summary>
    private static async Task<Guid> NewPartnerAsync(HttpClient secretariat)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var created = await (await secretariat.PostAsJsonAsync("/api/registry/organisations",
            new { code = $"mitra-{suffix}", name = $"PT Mitra Uji {suffix}", kind = "business" }, HttpAssertions.Json)).ReadAsync<JsonElement>(HttpStatusCode.Created);
        return created.GetProperty("id").GetGuid();
    }

    private static Dictionary<string, string> Contact(int row, string name, string? email = null, string? phone = null, string? position = null) => new()
    {
        [$"Form.Contacts[{row}].Name"] = name, [$"Form.Contacts[{row}].Email"] = email ?? "", [$"Form.Contacts[{row}].Phone"] = phone ?? "",
        [$"Form.Contacts[{row}].Position"] = position ?? "",
    };

    private static IEnumerable<KeyValuePair<string, string>> Fields(long version, int primary, string notes, params Dictionary<string, string>[] rows) =>
        [new("Form.Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Form.Primary", primary.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Form.Notes", notes), .. rows.SelectMany(r => r)];

    [Fact]
    public async Task The_secretariat_fills_in_a_partner_profile_on_the_form_and_the_API_reads_the_stored_contacts()
    {
        var user = await SecretariatAsync();
        using var api = platform.ClientFor(user);
        var id = await NewPartnerAsync(api);
        using var page = new FormPage(platform.BaseAddress, user);

        var list = await page.GetAsync("/partners");
        Assert.DoesNotContain("PUT /api/partners", list, StringComparison.Ordinal);
        var html = await page.GetAsync($"/partners/{id}/edit");
        Assert.Contains("name=\"Form.Contacts[1].Name\"", html, StringComparison.Ordinal);
        var saved = await page.PostAsync($"/partners/{id}/edit", html, "partner", Fields(0, 0, "Mitra pengelolaan sampah.",
            Contact(0, "Kepala Divisi Kemitraan", "kemitraan@mitra.co.id", "+62 536 123", "Kepala Divisi"), Contact(1, "Staf Kemitraan", "staf@mitra.co.id")));
        Assert.True(saved.StatusCode == HttpStatusCode.Found, await saved.Content.ReadAsStringAsync());
        Assert.Equal($"/partners/{id}?saved=1", saved.Headers.Location!.PathAndQuery);

        var stored = await (await api.GetAsync($"/api/partners/{id}")).ReadAsync<JsonElement>();
        Assert.Equal("Mitra pengelolaan sampah.", stored.GetProperty("notes").GetString());
        Assert.Equal(1, stored.GetProperty("version").GetInt64());
        var contacts = stored.GetProperty("contacts").EnumerateArray().ToList();
        Assert.Equal(2, contacts.Count);
        Assert.Equal("Kepala Divisi Kemitraan", contacts.Single(c => c.GetProperty("isPrimary").GetBoolean()).GetProperty("name").GetString());
        Assert.Equal("+62 536 123", contacts[0].GetProperty("phone").GetString());
        Assert.Contains("Profil mitra tersimpan.", await page.GetAsync($"/partners/{id}?saved=1"), StringComparison.Ordinal);

        // The secretariat reaches a partner without a profile through its code.
        var code = stored.GetProperty("code").GetString();
        var byCode = await page.Http.GetAsync($"/partners?code={code}");
        Assert.Equal(HttpStatusCode.Found, byCode.StatusCode);
        Assert.Equal($"/partners/{id}/edit", byCode.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_bad_email_a_missing_name_and_no_secondary_person_show_Indonesian_errors_under_the_fields_keep_the_input_and_store_nothing()
    {
        var user = await SecretariatAsync();
        using var api = platform.ClientFor(user);
        var id = await NewPartnerAsync(api);
        (await api.PutAsJsonAsync($"/api/partners/{id}", new
        {
            notes = "Catatan awal.",
            contacts = new[] { new { name = "Utama Lama", isPrimary = true }, new { name = "Cadangan Lama", isPrimary = false } },
            version = 0,
        }, HttpAssertions.Json)).EnsureSuccessStatusCode();
        var before = await api.GetStringAsync($"/api/partners/{id}");
        using var page = new FormPage(platform.BaseAddress, user);
        var html = await page.GetAsync($"/partners/{id}/edit");
        Assert.Contains("value=\"Utama Lama\"", html, StringComparison.Ordinal);

        // Row 1 emptied, row 2 with a bad address and no name: the errors stand under row 2's fields, not under a renumbered row.
        var answer = await page.PostAsync($"/partners/{id}/edit", html, "partner", Fields(1, 0, "Catatan baru.",
            Contact(0, "Utama Baru"), Contact(1, ""), Contact(2, "", "bukan-surel")));
        var shown = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.StatusCode == HttpStatusCode.OK, shown);
        Assert.Equal(["Wajib diisi.", "Bukan alamat surel yang sah (mis. nama@instansi.go.id)."],
            [.. FormPage.FieldErrors(shown, "Contacts[2].Name"), .. FormPage.FieldErrors(shown, "Contacts[2].Email")]);
        Assert.Empty(FormPage.FieldErrors(shown, "Contacts[1].Name"));
        Assert.Contains("value=\"bukan-surel\"", shown, StringComparison.Ordinal);
        Assert.Contains("value=\"Utama Baru\"", shown, StringComparison.Ordinal);
        Assert.Contains("Catatan baru.", shown, StringComparison.Ordinal);
        Assert.Equal(before, await api.GetStringAsync($"/api/partners/{id}"));

        // Only the primary person left: the rule about the secondary one stands above the rows.
        answer = await page.PostAsync($"/partners/{id}/edit", html, "partner", Fields(1, 0, "", Contact(0, "Utama Baru"), Contact(1, "")));
        shown = await answer.Content.ReadAsStringAsync();
        Assert.Equal(["Sekurang-kurangnya satu penanggung jawab pendamping selain yang utama."], FormPage.FieldErrors(shown, "Contacts"));
        Assert.Equal(before, await api.GetStringAsync($"/api/partners/{id}"));

        // The API answers the same rule with the same field names.
        var problem = await (await api.PutAsJsonAsync($"/api/partners/{id}", new
        {
            contacts = new[] { new { name = "Utama", email = "bukan-surel", isPrimary = true } }, version = 1,
        }, HttpAssertions.Json)).AssertValidationProblemAsync("Contacts", "Contacts[0].Email");
        Assert.Equal("Bukan alamat surel yang sah (mis. nama@instansi.go.id).", problem.GetProperty("errors").GetProperty("Contacts[0].Email")[0].GetString());
        Assert.Equal(before, await api.GetStringAsync($"/api/partners/{id}"));
    }

    [Fact]
    public async Task The_partner_itself_and_a_facilitator_cannot_open_or_post_the_profile_form()
    {
        var secretariat = await SecretariatAsync();
        using var api = platform.ClientFor(secretariat);
        var id = await NewPartnerAsync(api);
        var before = await api.GetStringAsync($"/api/partners/{id}");
        var name = JsonDocument.Parse(before).RootElement.GetProperty("name").GetString()!;

        foreach (var user in new[]
        {
            await platform.SignInAsync(id, name, PlatformRoles.PartnerContributor),
            await platform.SignInAsync(TestOrganisations.Secretariat, TestOrganisations.SecretariatName, PlatformRoles.Facilitator),
        })
        {
            using var page = new FormPage(platform.BaseAddress, user);
            Assert.Equal(HttpStatusCode.Forbidden, (await page.Http.GetAsync($"/partners/{id}/edit")).StatusCode);
            // The profile page they may read offers no edit link; a post to the form (with a valid token) is refused.
            var detail = await page.GetAsync($"/partners/{id}");
            Assert.DoesNotContain($"/partners/{id}/edit", detail, StringComparison.Ordinal);
            var posted = await page.PostAsync($"/partners/{id}/edit", detail, "partner", Fields(0, 0, "Diubah tanpa hak.", Contact(0, "A"), Contact(1, "B")));
            Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        }

        Assert.Equal(before, await api.GetStringAsync($"/api/partners/{id}"));
    }
}

[Collection(SharedHost.Sqlite)]
public sealed class ProfileFormTests_on_Sqlite(SqlitePlatformFixture p) : ProfileFormTests(p);

[Collection(SharedHost.PostgreSql)]
public sealed class ProfileFormTests_on_PostgreSql(PostgreSqlPlatformFixture p) : ProfileFormTests(p);
