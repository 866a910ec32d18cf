using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using KerjaSama.TestKit;
using Xunit;
using Xunit.Abstractions;
using F = KerjaSama.Planning.Contracts.Live.MatrixFieldNames;

namespace KerjaSama.Planning.Tests.Consolidation;

public abstract partial class ExportImportTests(PlatformFixture platform, ITestOutputHelper output)
{
    private const string Header = "affair_code,potential,cooperation_type,partner_region_codes,program_code,start_year,duration_years,"
        + "indicator_2026,target_2026,budget_2026,funding_source_2026,budget_2027";

    private static Dictionary<string, object?> Planned(string potential, string affair, string program, long budget2026, long budget2027)
    {
        var fields = MatrixScenario.Opportunity(potential, affair);
        fields[F.ProgramCode] = program;
        fields[F.YearlyPlans] = new object[]
        {
            new { year = 2026, indicator = "Jumlah layanan", target = "10", budget = budget2026, fundingSource = "APBD" },
            new { year = 2027, target = "20", budget = budget2027, fundingSource = "APBD" },
        };
        return fields;
    }

    [Fact]
    public async Task The_decree_annex_lists_adopted_rows_by_affair_with_budget_totals_per_affair_and_year()
    {
        var s = await MatrixScenario.StartAsync(platform);
        var a = await s.AddRowAsync(Planned("Rujukan kesehatan", "1.02", "1.02.02", 100_000_000, 120_000_000));
        var b = await s.AddRowAsync(Planned("Surveilans bersama", "1.02", "1.02.02", 50_000_000, 0));
        var c = await s.AddRowAsync(Planned("Wisata sungai", "3.26", "3.26.02", 75_000_000, 80_000_000));
        var notAdopted = await s.AddRowAsync(Planned("Belum dibahas", "1.02", "1.02.02", 999_000_000, 999_000_000));
        await (await s.PostAsync("rows/status", new { rowIds = new[] { a, b, c }, status = "diverifikasi", reason = "Verifikasi" })).ReadAsync<JsonElement>();
        await (await s.PostAsync("rows/status", new { rowIds = new[] { a, b, c }, status = "dibahas_tkksd", reason = "TKKSD" })).ReadAsync<JsonElement>();
        await (await s.PostAsync("rows/status", new { rowIds = new[] { a, b, c }, status = "ditetapkan", reason = "Kepgub" })).ReadAsync<JsonElement>();
        Assert.NotEqual(a, notAdopted);

        var response = await s.Admin.GetAsync($"{s.Base}/exports/decree-annex.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var rows = Xlsx.Read(await response.Content.ReadAsByteArrayAsync(), out var merges, out var budgetFormat);
        Assert.Equal("DAFTAR PROGRAM DAN KEGIATAN KERJA SAMA DAERAH", rows[1][0]);
        var header = rows[4];
        var budget2026 = header.IndexOf("Pagu Indikatif 2026 (Rp)");
        var budget2027 = header.IndexOf("Pagu Indikatif 2027 (Rp)");
        Assert.True(budget2026 > 0 && budget2027 > budget2026);
        Assert.Contains("Program", header);
        Assert.Equal("3", budgetFormat); // #,##0

        var text = rows.Select(r => string.Join("|", r)).ToList();
        var health = text.FindIndex(t => t.StartsWith("Urusan 1.02 Kesehatan", StringComparison.Ordinal));
        var tourism = text.FindIndex(t => t.StartsWith("Urusan 3.26", StringComparison.Ordinal));
        Assert.True(health > 4 && tourism > health, string.Join("\n", text));
        Assert.Contains($"A{health + 1}:", string.Join(",", merges), StringComparison.Ordinal);
        Assert.Contains(text, t => t.Contains("Rujukan kesehatan", StringComparison.Ordinal));
        Assert.DoesNotContain(text, t => t.Contains("Belum dibahas", StringComparison.Ordinal));
        Assert.Contains(rows[health + 1], cell => cell.StartsWith("1.02.02 PROGRAM PEMENUHAN", StringComparison.Ordinal));

        var healthTotal = rows[text.FindIndex(t => t.Contains("Jumlah 1.02 Kesehatan", StringComparison.Ordinal))];
        Assert.Equal("150000000", healthTotal[budget2026]);
        Assert.Equal("120000000", healthTotal[budget2027]);
        var tourismTotal = rows[text.FindIndex(t => t.Contains("Jumlah 3.26", StringComparison.Ordinal))];
        Assert.Equal("75000000", tourismTotal[budget2026]);
        var grand = rows[text.FindIndex(t => t.Contains("JUMLAH SELURUHNYA", StringComparison.Ordinal))];
        Assert.Equal("225000000", grand[budget2026]);
        Assert.Equal("200000000", grand[budget2027]);

        var page = await s.Admin.GetStringAsync($"/planning/exercises/{s.ExerciseId}/annex");
        Assert.Contains("DAFTAR PROGRAM DAN KEGIATAN KERJA SAMA DAERAH", page, StringComparison.Ordinal);
        Assert.Contains("Rujukan kesehatan", page, StringComparison.Ordinal);
        Assert.Contains("225.000.000", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Belum dibahas", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_RPJMD_and_RKPD_matrices_export_as_xlsx_and_csv_and_the_xlsx_imports_into_another_exercise()
    {
        var s = await MatrixScenario.StartAsync(platform);
        await s.AddRowAsync(Planned("Rujukan kesehatan, lintas batas", "1.02", "1.02.02", 100_000_000, 120_000_000));
        var other = Planned("Wisata sungai", "3.26", "3.26.02", 0, 80_000_000);
        other[F.YearlyPlans] = new object[] { new { year = 2027, target = "20", budget = 80_000_000L } };
        await s.AddRowAsync(other);

        var csv = Encoding.UTF8.GetString(await s.Admin.GetByteArrayAsync($"{s.Base}/exports/rpjmd.csv")).TrimStart('\uFEFF');
        var lines = csv.TrimEnd('\n', '\r').Split("\r\n");
        Assert.Equal(3, lines.Length);
        var header = lines[0].Split(',');
        Assert.Contains("budget_2029", header);
        Assert.Contains("\"Rujukan kesehatan, lintas batas\"", lines[1], StringComparison.Ordinal);
        Assert.Contains(",100000000,", lines[1], StringComparison.Ordinal);

        var rkpd = Xlsx.Read(await s.Admin.GetByteArrayAsync($"{s.Base}/exports/rkpd.xlsx?year=2026"));
        Assert.Equal(2, rkpd.Count);
        // Bapperida's headings, not field names (issue 22); the CSV keeps the names.
        Assert.Contains("Pagu Indikatif 2026 (Rp)", rkpd[0]);
        Assert.DoesNotContain("Pagu Indikatif 2027 (Rp)", rkpd[0]);
        Assert.DoesNotContain("budget_2026", rkpd[0]);
        foreach (var heading in new[] { "Program/Kegiatan/Sub Kegiatan", "Indikator Kinerja 2026", "Target 2026", "Perangkat Daerah Penanggung Jawab", "Kode Urusan" })
            Assert.Contains(heading, rkpd[0]);
        Assert.Equal("100000000", rkpd[1][rkpd[0].IndexOf("Pagu Indikatif 2026 (Rp)")]);
        await (await s.Admin.GetAsync($"{s.Base}/exports/rkpd.csv?year=2031")).AssertValidationProblemAsync("year");

        var rpjmd = await s.Admin.GetByteArrayAsync($"{s.Base}/exports/rpjmd.xlsx");
        var target = await MatrixScenario.StartAsync(platform);
        var imported = await (await target.ImportAsync(rpjmd, "rpjmd.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
            .ReadAsync<JsonElement>();
        Assert.Equal(2, imported.GetProperty("imported").GetInt32());
        var back = Xlsx.Read(await target.Admin.GetByteArrayAsync($"{target.Base}/exports/rpjmd.xlsx"));
        var original = Xlsx.Read(rpjmd);
        int Col(List<List<string>> sheet, string name) => sheet[0].IndexOf(KerjaSama.Planning.Consolidation.MatrixHeadings.Of(name, KerjaSama.Modularity.Localization.Messages.Indonesian));
        foreach (var column in new[] { "potential", "program_code", "budget_2026", "budget_2027", "target_2027", "partner_region_codes", "status" })
        {
            Assert.Equal(original.Skip(1).Select(r => r.ElementAtOrDefault(Col(original, column)) ?? "").Order(),
                back.Skip(1).Select(r => r.ElementAtOrDefault(Col(back, column)) ?? "").Order());
        }
    }

    [Fact]
    public async Task An_import_with_bad_lines_reports_every_one_with_its_number_and_column_and_imports_nothing()
    {
        var s = await MatrixScenario.StartAsync(platform);
        var csv = Header + "\n"
            + "1.02,Baik,KSDD-sukarela,63,1.02.02,2026,3,Jumlah,10,1.500.000,APBD,0\n"
            + "1.02,Pagu negatif,KSDD-sukarela,63,1.02.02,2026,3,,,-5,,\n"
            + "1.02,Kode tidak ada,KSDD-sukarela,63,1.02.77,2026,3,,,1000,,\n"
            + "1.02,Pagu teks,KSDD-wajib,31,1.02.02,tahun,3,,,satu juta,,\n";
        var problem = await (await s.ImportCsvAsync(csv)).AssertValidationProblemAsync("row 3: budget_2026", "row 4: program_code", "row 5: budget_2026",
            "row 5: start_year");
        Assert.Equal("import_invalid", problem.GetProperty("code").GetString());
        var reported = problem.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("row").GetInt32()).Distinct().Order();
        Assert.Equal([3, 4, 5], reported);
        Assert.Equal(0, await s.OpCountAsync());

        await (await s.ImportCsvAsync("affair_code,potensi_lama\n1.02,x\n")).AssertValidationProblemAsync("row 1: potensi_lama", "row 1: potential");
        await (await s.ImportCsvAsync("affair_code,potential,budget_2031\n1.02,x,5\n")).AssertValidationProblemAsync("row 1: budget_2031");
        var broken = await s.ImportAsync([.. "PK\u0003\u0004 rusak"u8], "rusak.xlsx", "application/octet-stream");
        Assert.Equal("import_unreadable", (await broken.AssertValidationProblemAsync("file")).GetProperty("code").GetString());
        await (await s.ImportCsvAsync("affair_code,potential\n1.02,\"tanpa penutup\n")).AssertValidationProblemAsync("file");
        Assert.Equal(0, await s.OpCountAsync());

        var good = await (await s.ImportCsvAsync(Header + "\n1.02,Baik,KSDD-sukarela,63,1.02.02,2026,3,Jumlah,10,1.500.000,APBD,0\n")).ReadAsync<JsonElement>();
        Assert.Equal(1, good.GetProperty("imported").GetInt32());
        var row = await s.RowAsync(good.GetProperty("rowIds")[0].GetGuid());
        Assert.Equal(1_500_000, row[F.YearlyPlans][0].GetProperty("budget").GetInt64());
    }

    [Fact]
    public async Task Exporting_a_thousand_rows_is_measured()
    {
        var s = await MatrixScenario.StartAsync(platform);
        var csv = new StringBuilder("affair_code,potential,cooperation_type,partner_region_codes,program_code,activity_code,sub_activity_code,"
            + string.Join(",", Enumerable.Range(2025, 5).SelectMany(y => new[] { $"target_{y}", $"budget_{y}", $"funding_source_{y}" })) + "\n");
        for (var i = 0; i < 1000; i++)
        {
            var affair = i % 2 == 0 ? "1.02,Potensi kesehatan {0},KSDD-sukarela,63,1.02.02,1.02.02.1.02,1.02.02.1.02.0001" : "3.26,Potensi wisata {0},KSDD-sukarela,63,3.26.02,,";
            csv.Append(string.Format(System.Globalization.CultureInfo.InvariantCulture, affair, i));
            foreach (var _ in Enumerable.Range(2025, 5))
                csv.Append(",10 unit,").Append(1_000_000 + i).Append(",APBD");
            csv.Append('\n');
        }

        var clock = Stopwatch.StartNew();
        var imported = await (await s.ImportCsvAsync(csv.ToString())).ReadAsync<JsonElement>();
        var importTime = clock.Elapsed;
        var ids = imported.GetProperty("rowIds").EnumerateArray().Select(e => e.GetGuid()).ToList();
        Assert.Equal(1000, ids.Count);
        foreach (var status in new[] { "diverifikasi", "dibahas_tkksd", "ditetapkan" })
            await (await s.PostAsync("rows/status", new { rowIds = ids, status, reason = "Massal" })).ReadAsync<JsonElement>();

        clock.Restart();
        var annex = await s.Admin.GetByteArrayAsync($"{s.Base}/exports/decree-annex.xlsx");
        var annexTime = clock.Elapsed;
        clock.Restart();
        var matrix = await s.Admin.GetByteArrayAsync($"{s.Base}/exports/rpjmd.xlsx");
        var matrixTime = clock.Elapsed;
        clock.Restart();
        var matrixCsv = await s.Admin.GetByteArrayAsync($"{s.Base}/exports/rpjmd.csv");
        var csvTime = clock.Elapsed;

        var annexRows = Xlsx.Read(annex);
        Assert.Equal(1000, annexRows.Count(r => r.Count > 2 && (r[2].StartsWith("Potensi kesehatan", StringComparison.Ordinal) || r[2].StartsWith("Potensi wisata", StringComparison.Ordinal))));
        Assert.Equal(1001, Xlsx.Read(matrix).Count);
        var line = $"[{platform.Provider}] 1,000 rows: import (CSV, all checked, one grain batch) {importTime.TotalMilliseconds:F0} ms; "
            + $"decree annex XLSX {annexTime.TotalMilliseconds:F0} ms ({annex.Length / 1024} KiB); RPJMD XLSX {matrixTime.TotalMilliseconds:F0} ms "
            + $"({matrix.Length / 1024} KiB); RPJMD CSV {csvTime.TotalMilliseconds:F0} ms ({matrixCsv.Length / 1024} KiB)";
        output.WriteLine(line);
        Console.WriteLine(line);
    }
}

[Collection(SharedHost.Sqlite)]
public sealed class ExportImportTests_on_Sqlite(SqlitePlatformFixture p, ITestOutputHelper o) : ExportImportTests(p, o);

[Collection(SharedHost.PostgreSql)]
public sealed class ExportImportTests_on_PostgreSql(PostgreSqlPlatformFixture p, ITestOutputHelper o) : ExportImportTests(p, o);
