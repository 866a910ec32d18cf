using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using KerjaSama.Modularity.Security;
using KerjaSama.Modularity.Spreadsheets;
using KerjaSama.TestKit;

namespace KerjaSama.Registry.Tests;

/// <summary>
/// The official nomenclature spreadsheet (XLSX) imported over HTTP, in its two layouts (Seed/README.md, "Newer editions"):
/// the SIPD export (one sub kegiatan per line, each level written "code name", X.XX lines for every bidang, series 3–8
/// read once per level, docs/adr/0025) and the decree's table (KODE and NOMENKLATUR columns) with bad lines that refuse the whole file.
/// Not on the host of <see cref="NomenclatureTests"/>: these imports add codes, which its documented counts must not see.
/// </summary>
public abstract class NomenclatureSheetTests(PlatformFixture platform) : IAsyncLifetime
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    // Shipped names (Seed/nomenclature.csv), so that the sheet renames none of the parents it repeats.
    private const string Kesehatan = "1.02 URUSAN PEMERINTAHAN BIDANG KESEHATAN";
    private const string Penunjang = "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH PROVINSI";
    private const string Perencanaan = "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah";
    private const string Upaya = "1.02.02 PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT";
    private const string Rujukan = "1.02.02.2.02 Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota";

    private readonly HttpClient _public = platform.Client;
    private TestUser _user = null!;
    private HttpClient _secretariat = null!;

    public async Task InitializeAsync()
    {
        _user = await platform.SignInAsync(TestOrganisations.Secretariat, TestOrganisations.SecretariatName, PlatformRoles.SecretariatAdmin);
        _secretariat = platform.ClientFor(_user);
    }

    public Task DisposeAsync()
    {
        _secretariat.Dispose();
        return Task.CompletedTask;
    }

    private static Task<byte[]> WorkbookAsync(params IEnumerable<string[]> lines)
    {
        var sheet = new XlsxSheet("Worksheet");
        foreach (var line in lines)
            sheet.AddRow([.. line.Select(c => new XlsxCell(c))]);
        return XlsxWriter.WriteAsync([sheet]);
    }

    private Task<HttpResponseMessage> PostAsync(byte[] workbook, string query = "")
    {
        var body = new ByteArrayContent(workbook);
        body.Headers.ContentType = new MediaTypeHeaderValue(XlsxType);
        return _secretariat.PostAsync($"/api/registry/nomenclature/import{query}", body);
    }

    private async Task<NomenclatureItemRow?> FindAsync(string code) =>
        (await (await _public.GetAsync($"/api/registry/nomenclature?q={code}&pageSize=200")).ReadAsync<PageOf<NomenclatureItemRow>>())
        .Items.SingleOrDefault(i => i.Code == code);

    private async Task<string> StatsAsync() => (await (await _public.GetAsync("/api/registry/nomenclature/stats")).ReadAsync<JsonElement>()).GetRawText();

    private static readonly string[] SipdHeader =
        ["JENIS PEMDA", "BIDANG", "PROGRAM", "KEGIATAN", "SUBKEGIATAN", "KINERJA", "INDIKATOR", "SATUAN", "TAG", "SUBKEGIATAN SEBELUMNYA"];

    /// <summary>
    /// A SIPD export adding programme 1.02.<paramref name="n"/> at both levels, a series-3 code that names a different kegiatan
    /// at each level, and an X.XX line; optionally a rename.
    /// </summary>
    private static Task<byte[]> SipdWorkbookAsync(int n, bool rename) => WorkbookAsync(
    [
        SipdHeader,
        ["PROV", Kesehatan, $"1.02.{n} PROGRAM UJI IMPOR", $"1.02.{n}.1.01 Kegiatan Uji  Provinsi", $"1.02.{n}.1.01.0001 Sub Kegiatan Uji Lembar Resmi {n}",
            "Terlaksananya Uji", "Jumlah Dokumen Uji", "Dokumen", "[null]", ""],
        ["KABKOT", Kesehatan, $"1.02.{n} PROGRAM UJI IMPOR KABUPATEN/KOTA", $"1.02.{n}.2.01 Kegiatan Uji Kabupaten", $"1.02.{n}.2.01.0001 Sub Kegiatan Uji Kabupaten",
            "Tersedianya Uji", "Jumlah Laporan Uji", "Laporan", "[null]", ""],
        ["KABKOT", Kesehatan, $"1.02.{n} PROGRAM UJI IMPOR", $"1.02.{n}.3.01 Kegiatan Seri Tiga", $"1.02.{n}.3.01.0001 Sub Kegiatan Seri Tiga", "", "", "", "", ""],
        ["PROV", Kesehatan, $"1.02.{n} PROGRAM SERI TIGA TIDAK MENAMAI", $"1.02.{n}.3.01 Kegiatan Seri Tiga Provinsi",
            $"1.02.{n}.3.01.0001 Sub Kegiatan Seri Tiga Provinsi", "Tersedianya Layanan", "Jumlah Layanan", "Layanan", "", ""],
        ["PROV", "X.XX URUSAN PEMERINTAHAN BIDANG XX", "X.XX.01 " + Penunjang, "X.XX.01.1.01 " + Perencanaan,
            $"X.XX.01.1.01.09{n} Penyusunan Dokumen Uji Penunjang", "Tersusunnya Dokumen", "Jumlah Dokumen", "Dokumen", "", ""],
        .. (rename
            ? new[] { new[] { "KABKOT", Kesehatan, Upaya, Rujukan, "1.02.02.2.02.0003 Pengelolaan Pelayanan Kesehatan Bayi Baru Lahir Menurut Lembar Baru",
                "Terpenuhinya layanan", "Jumlah bayi", "Orang", "", "" } }
            : []),
    ]);

    [Fact]
    public async Task The_SIPD_export_is_previewed_then_imported_with_its_parents_placeholder_lines_and_a_report()
    {
        var before = await StatsAsync();
        var workbook = await SipdWorkbookAsync(77, rename: true);

        var preview = (await (await PostAsync(workbook, "?preview=true")).ReadAsync<JsonElement>()).GetProperty("report");

        Assert.False(preview.GetProperty("applied").GetBoolean());
        Assert.Equal(["1.02.01.1.01.0977", "1.02.77", "1.02.77.1.01", "1.02.77.1.01.0001", "1.02.77.2.01", "1.02.77.2.01.0001",
                "1.02.77.3.01", "1.02.77.3.01", "1.02.77.3.01.0001", "1.02.77.3.01.0001"],
            Codes(preview, "added").Order(StringComparer.Ordinal));
        Assert.Equal(["kabupaten_kota", "provinsi"], preview.GetProperty("added").EnumerateArray()
            .Where(c => c.GetProperty("code").GetString() == "1.02.77.3.01").Select(c => c.GetProperty("governmentLevel").GetString()).Order());
        Assert.Equal(["1.02.02.2.02.0003"], Codes(preview, "renamed"));
        Assert.Empty(Codes(preview, "removed"));
        Assert.False(preview.TryGetProperty("skipped", out _)); // nothing is set aside any more
        Assert.Equal(before, await StatsAsync());
        Assert.Null(await FindAsync("1.02.77"));

        var applied = (await (await PostAsync(workbook)).ReadAsync<JsonElement>()).GetProperty("report");

        Assert.True(applied.GetProperty("applied").GetBoolean());
        var program = await FindAsync("1.02.77");
        Assert.NotNull(program);
        Assert.Equal("PROGRAM UJI IMPOR", program.Name); // the provinsi line's name wins over the kabupaten/kota one, a main-series line over a series-3 one
        Assert.Equal(["provinsi", "kabupaten_kota"], program.GovernmentLevels);
        var sub = await FindAsync("1.02.77.1.01.0001");
        Assert.NotNull(sub);
        Assert.Equal(("Sub Kegiatan Uji Lembar Resmi 77", "Terlaksananya Uji", "Jumlah Dokumen Uji", "Dokumen"), (sub.Name, sub.Output, sub.Indicator, sub.Unit));
        Assert.Equal(["provinsi"], sub.GovernmentLevels);
        Assert.Equal("1.02.77.1.01", sub.ParentCode);
        Assert.Equal("Penyusunan Dokumen Uji Penunjang", (await FindAsync("1.02.01.1.01.0977"))?.Name);
        Assert.Equal("Pengelolaan Pelayanan Kesehatan Bayi Baru Lahir Menurut Lembar Baru", (await FindAsync("1.02.02.2.02.0003"))?.Name);
        var series = (await (await _public.GetAsync("/api/registry/nomenclature?q=1.02.77.3.01&pageSize=20")).ReadAsync<PageOf<NomenclatureItemRow>>()).Items;
        Assert.Equal([("1.02.77.3.01", "kabupaten_kota", "Kegiatan Seri Tiga"), ("1.02.77.3.01", "provinsi", "Kegiatan Seri Tiga Provinsi"),
                ("1.02.77.3.01.0001", "kabupaten_kota", "Sub Kegiatan Seri Tiga"), ("1.02.77.3.01.0001", "provinsi", "Sub Kegiatan Seri Tiga Provinsi")],
            series.Select(i => (i.Code, Assert.Single(i.GovernmentLevels), i.Name)));
        Assert.Equal("Layanan", series[3].Unit);
        Assert.Equal(["provinsi", "kabupaten_kota"], (await FindAsync("1.02"))?.GovernmentLevels);
        var words = await (await _public.GetAsync("/api/registry/nomenclature?q=uji lembar resmi 77")).ReadAsync<PageOf<NomenclatureItemRow>>();
        Assert.Equal("1.02.77.1.01.0001", Assert.Single(words.Items).Code);
    }

    [Fact]
    public async Task A_decree_table_with_a_malformed_code_an_orphan_and_duplicates_is_refused_whole_with_every_line_listed()
    {
        var before = await StatsAsync();
        var workbook = await WorkbookAsync(
            ["LAMPIRAN KEPUTUSAN MENTERI DALAM NEGERI"],
            [],
            ["KODE", "NOMENKLATUR URUSAN PROVINSI DAN KABUPATEN/KOTA", "KINERJA", "INDIKATOR", "SATUAN"],
            ["1.02.02.2.02.0004", "Nama Baru dari Tabel Keputusan", "Terpenuhinya layanan", "Jumlah balita", "Orang"], // line 4: valid
            ["1.02.2.02", "Kode rusak", "", "", ""],                                                                   // line 5: malformed
            ["1.02.88.2.01.0001", "Tanpa induk", "", "", ""],                                                          // line 6: orphan
            ["1.02.02.2.02.0002", "Ganda", "", "", ""],                                                                // line 7
            ["1.02.02.2.02.0002", "Ganda lagi", "", "", ""],                                                           // line 8: duplicate
            ["1.02.02.3.01", "Seri tiga tanpa tingkat", "", "", ""]);                                                  // line 9: series 3 needs its level

        var problem = await (await PostAsync(workbook, "?edition=false")).AssertValidationProblemAsync("line 5", "line 6", "line 8", "line 9");

        Assert.Equal("import_invalid", problem.GetProperty("code").GetString());
        var lines = problem.GetProperty("lines").EnumerateArray().Select(l => (l.GetProperty("line").GetInt32(), l.GetProperty("code").GetString())).ToList();
        Assert.Equal([(5, "nomenclature_code_invalid"), (6, "nomenclature_parent_missing"), (8, "nomenclature_code_duplicate"),
            (9, "nomenclature_series_level_required")], lines);
        Assert.Contains("Induknya '1.02.88.2.01'", problem.GetProperty("errors").GetProperty("line 6")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await StatsAsync());
        Assert.Equal("Pengelolaan Pelayanan Kesehatan Balita", (await FindAsync("1.02.02.2.02.0004"))?.Name);
    }

    [Fact]
    public async Task A_bad_SIPD_line_is_named_in_English_when_English_is_chosen_and_nothing_is_stored()
    {
        var before = await StatsAsync();
        var workbook = await WorkbookAsync(SipdHeader,
            ["PROV", Kesehatan, "1.02.78 PROGRAM UJI", "1.02.78.2.01 Kegiatan digit kabupaten pada baris provinsi", "1.02.78.2.01.0001 Sub", "", "", "", "", ""],
            ["PUSAT", Kesehatan, "1.02.78 PROGRAM UJI", "1.02.78.1.01 Kegiatan", "1.02.78.1.01.0001 Sub", "", "", "", "", ""],
            ["PROV", Kesehatan, "1.02.78 PROGRAM UJI", "1.02.79.1.01 Kegiatan di program lain", "tanpa kode", "", "", "", "", ""]);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/registry/nomenclature/import") { Content = new ByteArrayContent(workbook) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(XlsxType);
        request.Headers.AcceptLanguage.ParseAdd("en");

        var problem = await (await _secretariat.SendAsync(request)).AssertValidationProblemAsync("line 2", "line 3", "line 4");

        var codes = problem.GetProperty("lines").EnumerateArray().Select(l => (l.GetProperty("line").GetInt32(), l.GetProperty("code").GetString())).ToList();
        Assert.Contains((2, "nomenclature_digit_level_mismatch"), codes);
        Assert.Contains((3, "nomenclature_government_unknown"), codes);
        Assert.Contains((4, "nomenclature_cell_not_under"), codes);
        Assert.Contains((4, "nomenclature_cell_not_code"), codes);
        Assert.Equal("level: 'PUSAT' is not a level of government (PROV or KABKOT).", problem.GetProperty("errors").GetProperty("line 3")[0].GetString());
        Assert.Equal(before, await StatsAsync());
        Assert.Null(await FindAsync("1.02.78"));
    }

    [Fact]
    public async Task A_file_that_is_no_workbook_or_has_no_known_header_is_refused()
    {
        var unknown = await PostAsync(await WorkbookAsync(["NAMA", "NILAI"], ["x", "1"]));
        var broken = await PostAsync([(byte)'P', (byte)'K', 3, 4, 0, 0, 1, 2, 3]);

        var header = await unknown.AssertValidationProblemAsync("line 1");
        Assert.Equal("nomenclature_sheet_layout", header.GetProperty("lines")[0].GetProperty("code").GetString());
        var file = await broken.AssertValidationProblemAsync("line 1");
        Assert.Equal("nomenclature_sheet_unreadable", file.GetProperty("lines")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_import_page_previews_an_uploaded_workbook_without_storing_it()
    {
        var before = await StatsAsync();
        using var page = new FormPage(platform.BaseAddress, _user);
        var html = await page.GetAsync("/registry/import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent("import"), "_handler" }, { new StringContent(FormPage.Token(html)), "__RequestVerificationToken" },
            { new StringContent("nomenclature"), "kind" }, { new StringContent("true"), "preview" },
        };
        var file = new ByteArrayContent(await SipdWorkbookAsync(76, rename: false));
        file.Headers.ContentType = new MediaTypeHeaderValue(XlsxType);
        form.Add(file, "file", "nomenklatur-subkegiatan.xlsx");

        var response = await page.Http.PostAsync("/registry/import", form);
        var result = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("10 kode ditambah, 0 diganti namanya, 0 dihapus", result, StringComparison.Ordinal);
        Assert.Contains("<td>1.02.76.3.01</td><td>kegiatan (provinsi)</td>", result, StringComparison.Ordinal);
        Assert.Contains("1.02.76.2.01.0001", result, StringComparison.Ordinal);
        Assert.Equal(before, await StatsAsync());
    }

    private static List<string> Codes(JsonElement report, string list) =>
        [.. report.GetProperty(list).EnumerateArray().Select(c => c.GetProperty("code").GetString()!)];
}

[Collection(SharedHost.Sqlite)]
public sealed class NomenclatureSheetTests_on_Sqlite(SqlitePlatformFixture platform) : NomenclatureSheetTests(platform);

[Collection(SharedHost.PostgreSql)]
public sealed class NomenclatureSheetTests_on_PostgreSql(PostgreSqlPlatformFixture platform) : NomenclatureSheetTests(platform);
