using System.Net.Http.Json;
using System.Text.Json;
using KerjaSama.Modularity.Documents;
using KerjaSama.TestKit;
using Xunit;
using F = KerjaSama.Planning.Contracts.Live.MatrixFieldNames;

namespace KerjaSama.Planning.Tests.Consolidation;

// Issue 22 (Deliver 4): the documents a Biro Pemerintahan signs, in Indonesian with Indonesian dates.
public abstract partial class ExportImportTests
{
    private const string DecreeNumber = "100.3.3.3/123/2026";
    private const string Signatory = "Dr. Budi Santoso, M.Si.";
    private const string Nip = "19700101 199003 1 001";

    [Fact]
    public async Task The_adoption_records_the_decree_number_and_date_and_the_annex_prints_them_with_the_signatory_and_NIP()
    {
        var s = await MatrixScenario.StartAsync(platform);
        var health = await s.AddRowAsync(Planned("Rujukan pasien lintas batas", "1.02", "1.02.02", 100_000_000, 120_000_000));
        var tourism = await s.AddRowAsync(Planned("Wisata sungai Kahayan", "3.26", "3.26.02", 75_000_000, 80_000_000));
        foreach (var row in new[] { health, tourism })
        {
            await s.MoveAsync(row, "diverifikasi");
            await (await s.PostAsync($"rows/{row}/review", new { decision = "accept", priority = 1 })).ReadAsync<JsonElement>();
        }

        // Before adoption the heading has dotted lines for the number and the date.
        var before = WordText(await s.Admin.GetByteArrayAsync($"{s.Base}/exports/decree-annex.docx"));
        Assert.Contains("NOMOR", before, StringComparison.Ordinal);
        Assert.Contains(DocumentSigningDots, before, StringComparison.Ordinal);

        // Bad decree details are refused field by field, and nothing is adopted or recorded.
        var problem = await (await s.PostAsync("review/adopt", new { decreeNumber = "nomor tanpa angka", decreeDate = "2099-01-01" }))
            .AssertValidationProblemAsync("decreeNumber", "decreeDate");
        Assert.Equal("decree_number_format", problem.GetProperty("codes").GetProperty("decreeNumber")[0].GetString());
        Assert.Equal("decree_date_in_future", problem.GetProperty("codes").GetProperty("decreeDate")[0].GetString());
        await (await s.PostAsync("review/adopt", new { decreeNumber = DecreeNumber })).AssertValidationProblemAsync("decreeDate");
        await (await s.PostAsync("review/adopt", new { decreeNumber = DecreeNumber, decreeDate = "3 Desember 2026" })).AssertValidationProblemAsync("decreeDate");
        Assert.Equal("dibahas_tkksd", await s.StatusAsync(health));
        var unchanged = await (await s.Admin.GetAsync($"{s.Base}/documents/settings")).ReadAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, unchanged.GetProperty("decreeNumber").ValueKind);

        var adopted = await (await s.PostAsync("review/adopt", new { decreeNumber = DecreeNumber, decreeDate = "2026-12-03" })).ReadAsync<JsonElement>();
        Assert.Equal(2, adopted.GetProperty("adopted").GetInt32());
        Assert.Equal("ditetapkan", await s.StatusAsync(health));

