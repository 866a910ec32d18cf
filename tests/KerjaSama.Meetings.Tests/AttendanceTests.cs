using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using KerjaSama.Planning.Contracts.Live;
using KerjaSama.TestKit;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit;
using F = KerjaSama.Planning.Contracts.Live.MatrixFieldNames;

namespace KerjaSama.Meetings.Tests;

public abstract partial class AttendanceTests(PlatformFixture platform)
{
    [Fact]
    public async Task Attendance_comes_from_presence_in_the_real_hub_merged_per_person_across_connections_rejoins_and_sessions()
    {
        var s = await MeetingScenario.StartAsync(platform);
        var exerciseId = await s.CreateExerciseAsync();
        var body = MeetingScenario.Meeting("Rapat pemetaan " + MeetingScenario.Short(), s.AgencyA.Id, s.AgencyB.Id);
        body["exerciseId"] = exerciseId;
        var meetingId = (await s.CreateMeetingAsync(body)).GetProperty("id").GetGuid();
        var alice = await s.MemberOfAsync(s.AgencyA, "Alia");
        var budi = await s.MemberOfAsync(s.AgencyB, "Budi");
        using var admin = s.Admin();

        // The facilitator opens the live session from the meeting; the meeting's invitees may then join it.
        var first = await (await admin.PostAsync($"/api/meetings/{meetingId}/session/open", null)).ReadAsync<JsonElement>();
        var session1 = first.GetProperty("sessionId").GetGuid();
        Assert.Equal(exerciseId, first.GetProperty("exerciseId").GetGuid());

        await using var aliceTab1 = await JoinAsync(alice, session1);
        var rowId = Guid.NewGuid();
        var ack = await aliceTab1.InvokeAsync<Ack>("Submit", new SubmitOp
        {
            SessionId = session1, OpId = Guid.NewGuid(), Kind = OpKinds.Add, RowId = rowId, BaseSeq = 0,
            Fields = new() { [F.AffairCode] = "1.02", [F.Potential] = "Rujukan pasien", [F.CooperationType] = "KSDD-sukarela" },
        });
        Assert.Equal(AckOutcomes.Applied, ack.Outcome);
        await using (var aliceTab2 = await JoinAsync(alice, session1))
        {
            // A second tab of the same person overlaps the first: counted once.
            await aliceTab2.InvokeAsync("Leave", session1);
        }

        await aliceTab1.InvokeAsync("Leave", session1);
        platform.HostClock.Advance(TimeSpan.FromSeconds(1)); // a visible gap before the rejoin, without waiting for it
        await aliceTab1.InvokeAsync<JoinResult>("Join", session1, 0L);
        await using var budiConnection = await JoinAsync(budi, session1);

        (await admin.PostAsync($"/api/meetings/{meetingId}/session/close", null)).EnsureSuccessStatusCode();

        // A second live session of the same meeting: Alia joins again and her connection drops.
        var session2 = (await (await admin.PostAsync($"/api/meetings/{meetingId}/session/open", null)).ReadAsync<JsonElement>())
            .GetProperty("sessionId").GetGuid();
        Assert.NotEqual(session1, session2);
        var aliceLater = await JoinAsync(alice, session2);
        await aliceLater.DisposeAsync();
        var attendance = await WaitForAsync(admin, meetingId, rows => rows.Any(r => r.Person == alice.Caller.UserId && r.Periods.Count == 4
            && r.Periods.All(p => p.Left is not null)));

        var a = attendance.Single(r => r.Person == alice.Caller.UserId);
        Assert.Equal(s.AgencyA.Id, a.Organisation);
        Assert.Equal(4, a.Periods.Count);
        Assert.Equal(a.Periods.Min(p => p.Joined), a.FirstJoin);
        Assert.Equal(a.Periods.Max(p => p.Left), a.LastLeave);
        var union = UnionSeconds(a.Periods);
        // The server rounds to milliseconds: rounding both to two decimals failed when they straddled a boundary (0.41497 / 0.415).
        Assert.Equal(union, a.TotalSeconds, tolerance: 0.001);
        Assert.True(a.TotalSeconds < (a.LastLeave!.Value - a.FirstJoin!.Value).TotalSeconds - 0.25, "the gaps are not counted");
        Assert.True(a.TotalSeconds < a.Periods.Sum(p => (p.Left!.Value - p.Joined).TotalSeconds), "the overlapping tab is counted once");

        var b = attendance.Single(r => r.Person == budi.Caller.UserId);
        Assert.Equal(s.AgencyB.Id, b.Organisation);
        Assert.Single(b.Periods);
        Assert.NotNull(b.LastLeave); // closing the session ended Budi's presence although his connection stayed

        var summary = await (await admin.GetAsync($"/api/meetings/{meetingId}/summary")).ReadAsync<JsonElement>();
        var perOrg = summary.GetProperty("rowsPerOrganisation").EnumerateArray().Single();
        Assert.Equal(s.AgencyA.Id, perOrg.GetProperty("organisationId").GetGuid());
        Assert.Equal(1, perOrg.GetProperty("rows").GetInt32());
        Assert.Equal("1.02", summary.GetProperty("rowsPerAffair").EnumerateArray().Single().GetProperty("affairCode").GetString());
        Assert.Equal(2, summary.GetProperty("sessions").GetArrayLength());

        // The export carries the title and every attendee.
        var docx = await admin.GetAsync($"/api/meetings/{meetingId}/minutes.docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        var text = DocumentText(await docx.Content.ReadAsByteArrayAsync());
        Assert.Contains((string)body["title"]!, text, StringComparison.Ordinal);
        Assert.Contains(alice.Caller.DisplayName, text, StringComparison.Ordinal);
        Assert.Contains(budi.Caller.DisplayName, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Tidak ada kehadiran yang tercatat", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attendance_is_corrected_by_hand_and_someone_who_came_without_the_session_can_be_added()
    {
        var s = await MeetingScenario.StartAsync(platform);
        var meetingId = (await s.CreateMeetingAsync(MeetingScenario.Meeting("Rapat " + MeetingScenario.Short(), s.AgencyA.Id))).GetProperty("id").GetGuid();
        using var admin = s.Admin();
        var person = Guid.NewGuid();
        await (await admin.PutAsJsonAsync($"/api/meetings/{meetingId}/attendance/{person}", new { present = true }, HttpAssertions.Json))
            .AssertValidationProblemAsync("DisplayName", "OrganisationId");
        await (await admin.PutAsJsonAsync($"/api/meetings/{meetingId}/attendance/{person}", new
        {
            displayName = "Ibu Sari", organisationId = s.AgencyA.Id, firstJoinAt = "2030-03-10T10:00:00+08:00", lastLeaveAt = "2030-03-10T09:00:00+08:00",
        }, HttpAssertions.Json)).AssertValidationProblemAsync("LastLeaveAt");
        Assert.Equal(0, (await (await admin.GetAsync($"/api/meetings/{meetingId}/attendance")).ReadAsync<JsonElement>()).GetArrayLength());

        var rows = await (await admin.PutAsJsonAsync($"/api/meetings/{meetingId}/attendance/{person}", new
        {
            displayName = "Ibu Sari", organisationId = s.AgencyA.Id, firstJoinAt = "2030-03-10T09:05:00+08:00", lastLeaveAt = "2030-03-10T11:00:00+08:00",
            totalMinutes = 100, note = "Hadir di ruang rapat",
        }, HttpAssertions.Json)).ReadAsync<JsonElement>();
        var row = Assert.Single(rows.EnumerateArray());
        Assert.Equal("Ibu Sari", row.GetProperty("displayName").GetString());
        Assert.True(row.GetProperty("corrected").GetBoolean());
        Assert.Equal(6000, row.GetProperty("totalSeconds").GetDouble());
    }

    [Fact]
    public async Task A_meeting_without_attendance_exports_a_document_that_says_so()
    {
        var s = await MeetingScenario.StartAsync(platform);
        var title = "Rapat tanpa peserta " + MeetingScenario.Short();
        var meetingId = (await s.CreateMeetingAsync(MeetingScenario.Meeting(title, s.AgencyA.Id))).GetProperty("id").GetGuid();
        using var admin = s.Admin();
        var response = await admin.GetAsync($"/api/meetings/{meetingId}/minutes.docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        var text = DocumentText(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains(title, text, StringComparison.Ordinal);
        Assert.Contains("Tidak ada kehadiran yang tercatat", text, StringComparison.Ordinal);
    }

    private async Task<HubConnection> JoinAsync(TestUser user, Guid sessionId)
    {
        var connection = platform.HubFor(user);
        await connection.StartAsync();
        await connection.InvokeAsync<JoinResult>("Join", sessionId, 0L);
        return connection;
    }

    internal sealed record Period(DateTimeOffset Joined, DateTimeOffset? Left);

    internal sealed record Row(Guid Person, Guid Organisation, DateTimeOffset? FirstJoin, DateTimeOffset? LastLeave, double TotalSeconds, List<Period> Periods);

    private static async Task<List<Row>> WaitForAsync(HttpClient admin, Guid meetingId, Func<List<Row>, bool> done)
    {
        var (rows, _) = await Eventually.ValueAsync(async () =>
        {
            var json = await (await admin.GetAsync($"/api/meetings/{meetingId}/attendance")).ReadAsync<JsonElement>();
            return (Rows: json.EnumerateArray().Select(r => new Row(r.GetProperty("personId").GetGuid(), r.GetProperty("organisationId").GetGuid(),
                r.GetProperty("firstJoinAt").Deserialize<DateTimeOffset?>(), r.GetProperty("lastLeaveAt").Deserialize<DateTimeOffset?>(),
                r.GetProperty("totalSeconds").GetDouble(),
                [.. r.GetProperty("periods").EnumerateArray().Select(p => new Period(p.GetProperty("joinedAt").GetDateTimeOffset(),
                    p.GetProperty("leftAt").Deserialize<DateTimeOffset?>()))])).ToList(), Json: json.GetRawText());
        }, seen => done(seen.Rows), "the expected attendance");
        return rows;
    }

    private static double UnionSeconds(List<Period> periods)
    {
        var total = 0.0;
        DateTimeOffset? start = null, end = null;
        foreach (var p in periods.OrderBy(p => p.Joined))
        {
            if (start is null || p.Joined > end)
            {
                total += start is null ? 0 : (end!.Value - start.Value).TotalSeconds;
                (start, end) = (p.Joined, p.Left);
            }
            else if (p.Left > end)
            {
                end = p.Left;
            }
        }

        return total + (start is null ? 0 : (end!.Value - start.Value).TotalSeconds);
    }

    internal static string DocumentText(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var doc = WordprocessingDocument.Open(stream, false);
        return string.Join("\n", doc.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Text>().Select(t => t.Text));
    }
}

public sealed class AttendanceTests_on_Sqlite(SqlitePlatformFixture p) : AttendanceTests(p), IClassFixture<SqlitePlatformFixture>;

public sealed class AttendanceTests_on_PostgreSql(PostgreSqlPlatformFixture p) : AttendanceTests(p), IClassFixture<PostgreSqlPlatformFixture>;
