using System.Net;
using System.Text.Json;
using KerjaSama.Modularity.Security;
using KerjaSama.TestKit;
using Xunit;

namespace KerjaSama.Partners.Tests;

/// <summary>The agreement forms (record on <c>/partners/agreements</c>, changes on the agreement's page) posted as a browser posts them.</summary>
public abstract class AgreementFormTests(PlatformFixture platform) : PartnersScenarioTests(platform)
{
    private static readonly HttpStatusCode[] Refused = [HttpStatusCode.BadRequest, HttpStatusCode.Forbidden];

    private static Dictionary<string, string> Agreement(string number, string party2Code, string endsOn = "2029-06-30") => new()
    {
        ["Form.Kind"] = "KB", ["Form.Number"] = number, ["Form.Object"] = "Pengelolaan sungai lintas batas", ["Form.AffairCode"] = "1.03",
        ["Form.StartsOn"] = "2026-07-01", ["Form.EndsOn"] = endsOn, ["Form.SignedOn"] = "2026-06-30",
        ["Form.Party1Code"] = "pemda-62", ["Form.Party1Signatory"] = "Gubernur Kalimantan Tengah",
        ["Form.Party2Code"] = party2Code, ["Form.Party2Signatory"] = "Gubernur Kalimantan Selatan",
    };

    [Fact]
    public async Task The_secretariat_records_an_agreement_on_the_form_and_sees_it_saved()
    {
        using var page = new FormPage(Platform.BaseAddress, S.SecretariatUser);
        var number = "KB-FORM-" + Guid.NewGuid().ToString("N")[..6];
        var html = await page.GetAsync("/partners/agreements");
        var saved = await page.PostAsync("/partners/agreements", html, "agreement", Agreement(number, "pemda-63"));
        Assert.True(saved.StatusCode == HttpStatusCode.Found, await saved.Content.ReadAsStringAsync());
        var location = saved.Headers.Location!.PathAndQuery;
        var id = Guid.Parse(location["/partners/agreements/".Length..location.IndexOf('?', StringComparison.Ordinal)]);
        var stored = await (await S.Secretariat.GetAsync($"/api/partners/agreements/{id}")).ReadAsync<JsonElement>();
        Assert.Equal(number, stored.GetProperty("number").GetString());
        Assert.Equal(2, stored.GetProperty("parties").GetArrayLength());
        Assert.Contains("Perjanjian tersimpan.", await page.GetAsync(location), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_end_before_the_start_and_an_unknown_party_stand_under_their_fields_with_the_APIs_messages_and_nothing_is_stored()
    {
        using var page = new FormPage(Platform.BaseAddress, S.SecretariatUser);
        var count = await S.AgreementCountAsync();
        var html = await page.GetAsync("/partners/agreements");
        var answer = await page.PostAsync("/partners/agreements", html, "agreement", Agreement("KB-SALAH-1", "tidak-ada", endsOn: "2026-01-01"));
        var shown = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.StatusCode == HttpStatusCode.OK, shown);
        Assert.Contains("value=\"KB-SALAH-1\"", shown, StringComparison.Ordinal);
        Assert.Contains("value=\"tidak-ada\"", shown, StringComparison.Ordinal);

        // The same request through the API: the page shows the rule's messages, under the same field names.
        var problem = await (await S.PostAgreementAsync(new
        {
            kind = "KB", number = "KB-SALAH-1", @object = "Pengelolaan sungai lintas batas", affairCode = "1.03", signedOn = "2026-06-30",
            startsOn = "2026-07-01", endsOn = "2026-01-01", parties = new[] { S.Party(S.Kalteng, "Gubernur Kalimantan Tengah"), new
            {
                organisationId = Guid.Empty, signatoryName = "Gubernur Kalimantan Selatan", signatoryPosition = (string?)null, delegation = (string?)null,
            } },
        })).AssertValidationProblemAsync("EndsOn", "Parties[1].OrganisationId");
        foreach (var field in new[] { "EndsOn", "Parties[1].OrganisationId" })
        {
            var messages = problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()!).ToList();
            Assert.NotEmpty(messages);
            Assert.Equal(messages, FormPage.FieldErrors(shown, field));
        }

        // A mistyped row id: the form's own check, in Bahasa Indonesia.
        var withRow = Agreement("KB-SALAH-2", "pemda-63");
        withRow["Form.RowId"] = "baris-17";
        shown = await (await page.PostAsync("/partners/agreements", html, "agreement", withRow)).Content.ReadAsStringAsync();
        Assert.Equal(["Bukan id (GUID, mis. 0190a6f2-7c1e-7b2d-9f00-1234567890ab)."], FormPage.FieldErrors(shown, "RowId"));
        Assert.Equal(count, await S.AgreementCountAsync());
    }

