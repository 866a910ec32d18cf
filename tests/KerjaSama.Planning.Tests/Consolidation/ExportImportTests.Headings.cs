using System.Text.Json;
using KerjaSama.Modularity.Spreadsheets;
using KerjaSama.TestKit;
using Xunit;

namespace KerjaSama.Planning.Tests.Consolidation;

// Issue 20: the RPJMD/RKPD workbook's headings come from the catalogue (export.matrix.*) in the reader's language, and the
// import reads the headings of both languages back (any case, spaces trimmed).
public abstract partial class ExportImportTests
{
    private const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Fact]
    public async Task The_matrix_workbook_has_Indonesian_or_English_headings_and_either_imports_back_while_an_unknown_heading_is_refused()
    {
        var s = await MatrixScenario.StartAsync(platform);
        await s.AddRowAsync(Planned("Rujukan kesehatan lintas batas", "1.02", "1.02.02", 100_000_000, 120_000_000));
        await s.AddRowAsync(Planned("Wisata sungai", "3.26", "3.26.02", 75_000_000, 80_000_000));

        var indonesian = await s.Admin.GetByteArrayAsync($"{s.Base}/exports/rpjmd.xlsx");
        var english = await s.Admin.GetByteArrayAsync($"{s.Base}/exports/rpjmd.xlsx?culture=en");
        var idHeader = Xlsx.Read(indonesian)[0];
        var enHeader = Xlsx.Read(english)[0];
        Assert.Equal(idHeader.Count, enHeader.Count);
        foreach (var heading in new[] { "Kode Urusan", "Potensi Kerja Sama", "Pagu Indikatif 2026 (Rp)", "Perangkat Daerah Penanggung Jawab" })
            Assert.Contains(heading, idHeader);
        foreach (var heading in new[] { "Affair code", "Cooperation potential", "Indicative budget 2026 (Rp)", "Responsible agency" })
            Assert.Contains(heading, enHeader);
        Assert.DoesNotContain("Kode Urusan", enHeader);

        // Each language's workbook imports into a fresh exercise with the same rows and values.
        foreach (var workbook in new[] { indonesian, english })
        {
            var target = await MatrixScenario.StartAsync(platform);
            var imported = await (await target.ImportAsync(workbook, "rpjmd.xlsx", XlsxContentType)).ReadAsync<JsonElement>();
            Assert.Equal(2, imported.GetProperty("imported").GetInt32());
            var back = Xlsx.Read(await target.Admin.GetByteArrayAsync($"{target.Base}/exports/rpjmd.xlsx"));
            Assert.Equal(Column(Xlsx.Read(indonesian), "Pagu Indikatif 2026 (Rp)"), Column(back, "Pagu Indikatif 2026 (Rp)"));
            Assert.Equal(Column(Xlsx.Read(indonesian), "Potensi Kerja Sama"), Column(back, "Potensi Kerja Sama"));
        }

        // Headings typed by hand: another case and stray spaces still name their columns.
        var typed = Xlsx.Read(english);
        typed[0][typed[0].IndexOf("Affair code")] = "  AFFAIR   CODE ";
        typed[0][typed[0].IndexOf("Cooperation potential")] = "potensi kerja sama"; // and the other language's, in lower case
        var retyped = await MatrixScenario.StartAsync(platform);
        var fromTyped = await (await retyped.ImportAsync(await WriteAsync(typed), "rpjmd.xlsx", XlsxContentType)).ReadAsync<JsonElement>();
        Assert.Equal(2, fromTyped.GetProperty("imported").GetInt32());

        // A heading of neither language is refused with a problem naming it; nothing is stored.
        var unknown = Xlsx.Read(english);
        unknown[0][unknown[0].IndexOf("Notes")] = "Anggaran Rahasia";
        var refusedTarget = await MatrixScenario.StartAsync(platform);
        var problem = await (await refusedTarget.ImportAsync(await WriteAsync(unknown), "rpjmd.xlsx", XlsxContentType))
            .AssertValidationProblemAsync("row 1: anggaran rahasia");
        Assert.Equal("import_invalid", problem.GetProperty("code").GetString());
        Assert.Equal("unknown_column", problem.GetProperty("rows")[0].GetProperty("code").GetString());
        Assert.Equal(0, await refusedTarget.OpCountAsync());
        Assert.Empty((await (await refusedTarget.Admin.GetAsync($"{refusedTarget.Base}/rows")).ReadAsync<JsonElement>()).EnumerateArray());
    }

    [Fact]
    public async Task A_reader_who_chose_English_gets_an_English_plan_table_while_the_annex_and_the_ministry_report_stay_Indonesian()
    {
        var s = await MatrixScenario.StartAsync(platform);
        await s.AddRowAsync(Planned("Rujukan pasien lintas batas", "1.02", "1.02.02", 100_000_000, 120_000_000));

        // The reader's document: the region's name and the page footer follow the chosen language.
        var plan = await s.Admin.GetByteArrayAsync($"{s.Base}/exports/rpjmd.docx?culture=en");
        Assert.Contains("KALIMANTAN TENGAH PROVINCE", WordText(plan), StringComparison.Ordinal);
        Assert.StartsWith("Page ", FooterText(plan), StringComparison.Ordinal);
        Assert.StartsWith("Halaman ", FooterText(await s.Admin.GetByteArrayAsync($"{s.Base}/exports/rpjmd.docx")), StringComparison.Ordinal);

        // Official documents: Indonesian whatever the reader chose (their texts are the catalogue's, read in Indonesian).
        var annex = await s.Admin.GetByteArrayAsync($"{s.Base}/exports/decree-annex.docx?culture=en");
        foreach (var expected in new[]
                 {
                     "LAMPIRAN", "KEPUTUSAN GUBERNUR KALIMANTAN TENGAH", "NOMOR", "TENTANG", "DAFTAR PROGRAM DAN KEGIATAN KERJA SAMA DAERAH PROVINSI KALIMANTAN TENGAH TAHUN 2025–2029",
                     "Potensi / Objek Kerja Sama", "Pagu 2026 (Rp)", "JUMLAH SELURUHNYA", "Belum ada baris yang ditetapkan.", "Ditetapkan di Palangka Raya",
                 })
        {
            Assert.Contains(expected, WordText(annex), StringComparison.Ordinal);
        }

        Assert.StartsWith("Halaman ", FooterText(annex), StringComparison.Ordinal);
        var report = WordText(await s.Admin.GetByteArrayAsync($"{s.Base}/exports/ministry-report.docx?year=2026&culture=en"));
        foreach (var expected in new[]
                 {
                     "LAPORAN PENYELENGGARAAN KERJA SAMA DAERAH", "TAHUN 2026", "Kepada Yth.", "Berdasarkan Peraturan Pemerintah Nomor 28 Tahun 2018",
                     "A. Rekapitulasi per Jenis Kerja Sama", "Kerja Sama Daerah dengan Pihak Ketiga (KSDPK)", "Tidak ada kerja sama yang ditetapkan untuk tahun 2026.",
                 })
        {
            Assert.Contains(expected, report, StringComparison.Ordinal);
        }

        var workbook = Xlsx.Read(await s.Admin.GetByteArrayAsync($"{s.Base}/exports/decree-annex.xlsx?culture=en"));
        Assert.Equal("LAMPIRAN KEPUTUSAN GUBERNUR KALIMANTAN TENGAH", workbook[0][0]);
        Assert.Contains("Pagu Indikatif 2026 (Rp)", workbook[4]);
        Assert.DoesNotContain("Indicative budget 2026 (Rp)", workbook[4]);
    }

    private static List<string> Column(List<List<string>> sheet, string heading) =>
        [.. sheet.Skip(1).Select(r => r.ElementAtOrDefault(sheet[0].IndexOf(heading)) ?? "").Order(StringComparer.Ordinal)];

    private static Task<byte[]> WriteAsync(List<List<string>> lines)
    {
        var sheet = new XlsxSheet("RPJMD");
        foreach (var line in lines)
            sheet.AddRow([.. line.Select(c => new XlsxCell(c.Length == 0 ? null : c))]);
        return XlsxWriter.WriteAsync([sheet]);
    }
}
