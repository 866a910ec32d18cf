using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KerjaSama.Modularity.Security;
using KerjaSama.TestKit;

namespace KerjaSama.Registry.Tests;

/// <summary>The organisation form (<c>/registry/organisations/new</c>, <c>.../{id}/edit</c>) posted as a browser posts it.</summary>
public abstract class OrganisationFormTests(PlatformFixture platform)
{
    private Task<TestUser> SecretariatAsync() =>
        platform.SignInAsync(TestOrganisations.Secretariat, TestOrganisations.SecretariatName, PlatformRoles.SecretariatAdmin);

    private static Dictionary<string, string> Fields(string code, string name, string region = "62", string affairs = "3.26", long? version = null) => new()
    {
        ["Form.Code"] = code, ["Form.Name"] = name, ["Form.ShortName"] = "", ["Form.Kind"] = "business", ["Form.RegionCode"] = region,
        ["Form.AffairCodes"] = affairs, ["Form.Version"] = version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>The version the form carries (the one the editor read).</summary>
    private static long VersionOn(string html) =>
        long.Parse(System.Text.RegularExpressions.Regex.Match(html, "name=\"Form.Version\" value=\"(\\d+)\"").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_secretariat_adds_an_organisation_on_the_form_and_edits_it()
    {
        var user = await SecretariatAsync();
        using var api = platform.ClientFor(user);
        using var page = new FormPage(platform.BaseAddress, user);
        var token = Unique.Token();
        var html = await page.GetAsync("/registry/organisations/new");
        var saved = await page.PostAsync("/registry/organisations/new", html, "organisation", Fields($"f-{token}", $"CV Formulir {token}"));
        Assert.True(saved.StatusCode == HttpStatusCode.Found, await saved.Content.ReadAsStringAsync());
        Assert.Contains($"Tersimpan: f-{token}", await page.GetAsync(saved.Headers.Location!.PathAndQuery), StringComparison.Ordinal);
        var found = await (await api.GetAsync($"/api/registry/organisations?q=Formulir {token}")).ReadAsync<JsonElement>();
        var id = found.GetProperty("items")[0].GetProperty("id").GetGuid();

        html = await page.GetAsync($"/registry/organisations/{id}/edit");
        var edited = await page.PostAsync($"/registry/organisations/{id}/edit", html, "organisation", Fields($"f-{token}", $"CV Formulir {token} Baru", version: VersionOn(html)));
        Assert.True(edited.StatusCode == HttpStatusCode.Found, await edited.Content.ReadAsStringAsync());
        var stored = await (await api.GetAsync($"/api/registry/organisations/{id}")).ReadAsync<JsonElement>();
        Assert.Equal($"CV Formulir {token} Baru", stored.GetProperty("name").GetString());
    }

    [Fact]
    public async Task An_unknown_region_stands_under_its_field_with_the_APIs_message_and_the_organisation_is_unchanged()
    {
        var user = await SecretariatAsync();
        using var api = platform.ClientFor(user);
        var token = Unique.Token();
        var created = await (await api.PostAsJsonAsync("/api/registry/organisations",
            new { code = $"g-{token}", name = $"CV Galat {token}", kind = "business", regionCode = "62" }, HttpAssertions.Json)).ReadAsync<JsonElement>(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        var before = await api.GetStringAsync($"/api/registry/organisations/{id}");
        using var page = new FormPage(platform.BaseAddress, user);
        var html = await page.GetAsync($"/registry/organisations/{id}/edit");
        var answer = await page.PostAsync($"/registry/organisations/{id}/edit", html, "organisation", Fields($"g-{token}", "Nama yang diketik", region: "99.99", version: VersionOn(html)));
        var shown = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.StatusCode == HttpStatusCode.OK, shown);
        Assert.Contains("value=\"Nama yang diketik\"", shown, StringComparison.Ordinal);

        var problem = await (await api.PutAsJsonAsync($"/api/registry/organisations/{id}",
            new { code = $"g-{token}", name = "Nama yang diketik", kind = "business", regionCode = "99.99", version = VersionOn(html) }, HttpAssertions.Json))
            .AssertValidationProblemAsync("RegionCode");
        var messages = problem.GetProperty("errors").GetProperty("RegionCode").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(messages, FormPage.FieldErrors(shown, "RegionCode"));
        Assert.Equal(before, await api.GetStringAsync($"/api/registry/organisations/{id}"));
    }

    [Fact]
    public async Task A_facilitator_cannot_open_or_post_the_organisation_form()
    {
        var facilitator = await platform.SignInAsync(TestOrganisations.Secretariat, TestOrganisations.SecretariatName, PlatformRoles.Facilitator);
        using var page = new FormPage(platform.BaseAddress, facilitator);
        Assert.Equal(HttpStatusCode.Forbidden, (await page.Http.GetAsync("/registry/organisations/new")).StatusCode);
        var token = Unique.Token();
        var list = await page.GetAsync("/registry/organisations");
        Assert.DoesNotContain("/registry/organisations/new", list, StringComparison.Ordinal);
        var posted = await page.PostAsync("/registry/organisations/new", list, "organisation", Fields($"h-{token}", $"CV Tanpa Hak {token}"));
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        var found = await (await page.Http.GetAsync($"/api/registry/organisations?q=Tanpa Hak {token}")).ReadAsync<JsonElement>();
        Assert.Equal(0, found.GetProperty("total").GetInt32());
    }
}

[Collection(SharedHost.Sqlite)]
public sealed class OrganisationFormTests_on_Sqlite(SqlitePlatformFixture platform) : OrganisationFormTests(platform);

[Collection(SharedHost.PostgreSql)]
public sealed class OrganisationFormTests_on_PostgreSql(PostgreSqlPlatformFixture platform)
    : OrganisationFormTests(platform);
