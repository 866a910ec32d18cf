using Xunit;

namespace KerjaSama.Planning.Tests.Consolidation;

// Issue 20: exports in the reader's language; the decree annex, a legal document, stays Indonesian.
public abstract partial class ExportImportTests
{
    [Fact]
    public async Task The_RPJMD_table_is_exported_in_the_readers_language_and_the_decree_annex_stays_Indonesian()
    {
        var s = await MatrixScenario.StartAsync(platform);
        await s.AddRowAsync(Planned("Rujukan pasien lintas batas", "1.02", "1.02.02", 100_000_000, 120_000_000));

        var indonesian = WordText(await s.Admin.GetByteArrayAsync($"{s.Base}/exports/rpjmd.docx"));
        Assert.Contains("TABEL RENCANA PROGRAM DAN KEGIATAN KERJA SAMA DAERAH DALAM RPJMD", indonesian, StringComparison.Ordinal);
        Assert.Contains("JUMLAH SELURUHNYA", indonesian, StringComparison.Ordinal);
        Assert.DoesNotContain("GRAND TOTAL", indonesian, StringComparison.Ordinal);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"{s.Base}/exports/rpjmd.docx");
        request.Headers.AcceptLanguage.ParseAdd("en");
        var english = WordText(await (await s.Admin.SendAsync(request)).Content.ReadAsByteArrayAsync());
        foreach (var expected in new[]
                 {
                     "TABLE OF REGIONAL COOPERATION PROGRAMMES AND ACTIVITIES IN THE RPJMD", "Programme/Activity/Sub-activity", "Performance indicator",
                     "Target for 2025", "Indicative budget 2029 (Rp)", "Responsible agency", "GRAND TOTAL", "100.000.000",
                 })
        {
            Assert.Contains(expected, english, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("TABEL RENCANA", english, StringComparison.Ordinal);
        Assert.Contains("GRAND TOTAL", WordText(await s.Admin.GetByteArrayAsync($"{s.Base}/exports/rpjmd.docx?culture=en")), StringComparison.Ordinal);

        var annex = WordText(await s.Admin.GetByteArrayAsync($"{s.Base}/exports/decree-annex.docx?culture=en"));
        Assert.Contains("LAMPIRAN", annex, StringComparison.Ordinal);
        Assert.DoesNotContain("ANNEX", annex, StringComparison.OrdinalIgnoreCase);
    }
}
