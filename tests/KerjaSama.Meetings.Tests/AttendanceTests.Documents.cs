using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KerjaSama.TestKit;
using Xunit;

namespace KerjaSama.Meetings.Tests;

// Issue 18 (Deliver 2): the minutes and the berita acara as documents people sign, as PDF from a background job.
public abstract partial class AttendanceTests
{
    [Fact]
    public async Task The_minutes_and_the_berita_acara_become_PDFs_with_Indonesian_dates_signature_blocks_and_page_numbers()
    {
        var s = await MeetingScenario.StartAsync(platform);
        var title = "Rapat Pemetaan Kerja Sama " + MeetingScenario.Short();
        var meetingId = (await s.CreateMeetingAsync(MeetingScenario.Meeting(title, s.AgencyA.Id, s.Partner.Id))).GetProperty("id").GetGuid();
        using var admin = s.Admin();
        await (await admin.PutAsJsonAsync($"/api/meetings/{meetingId}/attendance/{Guid.NewGuid()}", new
        {
            present = true, displayName = "Ibu Sari Rahayu", organisationId = s.AgencyA.Id, firstJoinAt = "2030-03-10T09:05:00+08:00",
            lastLeaveAt = "2030-03-10T11:00:00+08:00", totalMinutes = 115,
        }, HttpAssertions.Json)).ReadAsync<JsonElement>();
        await (await admin.PutAsJsonAsync($"/api/meetings/{meetingId}/minutes", new { text = "Rapat dibuka oleh Kepala Biro.\nPeserta mengisi matriks per urusan.", version = 0 },
            HttpAssertions.Json)).ReadAsync<JsonElement>();
        await (await admin.PostJsonAsync($"/api/meetings/{meetingId}/decisions", new { text = "Urusan kesehatan diprioritaskan." })).ReadAsync<JsonElement>(HttpStatusCode.Created);

        var record = await admin.GetAsync($"/api/meetings/{meetingId}/berita-acara.docx");
        Assert.Equal(HttpStatusCode.OK, record.StatusCode);
        var recordText = DocumentText(await record.Content.ReadAsByteArrayAsync());
        Assert.Contains("BERITA ACARA", recordText, StringComparison.Ordinal);
        // 10 March 2030 (WITA) is a Sunday.
        Assert.Contains("Pada hari ini Minggu tanggal sepuluh bulan Maret tahun dua ribu tiga puluh (10-03-2030), pukul 09.00 WITA sampai dengan selesai, "
            + "bertempat di Aula Bappeda, Banjarmasin", recordText, StringComparison.Ordinal);
        Assert.Contains("Urusan kesehatan diprioritaskan.", recordText, StringComparison.Ordinal);
        Assert.Contains("Wakil " + s.AgencyA.Name + ",", recordText, StringComparison.Ordinal);
        Assert.Contains("( Ibu Sari Rahayu )", recordText, StringComparison.Ordinal);

        foreach (var (kind, heading) in new[] { ("notulen", "NOTULEN RAPAT"), ("berita-acara", "BERITA ACARA") })
        {
            var statuses = await BackgroundJobClient.FollowAsync(admin, await admin.PostAsync($"/api/meetings/{meetingId}/documents/{kind}/pdf", null));
            var done = statuses[^1];
            Assert.Equal("succeeded", done.GetProperty("state").GetString());
            var pdf = await admin.GetAsync(done.GetProperty("resultUrl").GetString());
            Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
            var bytes = await pdf.Content.ReadAsByteArrayAsync();
            Assert.Equal("%PDF", Encoding.ASCII.GetString(bytes, 0, 4));
            var text = await BackgroundJobClient.PdfTextAsync(bytes);
            Assert.Contains(heading, text, StringComparison.Ordinal);
            Assert.Contains("10 Maret 2030", text, StringComparison.Ordinal);
            Assert.Contains("Pimpinan Rapat,", text, StringComparison.Ordinal);
            Assert.Contains("Ibu Sari Rahayu", text, StringComparison.Ordinal);
            var pages = await BackgroundJobClient.PdfPagesAsync(bytes);
            Assert.Contains($"Halaman 1 dari {pages}", text, StringComparison.Ordinal);
            var png = await BackgroundJobClient.RenderFirstPageAsync(bytes, $"meeting-{kind}-{platform.GetType().Name}");
            Assert.True(new FileInfo(png).Length > 3_000, "the rendered page has content");
        }

        // An unknown document is a validation error on its field, and no job is started.
        var jobs = JsonDocument.Parse(await admin.GetStringAsync("/api/jobs")).RootElement.GetArrayLength();
        await (await admin.PostAsync($"/api/meetings/{meetingId}/documents/undangan/pdf", null)).AssertValidationProblemAsync("kind");
        Assert.Equal(jobs, JsonDocument.Parse(await admin.GetStringAsync("/api/jobs")).RootElement.GetArrayLength());
        // A member of an organisation that is not invited cannot have the meeting's documents made.
        using var outsider = s.Platform.ClientFor(await s.MemberOfAsync(s.Uninvited, "Orang luar"));
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsync($"/api/meetings/{meetingId}/documents/notulen/pdf", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/meetings/{meetingId}/berita-acara.docx")).StatusCode);
    }
}
