using System.Net.Http.Json;
using System.Text.Json;
using KerjaSama.Planning.Contracts.Live;
using KerjaSama.TestKit;
using Xunit;
using F = KerjaSama.Planning.Contracts.Live.MatrixFieldNames;

namespace KerjaSama.Meetings.Tests;

// Issue 22 (Deliver 4): the Berita Acara of the mapping meeting as Indonesian minutes are written, with the rows the
// Planning consolidation keeps per affair (read through Planning.Contracts).
public abstract partial class AttendanceTests
{
    [Fact]
    public async Task The_berita_acara_opens_with_the_date_in_words_and_lists_agenda_attendance_agreed_rows_per_affair_and_signatories()
    {
        var s = await MeetingScenario.StartAsync(platform);
        var exerciseId = await s.CreateExerciseAsync();
        var title = "Rapat Pemetaan Kerja Sama " + MeetingScenario.Short();
        var body = MeetingScenario.Meeting(title, s.AgencyA.Id, s.AgencyB.Id);
        // Thursday 3 December 2026, 09.00 WIB, in Palangka Raya.
        body["startsAt"] = "2026-12-03T09:00:00+07:00";
        body["endsAt"] = "2026-12-03T12:00:00+07:00";
        body["timeZone"] = "WIB";
        body["place"] = "Aula Jayang Tingang, Palangka Raya";
        body["exerciseId"] = exerciseId;
        var meetingId = (await s.CreateMeetingAsync(body)).GetProperty("id").GetGuid();
        using var admin = s.Admin();
        foreach (var (person, organisation) in new[] { ("Ibu Sari Rahayu", s.AgencyA.Id), ("Bapak Yohanes Dangin", s.AgencyB.Id) })
        {
            await (await admin.PutAsJsonAsync($"/api/meetings/{meetingId}/attendance/{Guid.NewGuid()}", new
            {
                present = true, displayName = person, organisationId = organisation, firstJoinAt = "2026-12-03T09:05:00+07:00",
                lastLeaveAt = "2026-12-03T11:55:00+07:00", totalMinutes = 170,
            }, HttpAssertions.Json)).ReadAsync<JsonElement>();
        }

        var agreed = await AddRowAsync(admin, exerciseId, "1.02", "Rujukan pasien lintas batas");
        await AddRowAsync(admin, exerciseId, "3.26", "Wisata sungai Kahayan");
        var rejected = await AddRowAsync(admin, exerciseId, "1.02", "Usulan yang ditolak");
        await (await admin.PostJsonAsync($"/api/planning/exercises/{exerciseId}/rows/{rejected}/status", new { status = "ditolak", reason = "Bukan urusan provinsi" }))
            .ReadAsync<JsonElement>();
        await (await admin.PostJsonAsync($"/api/meetings/{meetingId}/decisions", new { text = "Urusan kesehatan diprioritaskan." }))
            .ReadAsync<JsonElement>(System.Net.HttpStatusCode.Created);

        var docx = await admin.GetByteArrayAsync($"/api/meetings/{meetingId}/berita-acara.docx");
        var text = DocumentText(docx);
        foreach (var expected in new[]
                 {
                     "BERITA ACARA", title.ToUpperInvariant(),
                     "Pada hari ini Kamis tanggal tiga bulan Desember tahun dua ribu dua puluh enam (03-12-2026), pukul 09.00 WIB sampai dengan selesai, "
                     + "bertempat di Aula Jayang Tingang, Palangka Raya, telah dilaksanakan " + title + " yang dihadiri oleh dua (2) orang dari 2 organisasi",
                     "A. Agenda", "2. Pemetaan potensi kerja sama per urusan", "B. Kehadiran", s.AgencyA.Name, s.AgencyB.Name, "Ibu Sari Rahayu", "Bapak Yohanes Dangin",
                     "C. Hasil Pemetaan per Urusan Pemerintahan", "Jumlah baris yang disepakati: 2.", "Urusan 1.02 Kesehatan (1 baris)", "Rujukan pasien lintas batas",
                     "Urusan 3.26 Pariwisata (1 baris)", "Wisata sungai Kahayan", "KSDD (sukarela)", "Kalimantan Selatan", "D. Kesepakatan",
                     "Urusan kesehatan diprioritaskan.", "Palangka Raya, 3 Desember 2026", "Pimpinan Rapat,", "Wakil " + s.AgencyA.Name + ",",
                 })
        {
            Assert.True(text.Contains(expected, StringComparison.Ordinal), $"'{expected}' is not in the berita acara:\n{text}");
        }

        Assert.DoesNotContain("Usulan yang ditolak", text, StringComparison.Ordinal);
        Assert.NotEqual(Guid.Empty, agreed);
        var png = await BackgroundJobClient.RenderFirstPageAsync(await ToPdfAsync(docx), $"berita-acara-{platform.Provider.ToLowerInvariant()}-page1");
        Assert.True(new FileInfo(png).Length > 4 * 1024, "the rendered page has content");
    }

    private static async Task<Guid> AddRowAsync(HttpClient admin, Guid exerciseId, string affair, string potential)
    {
        var rowId = Guid.NewGuid();
        var fields = new Dictionary<string, object?>
        {
            [F.AffairCode] = affair, [F.Potential] = potential, [F.CooperationType] = "KSDD-sukarela", [F.PartnerRegionCodes] = new[] { "63" },
        };
        var ack = await (await admin.PostJsonAsync($"/api/planning/exercises/{exerciseId}/ops",
            new { sessionId = Guid.Empty, opId = Guid.NewGuid(), kind = OpKinds.Add, rowId, fields, baseSeq = 0 })).ReadAsync<JsonElement>();
        Assert.Equal("applied", ack.GetProperty("outcome").GetString());
        return rowId;
    }

    private static async Task<byte[]> ToPdfAsync(byte[] docx)
    {
        var work = Office.NewWorkDirectory();
        try
        {
            var file = Path.Combine(work, "berita-acara.docx");
            await File.WriteAllBytesAsync(file, docx);
            return await File.ReadAllBytesAsync(await Office.ConvertAsync(file, "pdf"));
        }
        finally
        {
            Office.TryDelete(work);
        }
    }
}
