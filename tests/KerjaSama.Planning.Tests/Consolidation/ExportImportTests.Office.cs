using System.Text;
using System.Text.Json;
using KerjaSama.TestKit;
using Xunit;
using F = KerjaSama.Planning.Contracts.Live.MatrixFieldNames;

namespace KerjaSama.Planning.Tests.Consolidation;

// Issue 18: the formats as a person's office suite sees them (Debian's LibreOffice and poppler, installed by build/test.sh).
public abstract partial class ExportImportTests
{
    private static readonly string[] IndonesianPotentials =
    [
        "Layanan kesehatan ibu & anak, \"Posyandu Huma Betang\" — Kab. Pulang Pisau",
        "Pengelolaan sampah terpadu; bank sampah di Palangka Raya (±1.200 KK)",
        "Wisata budaya Dayak Ngaju: tiwah, manasai & karungut – Café Tjilik Riwut",
    ];

    [Fact]
    public async Task A_workbook_saved_by_LibreOffice_from_a_csv_imports_with_every_row_and_accent()
    {
        var s = await MatrixScenario.StartAsync(platform);
        var work = Office.NewWorkDirectory();
        try
        {
            var csv = new StringBuilder(Header).Append('\n');
            foreach (var potential in IndonesianPotentials)
                csv.Append("1.02,").Append('"').Append(potential.Replace("\"", "\"\"", StringComparison.Ordinal)).Append("\",KSDD-sukarela,63,1.02.02,2026,3,Jumlah,10,1500000,APBD,0\n");
            var source = Path.Combine(work, "matriks-libreoffice.csv");
            await File.WriteAllTextAsync(source, csv.ToString(), new UTF8Encoding(false));
            // Comma-separated, double quotes, UTF-8 (76), from line 1: as an analyst would open the file in Calc and save it as XLSX.
            var xlsx = await Office.ConvertAsync(source, "xlsx", "CSV:44,34,76,1");

            var imported = await (await s.ImportAsync(await File.ReadAllBytesAsync(xlsx), "matriks.xlsx", XlsxType)).ReadAsync<JsonElement>();

            Assert.Equal(IndonesianPotentials.Length, imported.GetProperty("imported").GetInt32());
            var rows = await (await s.Admin.GetAsync($"{s.Base}/rows")).ReadAsync<JsonElement>();
            var fields = rows.EnumerateArray().Select(r => r.GetProperty("fields")).ToList();
            Assert.Equal(IndonesianPotentials.Order(StringComparer.Ordinal), fields.Select(f => f.GetProperty(F.Potential).GetString()!).Order(StringComparer.Ordinal));
            Assert.All(fields, f =>
            {
                Assert.Equal("1.02", f.GetProperty(F.AffairCode).GetString());
                Assert.Equal(1_500_000, f.GetProperty(F.YearlyPlans)[0].GetProperty("budget").GetInt64());
            });
        }
        finally
        {
            Office.TryDelete(work);
        }
    }