    [Fact]
    public async Task An_extension_without_its_new_end_is_refused_under_the_field_and_a_partner_cannot_post_the_secretariats_forms()
    {
        var kb = await S.SignedKbAsync();
        var id = kb.GetProperty("id").GetGuid();
        var before = await S.Secretariat.GetStringAsync($"/api/partners/agreements/{id}");
        using var page = new FormPage(Platform.BaseAddress, S.SecretariatUser);
        var html = await page.GetAsync($"/partners/agreements/{id}");
        var answer = await page.PostAsync($"/partners/agreements/{id}", html, "change", new Dictionary<string, string>
        {
            ["Change.Kind"] = "extension", ["Change.Number"] = "ADD-1", ["Change.SignedOn"] = "2027-01-01", ["Change.Description"] = "Perpanjangan dua tahun",
        });
        var shown = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.StatusCode == HttpStatusCode.OK, shown);
        Assert.Single(FormPage.FieldErrors(shown, "NewEndsOn"));
        Assert.Contains("value=\"Perpanjangan dua tahun\"", shown, StringComparison.Ordinal);
        Assert.Equal(before, await S.Secretariat.GetStringAsync($"/api/partners/agreements/{id}"));

        // The partner (a party) reads the agreement but sees no secretariat form, and its posts are refused: a form not rendered
        // for the user is unknown to the page (400), and the page's handlers refuse anyone but the secretariat (403).
        using var partner = new FormPage(Platform.BaseAddress, await Platform.SignInAsync(S.Kalsel.Id, S.Kalsel.Name, PlatformRoles.PartnerContributor));
        var partnerHtml = await partner.GetAsync($"/partners/agreements/{id}");
        Assert.DoesNotContain("name=\"Change.Number\"", partnerHtml, StringComparison.Ordinal);
        var change = await partner.PostAsync($"/partners/agreements/{id}", partnerHtml, "change", new Dictionary<string, string>
        {
            ["Change.Kind"] = "amendment", ["Change.Number"] = "ADD-2", ["Change.SignedOn"] = "2027-01-01", ["Change.Description"] = "Tanpa hak",
        });
        Assert.Contains(change.StatusCode, Refused);
        var listHtml = await partner.GetAsync("/partners/agreements");
        Assert.DoesNotContain("name=\"Form.Number\"", listHtml, StringComparison.Ordinal);
        var count = await S.AgreementCountAsync();
        var create = await partner.PostAsync("/partners/agreements", listHtml, "agreement", Agreement("KB-TANPA-HAK", "pemda-63"));
        Assert.Contains(create.StatusCode, Refused);
        Assert.Equal(count, await S.AgreementCountAsync());
        Assert.Equal(before, await S.Secretariat.GetStringAsync($"/api/partners/agreements/{id}"));
    }
}

[Collection(SharedHost.Sqlite)]
public sealed class AgreementFormTests_on_Sqlite(SqlitePlatformFixture p) : AgreementFormTests(p);

[Collection(SharedHost.PostgreSql)]
public sealed class AgreementFormTests_on_PostgreSql(PostgreSqlPlatformFixture p) : AgreementFormTests(p);
