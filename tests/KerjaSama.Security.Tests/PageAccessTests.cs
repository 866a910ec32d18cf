using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KerjaSama.Modularity.Security;
using KerjaSama.TestKit;
using Xunit;
using KerjaSama.Planning.Contracts.Live;

namespace KerjaSama.Security.Tests;

/// <summary>
/// Pages are closed unless they say otherwise (the fallback policy), and the lists show only what the caller's
/// organisation may see: partner profiles to the secretariat and the partner itself, exercises to the invited.
/// </summary>
public abstract class PageAccessTests(PlatformFixture platform)
{
    private async Task<BrowserSession> BrowserAsync((Guid Id, string Name) organisation, string role)
    {
        var (userName, password, _) = await platform.CreateUserAsync(organisation.Id, organisation.Name, role);
        var browser = new BrowserSession(platform.BaseAddress);
        await browser.SignInAsync(userName, password);
        return browser;
    }

    private async Task<string> PartnerNotesAsync(TestUser secretariat, Guid partner)
    {
        var notes = "Catatan rahasia negosiasi " + Guid.NewGuid().ToString("N")[..8];
        using var admin = platform.ClientFor(secretariat);
        var current = await (await admin.GetAsync($"/api/partners/{partner}")).ReadAsync<JsonElement>();
        var put = await admin.PutAsJsonAsync($"/api/partners/{partner}", new
        {
            notes, version = current.GetProperty("version").GetInt64(),
            contacts = new object[] { new { name = "Kepala Biro", isPrimary = true }, new { name = "Kepala Bagian", isPrimary = false } },
        }, HttpAssertions.Json);
        await put.ReadAsync<JsonElement>();
        return notes;
    }

    [Theory]
    [InlineData("/partners")]
    [InlineData("/planning")]
    [InlineData("/partners/offers")]
    [InlineData("/meetings")]
    public async Task An_anonymous_visitor_is_sent_to_sign_in_and_sees_nothing(string path)
    {
        using var browser = new BrowserSession(platform.BaseAddress);
        var response = await browser.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.DoesNotContain("<table", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Partner_notes_are_listed_to_the_secretariat_and_the_partner_itself_only()
    {
        var s = await LiveScenario.StartAsync(platform);
        var kalsel = (await LiveScenario.OrganisationsAsync(platform, "kind=government&region=63")).Single();
        var kalbar = (await LiveScenario.OrganisationsAsync(platform, "kind=government&region=61")).Single();
        var agency = (await LiveScenario.OrganisationsAsync(platform, "kind=agency&region=62"))[1];
        var notes = await PartnerNotesAsync(s.Secretariat, kalsel.Id);

        using var secretariat = await BrowserAsync(agency, PlatformRoles.Facilitator);
        Assert.Contains(notes, await secretariat.Http.GetStringAsync("/partners"), StringComparison.Ordinal);
        using var own = await BrowserAsync(kalsel, PlatformRoles.PartnerContributor);
        Assert.Contains(notes, await own.Http.GetStringAsync("/partners"), StringComparison.Ordinal);
        using var otherPartner = await BrowserAsync(kalbar, PlatformRoles.PartnerContributor);
        Assert.DoesNotContain(notes, await otherPartner.Http.GetStringAsync("/partners"), StringComparison.Ordinal);
        var detail = await otherPartner.Http.GetAsync($"/partners/{kalsel.Id}");
        Assert.Equal(HttpStatusCode.Forbidden, detail.StatusCode);
        Assert.DoesNotContain(notes, await detail.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var observer = await BrowserAsync(kalbar, PlatformRoles.Observer);
        Assert.DoesNotContain(notes, await observer.Http.GetStringAsync("/partners"), StringComparison.Ordinal);
        using var staff = await BrowserAsync(agency, PlatformRoles.AgencyContributor);
        Assert.DoesNotContain(notes, await staff.Http.GetStringAsync("/partners"), StringComparison.Ordinal);

        using var api = platform.ClientFor(await platform.SignInAsync(kalbar.Id, kalbar.Name, PlatformRoles.Observer));
        await (await api.GetAsync($"/api/partners/{kalsel.Id}")).AssertProblemAsync(HttpStatusCode.Forbidden, "partner_not_shared");
    }

    [Fact]
    public async Task An_exercise_is_listed_only_to_the_secretariat_and_the_organisations_it_invites()
    {
        var s = await LiveScenario.StartAsync(platform);
        using var admin = platform.ClientFor(s.Secretariat);
        var title = (await (await admin.GetAsync($"/api/planning/exercises/{s.ExerciseId}")).ReadAsync<JsonElement>())
            .GetProperty("title").GetString()!;
        var agencies = await LiveScenario.OrganisationsAsync(platform, "kind=agency&region=62");

        using var invited = await BrowserAsync(agencies[1], PlatformRoles.AgencyContributor);
        Assert.Contains(title, await invited.Http.GetStringAsync("/planning"), StringComparison.Ordinal);
        using var outsider = await BrowserAsync(agencies[3], PlatformRoles.AgencyContributor);
        Assert.DoesNotContain(title, await outsider.Http.GetStringAsync("/planning"), StringComparison.Ordinal);

        using var api = platform.ClientFor(s.Outsider);
        var list = await (await api.GetAsync("/api/planning/exercises?pageSize=200")).ReadAsync<JsonElement>();
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), e => e.GetProperty("id").GetGuid() == s.ExerciseId);
        await (await api.GetAsync($"/api/planning/exercises/{s.ExerciseId}")).AssertProblemAsync(HttpStatusCode.Forbidden, RejectionCodes.NotInvited);
    }
}

[Collection(SqliteSecurityCollection.Name)]
public sealed class PageAccessTests_on_Sqlite(SqliteSecurityFixture p) : PageAccessTests(p);

[Collection(PostgreSqlSecurityCollection.Name)]
public sealed class PageAccessTests_on_PostgreSql(PostgreSqlSecurityFixture p) : PageAccessTests(p);