        // The signatory: a NIP is 18 digits; a bad one changes nothing.
        var settings = new
        {
            decreeNumber = DecreeNumber, decreeDate = "2026-12-03", place = "Palangka Raya", signatoryName = Signatory, signatoryNip = "1970",
        };
        await (await s.Admin.PutAsJsonAsync($"{s.Base}/documents/settings", settings, HttpAssertions.Json)).AssertValidationProblemAsync("signatoryNip");
        Assert.Equal(JsonValueKind.Null, (await (await s.Admin.GetAsync($"{s.Base}/documents/settings")).ReadAsync<JsonElement>())
            .GetProperty("signatoryName").ValueKind);
        var saved = await (await s.Admin.PutAsJsonAsync($"{s.Base}/documents/settings", settings with { signatoryNip = Nip }, HttpAssertions.Json))
            .ReadAsync<JsonElement>();
        Assert.Equal(DecreeNumber, saved.GetProperty("decreeNumber").GetString());
        Assert.Equal("GUBERNUR KALIMANTAN TENGAH", saved.GetProperty("effectiveTitle").GetString());
        // Observers and agencies read the settings; only the secretariat changes them.
        using (var agency = platform.ClientFor(s.Agency))
            Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await agency.PutAsJsonAsync($"{s.Base}/documents/settings", settings, HttpAssertions.Json)).StatusCode);

        var docx = await s.Admin.GetByteArrayAsync($"{s.Base}/exports/decree-annex.docx");
        var text = WordText(docx);
        foreach (var expected in new[]
                 {
                     "LAMPIRAN", "KEPUTUSAN GUBERNUR KALIMANTAN TENGAH", "NOMOR", DecreeNumber, "TANGGAL", "3 Desember 2026", "TENTANG",
                     "DAFTAR PROGRAM DAN KEGIATAN KERJA SAMA DAERAH PROVINSI KALIMANTAN TENGAH TAHUN 2025–2029", "Urusan 1.02", "Urusan 3.26",
                     "Jumlah", "JUMLAH SELURUHNYA", "100.000.000", "Ditetapkan di Palangka Raya", "pada tanggal 3 Desember 2026", "GUBERNUR KALIMANTAN TENGAH,",
                     Signatory, "NIP. " + Nip, "Halaman ",
                 })
        {
            Assert.Contains(expected, text + FooterText(docx), StringComparison.Ordinal);
        }

        Assert.DoesNotContain(DocumentSigningDots, text, StringComparison.Ordinal);
        await RenderAsync(docx, "decree-annex-signed");

        // The next exercise of the region starts with the same signatory.
        var next = await MatrixScenario.StartAsync(platform);
        var inherited = await (await next.Admin.GetAsync($"{next.Base}/documents/settings")).ReadAsync<JsonElement>();
        Assert.True(inherited.GetProperty("signatoryFromRegion").GetBoolean());
        Assert.Equal(JsonValueKind.Null, inherited.GetProperty("decreeNumber").ValueKind);
        Assert.Contains(Signatory, WordText(await next.Admin.GetByteArrayAsync($"{next.Base}/exports/decree-annex.docx")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_yearly_report_to_the_Ministry_lists_each_adopted_cooperation_with_its_type_and_a_summary_per_type()
    {
        var s = await MatrixScenario.StartAsync(platform);
        var ksdd = await s.AddRowAsync(Planned("Rujukan pasien lintas batas", "1.02", "1.02.02", 100_000_000, 120_000_000));
        var thirdParty = Planned("Pengelolaan sampah dengan BUMD", "2.11", "2.11.02", 40_000_000, 45_000_000);
        thirdParty[F.CooperationType] = "KSDPK";
        thirdParty[F.PartnerRegionCodes] = Array.Empty<string>();
        var ksdpk = await s.AddRowAsync(thirdParty);
        var later = Planned("Belum ditetapkan", "1.02", "1.02.02", 999_000_000, 999_000_000);
        await s.AddRowAsync(later);
        foreach (var row in new[] { ksdd, ksdpk })
            await s.MoveAsync(row, "diverifikasi", "dibahas_tkksd", "ditetapkan");

        var docx = await s.Admin.GetByteArrayAsync($"{s.Base}/exports/ministry-report.docx?year=2026");
        var text = WordText(docx);
        var today = DateOnly.FromDateTime(platform.HostClock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);
        foreach (var expected in new[]
                 {
                     "LAPORAN PENYELENGGARAAN KERJA SAMA DAERAH", "PROVINSI KALIMANTAN TENGAH", "TAHUN 2026", "Menteri Dalam Negeri Republik Indonesia",
                     "A. Rekapitulasi per Jenis Kerja Sama", "Kerja Sama Daerah dengan Daerah Lain (KSDD)", "Kerja Sama Daerah dengan Pihak Ketiga (KSDPK)",
                     "B. Daftar Kerja Sama Daerah", "Jenis Kerja Sama", "KSDD (sukarela)", "KSDPK", "Rujukan pasien lintas batas",
                     "Pengelolaan sampah dengan BUMD", "Pagu Indikatif 2026 (Rp)", "140.000.000", "2026–2028 (3 tahun)",
                     $"Palangka Raya, {IndonesianDates.Format(today)}", "GUBERNUR KALIMANTAN TENGAH,",
                 })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Belum ditetapkan", text, StringComparison.Ordinal);
        await RenderAsync(docx, "ministry-report");

        // A year outside the period is a validation error on its field.
        await (await s.Admin.GetAsync($"{s.Base}/exports/ministry-report.docx?year=2031")).AssertValidationProblemAsync("year");
        // The page offers it.
        using var page = Exercises.PageForms.Client(platform, s.Secretariat);
        var html = await page.GetStringAsync($"/planning/exercises/{s.ExerciseId}/annex");
        Assert.Contains($"/api/planning/exercises/{s.ExerciseId}/exports/ministry-report.docx", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"document-settings\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_RPJMD_and_RKPD_tables_print_with_Bapperidas_column_headings_per_affair_with_totals()
    {
        var s = await MatrixScenario.StartAsync(platform);
        await s.AddRowAsync(Planned("Rujukan pasien lintas batas", "1.02", "1.02.02", 100_000_000, 120_000_000));
        var river = Planned("Wisata sungai Kahayan", "3.26", "3.26.02", 75_000_000, 80_000_000);
        river[F.Location] = "Bantaran Sungai Kahayan, Kota Palangka Raya";
        await s.AddRowAsync(river);

        var rpjmd = await s.Admin.GetByteArrayAsync($"{s.Base}/exports/rpjmd.docx");
        var text = WordText(rpjmd);
        foreach (var expected in new[]
                 {
                     "TABEL RENCANA PROGRAM DAN KEGIATAN KERJA SAMA DAERAH DALAM RPJMD", "PROVINSI KALIMANTAN TENGAH TAHUN 2025–2029",
                     "Program/Kegiatan/Sub Kegiatan", "Indikator Kinerja", "Target 2025", "Pagu Indikatif 2029 (Rp)", "Lokasi", "Perangkat Daerah Penanggung Jawab",
                     "Urusan 1.02 Kesehatan", "Urusan 3.26 Pariwisata", "Jumlah layanan", "100.000.000", "JUMLAH SELURUHNYA", "175.000.000", "200.000.000",
                     // The row without a lokasi is located in the region and its partner region; the other one by its own.
                     "Kalimantan Tengah; Kalimantan Selatan", "Bantaran Sungai Kahayan, Kota Palangka Raya",
                 })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("budget_2026", text, StringComparison.Ordinal);
        await RenderAsync(rpjmd, "rpjmd-table");
        var rkpd = WordText(await s.Admin.GetByteArrayAsync($"{s.Base}/exports/rkpd.docx?year=2027"));
        Assert.Contains("DALAM RKPD", rkpd, StringComparison.Ordinal);
        Assert.Contains("Pagu Indikatif 2027 (Rp)", rkpd, StringComparison.Ordinal);
        Assert.DoesNotContain("Pagu Indikatif 2026 (Rp)", rkpd, StringComparison.Ordinal);
        Assert.Contains("120.000.000", rkpd, StringComparison.Ordinal);
        await (await s.Admin.GetAsync($"{s.Base}/exports/rkpd.docx?year=2031")).AssertValidationProblemAsync("year");
    }

    private static readonly string DocumentSigningDots = new('.', 40);

    private static string FooterText(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(stream, false);
        return string.Join("\n", doc.MainDocumentPart!.FooterParts.SelectMany(f => f.Footer!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Text>()).Select(t => t.Text));
    }

    /// <summary>The document as LibreOffice prints it, page 1 as a PNG in build/.work/artifacts for a person to look at.</summary>
    private async Task RenderAsync(byte[] docx, string name)
    {
        var work = Office.NewWorkDirectory();
        try
        {
            var file = Path.Combine(work, name + ".docx");
            await File.WriteAllBytesAsync(file, docx);
            var pdf = await Office.ConvertAsync(file, "pdf");
            var png = Path.Combine(Office.ArtifactsDirectory, $"{name}-{platform.Provider.ToLowerInvariant()}-page1.png");
            File.Delete(png);
            File.Copy(pdf, Path.ChangeExtension(png, ".pdf"), overwrite: true);
            await Office.RenderFirstPageAsync(pdf, png);
            Assert.True(new FileInfo(png).Length > 4 * 1024, $"{png} is only {new FileInfo(png).Length} bytes");
            output.WriteLine($"{name}: {png}");
        }
        finally
        {
            Office.TryDelete(work);
        }
    }
}
