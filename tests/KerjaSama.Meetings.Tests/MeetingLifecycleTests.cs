using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KerjaSama.TestKit;
using Xunit;

namespace KerjaSama.Meetings.Tests;

public abstract class MeetingLifecycleTests(PlatformFixture platform)
{
    [Fact]
    public async Task An_invited_agency_sees_the_meeting_once_invitations_are_sent_and_an_uninvited_agency_never_does()
    {
        var s = await MeetingScenario.StartAsync(platform);
        var invitee = await s.MemberOfAsync(s.AgencyA, "Staf Dinas A");
        var partner = await s.MemberOfAsync(s.Partner, "Staf Kalsel", KerjaSama.Modularity.Security.PlatformRoles.PartnerContributor);
        var outsider = await s.MemberOfAsync(s.Uninvited, "Staf lain");
        var title = "Rapat pemetaan " + MeetingScenario.Short();
        var created = await s.CreateMeetingAsync(MeetingScenario.Meeting(title, s.AgencyA.Id, s.Partner.Id));
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal("2030-03-10 09:00 WITA", created.GetProperty("localStart").GetString());
        Assert.Equal("2030-03-10 11:30 WITA", created.GetProperty("localEnd").GetString());
        Assert.Equal(150, created.GetProperty("durationMinutes").GetInt32());
        Assert.Equal(3, created.GetProperty("agenda").GetArrayLength());

        using var inviteeClient = platform.ClientFor(invitee);
        using var outsiderClient = platform.ClientFor(outsider);
        Assert.DoesNotContain(await MineAsync(inviteeClient), m => m == id);

        using var admin = s.Admin();
        var sent = await (await admin.PostAsync($"/api/meetings/{id}/invitations", null)).ReadAsync<JsonElement>();
        var recipients = sent.GetProperty("invitations").EnumerateArray().Select(i => i.GetProperty("userId").GetGuid()).ToList();
        Assert.Contains(invitee.Caller.UserId, recipients);
        Assert.Contains(partner.Caller.UserId, recipients);
        Assert.DoesNotContain(outsider.Caller.UserId, recipients);
        Assert.Equal("Pickup", sent.GetProperty("mailMode").GetString());

        // Edit after sending: the invitee sees the new title in "upcoming"; the outsider still sees nothing.
        var edited = MeetingScenario.Meeting(title + " (revisi)", s.AgencyA.Id, s.Partner.Id);
        edited["version"] = (await (await admin.GetAsync($"/api/meetings/{id}")).ReadAsync<JsonElement>()).GetProperty("version").GetInt64();
        (await admin.PutAsJsonAsync($"/api/meetings/{id}", edited, HttpAssertions.Json)).EnsureSuccessStatusCode();

        Assert.Contains(id, await MineAsync(inviteeClient));
        var mine = await (await inviteeClient.GetAsync("/api/meetings/mine")).ReadAsync<JsonElement>();
        Assert.Equal(title + " (revisi)", mine.EnumerateArray().Single(m => m.GetProperty("id").GetGuid() == id).GetProperty("title").GetString());
        using var partnerClient = platform.ClientFor(partner);
        Assert.Contains(id, await MineAsync(partnerClient));
        Assert.DoesNotContain(id, await MineAsync(outsiderClient));
        await (await outsiderClient.GetAsync($"/api/meetings/{id}")).AssertProblemAsync(HttpStatusCode.NotFound, "meeting_not_found");
        var inviteeList = await (await inviteeClient.GetAsync("/api/meetings")).ReadAsync<JsonElement>();
        Assert.Contains(inviteeList.GetProperty("items").EnumerateArray(), m => m.GetProperty("id").GetGuid() == id);

        // The meeting page lists it for the invitee under "upcoming".
        var page = await inviteeClient.GetStringAsync("/meetings");
        Assert.Contains(title + " (revisi)", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_meeting_that_ends_before_it_starts_is_rejected_naming_the_fields_and_nothing_is_stored()
    {
        var s = await MeetingScenario.StartAsync(platform);
        var before = await s.MeetingCountAsync();
        var body = MeetingScenario.Meeting("Rapat mundur", s.AgencyA.Id);
        body["endsAt"] = "2030-03-10T08:00:00+08:00";
        using var admin = s.Admin();
        var problem = await (await admin.PostJsonAsync("/api/meetings", body)).AssertValidationProblemAsync("EndsAt");
        Assert.Contains("StartsAt", problem.GetProperty("errors").GetProperty("EndsAt")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await s.MeetingCountAsync());
    }

    [Fact]
    public async Task An_invitation_to_an_unknown_organisation_is_rejected_naming_it_and_the_meeting_keeps_its_invitees()
    {
        var s = await MeetingScenario.StartAsync(platform);
        var before = await s.MeetingCountAsync();
        var unknown = Guid.NewGuid();
        using var admin = s.Admin();
        var problem = await (await admin.PostJsonAsync("/api/meetings", MeetingScenario.Meeting("Rapat", s.AgencyA.Id, unknown)))
            .AssertValidationProblemAsync("InvitedOrganisationIds");
        Assert.Contains(unknown.ToString(), problem.GetProperty("errors").GetProperty("InvitedOrganisationIds")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await s.MeetingCountAsync());

        var created = await s.CreateMeetingAsync(MeetingScenario.Meeting("Rapat " + MeetingScenario.Short(), s.AgencyA.Id));
        var id = created.GetProperty("id").GetGuid();
        var update = MeetingScenario.Meeting("Rapat diubah", s.AgencyA.Id, unknown);
        update["version"] = created.GetProperty("version").GetInt64();
        await (await admin.PutAsJsonAsync($"/api/meetings/{id}", update, HttpAssertions.Json)).AssertValidationProblemAsync("InvitedOrganisationIds");
        var read = await (await admin.GetAsync($"/api/meetings/{id}")).ReadAsync<JsonElement>();
        Assert.Equal(created.GetProperty("title").GetString(), read.GetProperty("title").GetString());
        Assert.Equal([s.AgencyA.Id], read.GetProperty("invitees").EnumerateArray().Select(i => i.GetProperty("organisationId").GetGuid()));
    }

    [Fact]
    public async Task Minutes_saved_against_a_stale_version_answer_409_with_both_texts_and_the_stored_text_is_kept()
    {
        var s = await MeetingScenario.StartAsync(platform);
        var id = (await s.CreateMeetingAsync(MeetingScenario.Meeting("Rapat notulen " + MeetingScenario.Short()))).GetProperty("id").GetGuid();
        using var first = s.Admin();
        using var second = platform.ClientFor(await platform.SignInAsync(s.Secretariat.Caller.OrganisationId, s.Secretariat.Caller.OrganisationName,
            KerjaSama.Modularity.Security.PlatformRoles.Facilitator, "Sekretaris dua"));

        var opened = await (await second.GetAsync($"/api/meetings/{id}/minutes")).ReadAsync<JsonElement>();
        Assert.Equal(0, opened.GetProperty("version").GetInt64());
        var saved = await (await first.PutAsJsonAsync($"/api/meetings/{id}/minutes", new { text = "1. Dibuka pukul 09.00.", version = 0 },
            HttpAssertions.Json)).ReadAsync<JsonElement>();
        Assert.Equal(1, saved.GetProperty("version").GetInt64());

        var stale = await second.PutAsJsonAsync($"/api/meetings/{id}/minutes", new { text = "Versi sekretaris dua.", version = 0 }, HttpAssertions.Json);
        var problem = await stale.AssertProblemAsync(HttpStatusCode.Conflict, "minutes_conflict");
        Assert.Equal("1. Dibuka pukul 09.00.", problem.GetProperty("stored").GetProperty("text").GetString());
        Assert.Equal(1, problem.GetProperty("stored").GetProperty("version").GetInt64());
        Assert.Equal("Versi sekretaris dua.", problem.GetProperty("submitted").GetProperty("text").GetString());

        var read = await (await first.GetAsync($"/api/meetings/{id}/minutes")).ReadAsync<JsonElement>();
        Assert.Equal("1. Dibuka pukul 09.00.", read.GetProperty("text").GetString());
        Assert.Equal(1, read.GetProperty("version").GetInt64());

        // Merging onto the stored version succeeds.
        var merged = await (await second.PutAsJsonAsync($"/api/meetings/{id}/minutes",
            new { text = "1. Dibuka pukul 09.00.\nVersi sekretaris dua.", version = 1 }, HttpAssertions.Json)).ReadAsync<JsonElement>();
        Assert.Equal(2, merged.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Action_items_need_a_known_owner_organisation_and_a_due_date_not_before_the_meeting()
    {
        var s = await MeetingScenario.StartAsync(platform);
        var id = (await s.CreateMeetingAsync(MeetingScenario.Meeting("Rapat tindak lanjut " + MeetingScenario.Short()))).GetProperty("id").GetGuid();
        using var admin = s.Admin();
        var bad = await admin.PostJsonAsync($"/api/meetings/{id}/action-items",
            new { text = "Menyusun KAK", ownerOrganisationId = Guid.NewGuid(), dueDate = "2030-03-01" });
        await bad.AssertValidationProblemAsync("OwnerOrganisationId", "DueDate");
        await (await admin.PostJsonAsync($"/api/meetings/{id}/action-items", new { text = "Menyusun KAK" }))
            .AssertValidationProblemAsync("OwnerOrganisationId", "DueDate");
        Assert.Equal(0, (await (await admin.GetAsync($"/api/meetings/{id}/action-items")).ReadAsync<JsonElement>()).GetArrayLength());

        await (await admin.PostJsonAsync($"/api/meetings/{id}/action-items",
            new { text = "Menyusun KAK", ownerOrganisationId = s.AgencyA.Id, dueDate = "2030-04-30" })).ReadAsync<JsonElement>(HttpStatusCode.Created);
        await (await admin.PostJsonAsync($"/api/meetings/{id}/decisions", new { text = "Urusan kesehatan diprioritaskan." }))
            .ReadAsync<JsonElement>(HttpStatusCode.Created);
        var summary = await (await admin.GetAsync($"/api/meetings/{id}/summary")).ReadAsync<JsonElement>();
        var item = Assert.Single(summary.GetProperty("actionItems").EnumerateArray());
        Assert.Equal(s.AgencyA.Name, item.GetProperty("ownerOrganisationName").GetString());
        Assert.Equal("2030-04-30", item.GetProperty("dueDate").GetString());
        Assert.Single(summary.GetProperty("decisions").EnumerateArray());
    }

    [Fact]
    public async Task Only_facilitators_change_meetings_minutes_or_send_invitations()
    {
        var s = await MeetingScenario.StartAsync(platform);
        var id = (await s.CreateMeetingAsync(MeetingScenario.Meeting("Rapat " + MeetingScenario.Short(), s.AgencyA.Id))).GetProperty("id").GetGuid();
        using var agency = platform.ClientFor(await s.MemberOfAsync(s.AgencyA, "Staf"));
        Assert.Equal(HttpStatusCode.Forbidden, (await agency.PostAsync($"/api/meetings/{id}/invitations", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await agency.PutAsJsonAsync($"/api/meetings/{id}/minutes", new { text = "x", version = 0 }, HttpAssertions.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agency.PostAsync($"/api/meetings/{id}/session/open", null)).StatusCode);
    }

    private static async Task<List<Guid>> MineAsync(HttpClient client) =>
        [.. (await (await client.GetAsync("/api/meetings/mine")).ReadAsync<JsonElement>()).EnumerateArray().Select(m => m.GetProperty("id").GetGuid())];
}

[Collection(SharedHost.Sqlite)]
public sealed class MeetingLifecycleTests_on_Sqlite(SqlitePlatformFixture p) : MeetingLifecycleTests(p);

[Collection(SharedHost.PostgreSql)]
public sealed class MeetingLifecycleTests_on_PostgreSql(PostgreSqlPlatformFixture p) : MeetingLifecycleTests(p);
