using System.Globalization;
using System.Text;
using System.Text.Json;
using KerjaSama.Modularity.Mail;
using KerjaSama.TestKit;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Xunit;

namespace KerjaSama.Meetings.Tests;

public abstract class InvitationMailTests(PlatformFixture platform)
{
    [Theory]
    [InlineData("WIB", "+07:00", "Asia/Jakarta", "+0700")]
    [InlineData("WITA", "+08:00", "Asia/Makassar", "+0800")]
    [InlineData("WIT", "+09:00", "Asia/Jayapura", "+0900")]
    public async Task Each_invited_member_gets_an_eml_in_the_pickup_folder_with_a_calendar_request_in_the_meetings_time_zone(
        string zone, string offset, string tzid, string icsOffset)
    {
        var s = await MeetingScenario.StartAsync(platform);
        var invitee = await s.MemberOfAsync(s.Partner, "Mitra, Kalsel", KerjaSama.Modularity.Security.PlatformRoles.PartnerContributor);
        var body = MeetingScenario.Meeting("Rapat; pemetaan, lintas batas " + MeetingScenario.Short(), s.Partner.Id);
        body["timeZone"] = zone;
        body["startsAt"] = $"2030-03-10T09:00:00{offset}";
        body["endsAt"] = $"2030-03-10T11:30:00{offset}";
        var meeting = await s.CreateMeetingAsync(body);
        var id = meeting.GetProperty("id").GetGuid();
        using var admin = s.Admin();
        var sent = await (await admin.PostAsync($"/api/meetings/{id}/invitations", null)).ReadAsync<JsonElement>();
        Assert.True(sent.GetProperty("emailed").GetInt32() >= 1);

        var folder = platform.Services.GetRequiredService<MailOptions>().PickupDirectory;
        var messages = Directory.GetFiles(folder, "*.eml").Select(f => MimeMessage.Load(f))
            .Where(m => m.To.Mailboxes.Any(b => b.Name == invitee.Caller.DisplayName)
                && Calendar(m)?.Contains($"UID:{id:D}@kerjasama", StringComparison.Ordinal) == true)
            .ToList();
        var message = Assert.Single(messages);
        Assert.Contains((string)body["title"]!, message.Subject, StringComparison.Ordinal);
        var ics = Calendar(message)!;

        var lines = Unfold(ics);
        Assert.Equal("BEGIN:VCALENDAR", lines[0]);
        Assert.Equal("END:VCALENDAR", lines[^1]);
        Assert.Contains("METHOD:REQUEST", lines);
        Assert.Contains("VERSION:2.0", lines);
        Assert.Contains($"TZID:{tzid}", lines);
        Assert.Contains($"TZOFFSETTO:{icsOffset}", lines);
        Assert.Contains($"UID:{id:D}@kerjasama", lines);
        var start = lines.Single(l => l.StartsWith("DTSTART;", StringComparison.Ordinal));
        Assert.Equal($"DTSTART;TZID={tzid}:20300310T090000", start);
        Assert.Equal($"DTEND;TZID={tzid}:20300310T113000", lines.Single(l => l.StartsWith("DTEND;", StringComparison.Ordinal)));
        // The local time plus the zone's offset is the instant the meeting starts.
        var local = DateTime.ParseExact(start[(start.IndexOf(':', StringComparison.Ordinal) + 1)..], "yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);
        var instant = new DateTimeOffset(local, TimeSpan.ParseExact(icsOffset[1..], "hhmm", CultureInfo.InvariantCulture));
        Assert.Equal(meeting.GetProperty("startsAt").GetDateTimeOffset(), instant);
        Assert.Contains(@"SUMMARY:Rapat\; pemetaan\, lintas batas", lines.Single(l => l.StartsWith("SUMMARY:", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("ATTENDEE;CN=\"" + invitee.Caller.DisplayName + "\"", StringComparison.Ordinal));
        Assert.All(ics.Split("\r\n"), l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, l));
    }

    [Theory]
    [InlineData("WIB", "+07:00", "Asia/Jakarta", 7)]
    [InlineData("WITA", "+08:00", "Asia/Makassar", 8)]
    [InlineData("WIT", "+09:00", "Asia/Jayapura", 9)]
    public async Task The_invitation_ics_parses_with_Ical_Net_and_carries_the_zone_and_its_utc_offset(string zone, string offset, string tzid, int hours)
    {
        var s = await MeetingScenario.StartAsync(platform);
        await s.MemberOfAsync(s.Partner, "Undangan Ical " + MeetingScenario.Short(), KerjaSama.Modularity.Security.PlatformRoles.PartnerContributor);
        var body = MeetingScenario.Meeting("Rapat koordinasi Kalimantan Tengah – Papua " + MeetingScenario.Short(), s.Partner.Id);
        body["timeZone"] = zone;
        body["startsAt"] = $"2030-07-01T08:30:00{offset}";
        body["endsAt"] = $"2030-07-01T10:00:00{offset}";
        var id = (await s.CreateMeetingAsync(body)).GetProperty("id").GetGuid();
        using var admin = s.Admin();
        await (await admin.PostAsync($"/api/meetings/{id}/invitations", null)).ReadAsync<JsonElement>();
        var folder = platform.Services.GetRequiredService<MailOptions>().PickupDirectory;
        var ics = Directory.GetFiles(folder, "*.eml").Select(f => Calendar(MimeMessage.Load(f)))
            .First(c => c?.Contains($"UID:{id:D}@kerjasama", StringComparison.Ordinal) == true)!;

        var calendar = Ical.Net.Calendar.Load(ics)!;

        Assert.Equal("REQUEST", calendar.Method);
        var timeZone = Assert.Single(calendar.TimeZones);
        Assert.Equal(tzid, timeZone.TzId);
        var standard = Assert.Single(timeZone.TimeZoneInfos);
        Assert.Equal(TimeSpan.FromHours(hours), standard.OffsetTo!.Offset);
        Assert.Equal(zone, standard.TimeZoneName);
        var invitation = Assert.Single(calendar.Events);
        Assert.Equal($"{id:D}@kerjasama", invitation.Uid);
        Assert.Equal((string)body["title"]!, invitation.Summary);
        Assert.Equal(tzid, invitation.Start!.TzId);
        Assert.Equal(new DateTime(2030, 7, 1, 8, 30, 0), invitation.Start.Value);
        // The instant: 08:30 local is 08:30 minus the zone's offset in UTC.
        Assert.Equal(new DateTime(2030, 7, 1, 8, 30, 0, DateTimeKind.Utc).AddHours(-hours), invitation.Start.AsUtc);
        Assert.Equal(new DateTime(2030, 7, 1, 10, 0, 0, DateTimeKind.Utc).AddHours(-hours), invitation.End!.AsUtc);
        Assert.NotEmpty(invitation.Attendees);
    }

    private static string? Calendar(MimeMessage message) =>
        message.BodyParts.OfType<MimePart>().FirstOrDefault(p => p.ContentType.IsMimeType("text", "calendar")) is { } part
            ? ReadPart(part)
            : null;

    private static string ReadPart(MimePart part)
    {
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static List<string> Unfold(string ics)
    {
        var lines = new List<string>();
        foreach (var raw in ics.Split("\r\n"))
        {
            if (raw.Length == 0)
                continue;
            if (raw[0] is ' ' or '\t')
                lines[^1] += raw[1..];
            else
                lines.Add(raw);
        }

        return lines;
    }
}

[Collection(SharedHost.Sqlite)]
public sealed class InvitationMailTests_on_Sqlite(SqlitePlatformFixture p) : InvitationMailTests(p);

[Collection(SharedHost.PostgreSql)]
public sealed class InvitationMailTests_on_PostgreSql(PostgreSqlPlatformFixture p) : InvitationMailTests(p);