    [Fact]
    public async Task The_decree_annex_and_the_RPJMD_and_RKPD_workbooks_open_in_LibreOffice_and_print_to_pdf()
    {
        var s = await MatrixScenario.StartAsync(platform);
        var ids = new List<Guid>
        {
            await s.AddRowAsync(Planned(IndonesianPotentials[0], "1.02", "1.02.02", 100_000_000, 120_000_000)),
            await s.AddRowAsync(Planned(IndonesianPotentials[2], "3.26", "3.26.02", 75_000_000, 80_000_000)),
        };
        foreach (var status in new[] { "diverifikasi", "dibahas_tkksd", "ditetapkan" })
            await (await s.PostAsync("rows/status", new { rowIds = ids, status, reason = "Langkah " + status })).ReadAsync<JsonElement>();

        var work = Office.NewWorkDirectory();
        try
        {
            foreach (var (name, path) in new[] { ("decree-annex", "decree-annex.xlsx"), ("rpjmd", "rpjmd.xlsx"), ("rkpd", "rkpd.xlsx?year=2026") })
            {
                var xlsx = Path.Combine(work, name + ".xlsx");
                await File.WriteAllBytesAsync(xlsx, await s.Admin.GetByteArrayAsync($"{s.Base}/exports/{path}"));

                var pdf = await Office.ConvertAsync(xlsx, "pdf");

                Assert.True(await Office.PageCountAsync(pdf) >= 1, $"{name}.pdf has no page");
                var png = Path.Combine(Office.ArtifactsDirectory, $"{name}-{platform.Provider.ToLowerInvariant()}-page1.png");
                File.Delete(png);
                File.Copy(pdf, Path.ChangeExtension(png, ".pdf"), overwrite: true);
                await Office.RenderFirstPageAsync(pdf, png);
                // A blank page at 60 dpi is a few hundred bytes; a page with the table and its text is several KiB.
                Assert.True(new FileInfo(png).Length > 4 * 1024, $"{png} is only {new FileInfo(png).Length} bytes");
                output.WriteLine($"{name}: {png}");
            }
        }
        finally
        {
            Office.TryDelete(work);
        }
    }

    [Fact]
    public async Task A_csv_export_with_quotes_commas_line_breaks_and_accents_imports_back_to_equal_rows()
    {
        var s = await MatrixScenario.StartAsync(platform);
        string[][] texts =
        [
            ["Kerja sama \"lintas batas\", tahap I", "Jalan poros Palangka Raya–Banjarmasin\nruas 2, km 12", "Akses pasar: ±30% lebih cepat; \"Huma Betang\""],
            ["Pelatihan tenaga kesehatan\r\ndi RSUD dr. Doris Sylvanus", "Naskah, \"MoU\", lampiran", "Café & homestay; wisata sungai Kahayan ñ é ü"],
        ];
        foreach (var (potential, obj, benefit) in texts.Select(t => (t[0], t[1], t[2])))
        {
            var fields = Planned(potential, "1.02", "1.02.02", 1_500_000, 2_000_000);
            fields[F.CooperationObject] = obj;
            fields[F.Benefit] = benefit;
            await s.AddRowAsync(fields);
        }

        var csv = await s.Admin.GetByteArrayAsync($"{s.Base}/exports/rpjmd.csv");
        var target = await MatrixScenario.StartAsync(platform);
        var imported = await (await target.ImportAsync(csv, "rpjmd.csv", "text/csv")).ReadAsync<JsonElement>();

        Assert.Equal(texts.Length, imported.GetProperty("imported").GetInt32());
        static async Task<List<string>> RowsOf(MatrixScenario m)
        {
            var rows = await (await m.Admin.GetAsync($"{m.Base}/rows")).ReadAsync<JsonElement>();
            return [.. rows.EnumerateArray().Select(r => r.GetProperty("fields"))
                .Select(f => string.Join("¦", new[] { F.Potential, F.CooperationObject, F.Benefit, F.AffairCode, F.ProgramCode }.Select(n => f.GetProperty(n).GetString()))
                    + "¦" + string.Join(";", f.GetProperty(F.YearlyPlans).EnumerateArray().Select(p => string.Join(":",
                        new[] { "year", "indicator", "target", "budget", "fundingSource" }.Select(k => p.TryGetProperty(k, out var v) ? v.ToString() : "")))))
                .Order(StringComparer.Ordinal)];
        }

        Assert.Equal(await RowsOf(s), await RowsOf(target));
        var back = await RowsOf(target);
        Assert.Contains(back, r => r.Contains(texts[1][1] + "¦" + texts[1][2], StringComparison.Ordinal));
        Assert.Contains(back, r => r.Contains("ruas 2, km 12", StringComparison.Ordinal) && r.Contains("\"Huma Betang\"", StringComparison.Ordinal));
    }
}
