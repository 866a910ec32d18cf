using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KerjaSama.Modularity.Mail;
using KerjaSama.Modularity.Security;
using KerjaSama.TestKit;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Xunit;

namespace KerjaSama.Meetings.Tests;

/// <summary>
/// One language per reader (issue 20): each invited member's e-mail is in the language the member stored, the minutes
/// export in the requester's language, the Berita Acara always in Bahasa Indonesia.
/// </summary>
public abstract class LanguageTests(PlatformFixture platform)
{
    [Fact]
    public async Task Each_invitation_email_is_in_the_language_its_recipient_stored_and_Indonesian_by_default()
    {
        var s = await MeetingScenario.StartAsync(platform);
        var english = await s.MemberOfAsync(s.Partner, "English reader", PlatformRoles.PartnerContributor);
        var indonesian = await s.MemberOfAsync(s.Partner, "Pembaca Indonesia", PlatformRoles.PartnerContributor);
        using (var client = platform.ClientFor(english))
        {
            // A language that is neither id nor en is refused with the field named, and nothing is stored.
            await (await client.PutAsJsonAsync("/api/identity/me/language", new { language = "fr" }, HttpAssertions.Json)).AssertValidationProblemAsync("language");
            Assert.Equal("id", (await (await client.GetAsync("/api/identity/me/language")).ReadAsync<JsonElement>()).GetProperty("language").GetString());
            Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync("/api/identity/me/language", new { language = "en" }, HttpAssertions.Json)).StatusCode);
            Assert.Equal("en", (await (await client.GetAsync("/api/identity/me/language")).ReadAsync<JsonElement>()).GetProperty("language").GetString());
        }

        var title = "Rapat bahasa " + MeetingScenario.Short();
        var id = (await s.CreateMeetingAsync(MeetingScenario.Meeting(title, s.Partner.Id))).GetProperty("id").GetGuid();
        using var admin = s.Admin();
        Assert.True((await (await admin.PostAsync($"/api/meetings/{id}/invitations", null)).ReadAsync<JsonElement>()).GetProperty("emailed").GetInt32() >= 2);

        var toEnglish = MailTo(english);
        Assert.Equal($"Meeting invitation: {title}", toEnglish.Subject);
        Assert.Contains($"You are invited to the meeting \"{title}\".", toEnglish.TextBody, StringComparison.Ordinal);
        Assert.Contains("The calendar invitation is attached", toEnglish.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Dengan hormat", toEnglish.TextBody, StringComparison.Ordinal);

        var toIndonesian = MailTo(indonesian);
        Assert.Equal($"Undangan rapat: {title}", toIndonesian.Subject);
        Assert.Contains($"Dengan hormat, Anda diundang ke rapat \"{title}\".", toIndonesian.TextBody, StringComparison.Ordinal);
        Assert.Contains("Undangan kalender terlampir", toIndonesian.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("invited", toIndonesian.TextBody, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_minutes_are_exported_in_the_requesters_language_and_the_Berita_Acara_stays_Indonesian()
    {
        var s = await MeetingScenario.StartAsync(platform);
        var id = (await s.CreateMeetingAsync(MeetingScenario.Meeting("Rapat ekspor " + MeetingScenario.Short(), s.AgencyA.Id))).GetProperty("id").GetGuid();
        using var admin = s.Admin();

        var byDefault = await TextAsync(admin, $"/api/meetings/{id}/minutes.docx", null);
        Assert.Contains("NOTULEN RAPAT", byDefault, StringComparison.Ordinal);
        Assert.Contains("Daftar Hadir", byDefault, StringComparison.Ordinal);
        Assert.Contains("Tidak ada kehadiran yang tercatat.", byDefault, StringComparison.Ordinal);
        Assert.DoesNotContain("MINUTES", byDefault, StringComparison.Ordinal);

        foreach (var english in new[] { await TextAsync(admin, $"/api/meetings/{id}/minutes.docx?culture=en", null),
                     await TextAsync(admin, $"/api/meetings/{id}/minutes.docx", "en-GB,en;q=0.9") })
        {
            Assert.Contains("MINUTES OF THE MEETING", english, StringComparison.Ordinal);
            Assert.Contains("Attendance", english, StringComparison.Ordinal);
            Assert.Contains("No attendance was recorded.", english, StringComparison.Ordinal);
            Assert.Contains("Chair of the meeting,", english, StringComparison.Ordinal);
            Assert.DoesNotContain("NOTULEN", english, StringComparison.Ordinal);
        }

        var record = await TextAsync(admin, $"/api/meetings/{id}/berita-acara.docx?culture=en", "en");
        Assert.Contains("BERITA ACARA", record, StringComparison.Ordinal);
        Assert.Contains("B. Kehadiran", record, StringComparison.Ordinal);
        Assert.Contains("Demikian Berita Acara ini dibuat dengan sebenarnya", record, StringComparison.Ordinal);
        Assert.DoesNotContain("Attendance", record, StringComparison.Ordinal);
        Assert.DoesNotContain("OFFICIAL RECORD", record, StringComparison.Ordinal);
    }

    private static async Task<string> TextAsync(HttpClient client, string url, string? acceptLanguage)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (acceptLanguage is not null)
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return AttendanceTests.DocumentText(await response.Content.ReadAsByteArrayAsync());
    }

    // Each member is new and invited to this one meeting: the one e-mail to the member's (unique) name is the invitation.
    private MimeMessage MailTo(TestUser user)
    {
        var folder = platform.Services.GetRequiredService<MailOptions>().PickupDirectory;
        return Assert.Single(Directory.GetFiles(folder, "*.eml").Select(f => MimeMessage.Load(f)),
            m => m.To.Mailboxes.Any(b => b.Name == user.Caller.DisplayName));
    }
}

[Collection(SharedHost.Sqlite)]
public sealed class LanguageTests_on_Sqlite(SqlitePlatformFixture p) : LanguageTests(p);

[Collection(SharedHost.PostgreSql)]
public sealed class LanguageTests_on_PostgreSql(PostgreSqlPlatformFixture p) : LanguageTests(p);
